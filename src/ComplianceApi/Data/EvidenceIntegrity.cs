using System.Security.Cryptography;
using ComplianceApi.Support;
using ComplianceApi.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceApi.Data;

/// <summary>The <c>Evidence:*</c> settings: how large files may be, and how often stored files are read back.</summary>
public sealed class EvidenceFileOptions
{
    public const string Section = "Evidence";

    /// <summary>The largest file one upload may carry.</summary>
    public long MaxFileBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>The most bytes all of one piece of evidence's versions may hold together.</summary>
    public long MaxBytesPerEvidence { get; set; } = 100 * 1024 * 1024;

    /// <summary>How often each stored version is read back and its hash checked.</summary>
    public TimeSpan IntegrityCheckEvery { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often an instance looks for versions due a check.</summary>
    public TimeSpan IntegrityCheckPollEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most versions one instance checks in one round.</summary>
    public int IntegrityCheckBatch { get; set; } = 50;

    public static EvidenceFileOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<EvidenceFileOptions>() ?? new EvidenceFileOptions();
}

public static class EvidenceIntegrity
{
    /// <summary>
    /// Checks the versions due a check: each is claimed in a short transaction (its CheckedAt moved to now; on
    /// PostgreSQL rows another instance holds are skipped), then read back chunk by chunk and hashed. One whose
    /// bytes do not match is quarantined and never served again. Returns the versions quarantined.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> CheckDueAsync(this ComplianceDbContext db, DateTimeOffset now, EvidenceFileOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var due = (now - options.IntegrityCheckEvery).UtcDateTime;
        List<Guid> claimed;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var skipLocked = db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : "";
            // The only text put into the SQL is the constant lock clause; the values are parameters.
#pragma warning disable EF1002
            claimed = await db.Database.SqlQueryRaw<Guid>(
                $$"""
                SELECT f."Id" AS "Value" FROM "EvidenceFiles" AS f
                WHERE f."QuarantinedAt" IS NULL AND (f."CheckedAt" IS NULL OR f."CheckedAt" <= {0})
                ORDER BY f."CheckedAt" NULLS FIRST LIMIT {1}{{skipLocked}}
                """, due, options.IntegrityCheckBatch).ToListAsync(cancellationToken);
#pragma warning restore EF1002
            await db.EvidenceFiles.IgnoreQueryFilters().Where(f => claimed.Contains(f.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(f => f.CheckedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var quarantined = new List<Guid>();
        foreach (var id in claimed)
        {
            var file = await db.EvidenceFiles.IgnoreQueryFilters().AsNoTracking().SingleAsync(f => f.Id == id, cancellationToken);
            if (await HashOfAsync(db, file, cancellationToken) is var hash && hash == file.Sha256)
            {
                continue;
            }

            await db.EvidenceFiles.IgnoreQueryFilters().Where(f => f.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(f => f.QuarantinedAt, now), cancellationToken);
            logger.EvidenceFileQuarantined(file.EvidenceId, file.Version, file.Id, file.Sha256, hash ?? "(chunks missing or cut short)");
            quarantined.Add(id);
        }

        return quarantined;
    }

    /// <summary>The stored bytes' SHA-256; null when the chunks are not all there at their lengths.</summary>
    private static async Task<string?> HashOfAsync(ComplianceDbContext db, EvidenceFile file, CancellationToken cancellationToken)
    {
        await using var stored = StoredFileStream.Of(db, file);
        try
        {
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stored, cancellationToken));
        }
        catch (StoredFileDamagedException)
        {
            return null;
        }
    }

    public static IServiceCollection AddEvidenceFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Options.Create(EvidenceFileOptions.From(configuration)));
        services.AddHostedService<EvidenceIntegrityCheck>();
        return services;
    }
}

/// <summary>
/// Reads stored evidence files back on a schedule (<see cref="EvidenceFileOptions.IntegrityCheckPollEvery"/>),
/// so a file damaged in the database (a restore gone wrong, a disk error, a hand edit) is found and
/// quarantined before anyone relies on it. Every instance runs it; the claim keeps them off each other's versions.
/// </summary>
public sealed class EvidenceIntegrityCheck(IServiceScopeFactory scopes, TimeProvider clock, IOptions<EvidenceFileOptions> options, ILogger<EvidenceIntegrityCheck> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.IntegrityCheckPollEvery, clock);
        // The first round waits a period: at start-up the database may not be migrated yet.
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ComplianceDbContext>().CheckDueAsync(clock.GetUtcNow(), options.Value, logger, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.EvidenceIntegrityCheckFailed(exception);
            }
        }
    }
}
