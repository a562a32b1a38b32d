using System.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Data;

/// <summary>Brings the schema up to date, provisions the first admin key, and loads sample data on request.</summary>
public sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public const string BootstrapKeySetting = "ApiKeys:BootstrapAdminKey";
    public const string LoadSampleDataSetting = "Storage:LoadSampleData";

    private readonly TaskCompletionSource _initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes once the schema is up to date: background work waits for it (the build starts the host to
    /// write the contract, hosted services and all, with no database at all: then it never completes).
    /// </summary>
    public Task Initialized => _initialized.Task;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();

        // Several instances starting at once apply each migration exactly once (see MigrateUnderLockAsync).
        await MigrateUnderLockAsync(db, cancellationToken);
        await EnsureAnAdminKeyAsync(db, cancellationToken);

        if (configuration.GetValue<bool>(LoadSampleDataSetting))
        {
            var loaded = await SampleData.LoadIntoEmptyDatabaseAsync(db, clock, cancellationToken);
            logger.SampleDataLoaded(loaded);
        }

        _initialized.TrySetResult();
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await MigrateUnderLockAsync(scope.ServiceProvider.GetRequiredService<ComplianceDbContext>(), cancellationToken);
    }

    /// <summary>
    /// EF's own PostgreSQL migration lock (LOCK TABLE on the history table) ends with each migration's
    /// transaction, and EF commits after every migration, having listed the pending ones at the start: a
    /// second instance can apply a migration in that gap which the first then applies again. A
    /// session-level advisory lock held over the whole run closes the gap. SQLite's lock (a row in a lock
    /// table) already lasts the whole run.
    /// </summary>
    private static async Task MigrateUnderLockAsync(ComplianceDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        // Any fixed key will do, as long as nothing else in the database takes the same advisory lock.
        const string Lock = "SELECT pg_advisory_lock(7273494301950)";
        const string Unlock = "SELECT pg_advisory_unlock(7273494301950)";
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync(Lock, cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync(Unlock, CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task EnsureAnAdminKeyAsync(ComplianceDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await CreateTheFirstAdminKeyAsync(db, cancellationToken);
        }
        catch (Exception)
        {
            // Another instance starting at the same moment may have created it first (PostgreSQL then
            // fails this transaction as a serialization conflict); if so, that key serves.
            db.ChangeTracker.Clear();
            if (!await db.ApiKeys.AnyAsync(cancellationToken))
            {
                throw;
            }
        }
    }

    private async Task CreateTheFirstAdminKeyAsync(ComplianceDbContext db, CancellationToken cancellationToken)
    {
        // Serializable so that two instances starting together cannot both decide the table is empty.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        if (await db.ApiKeys.AnyAsync(cancellationToken))
        {
            return;
        }

        var configured = configuration[BootstrapKeySetting];
        var (key, secret) = string.IsNullOrEmpty(configured)
            ? ApiKey.Issue("bootstrap admin", ApiKeyRole.Admin, null, clock.GetUtcNow())
            : (ApiKey.FromSecret("bootstrap admin", ApiKeyRole.Admin, configured, clock.GetUtcNow()), null);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (secret is null)
        {
            logger.BootstrapKeyFromConfiguration(BootstrapKeySetting);
            return;
        }

        // Printed once, never stored in clear: whoever starts the service first must keep it.
        Console.WriteLine($"""

            No API keys existed, so an admin key was created. It is shown only this once:

                {secret}

            Send it in the X-Api-Key header, and use it to create keys for each client application.

            """);
    }
}
