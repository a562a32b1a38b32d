using ComplianceApi.Bench;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Tests.Bench;

/// <summary>
/// The benchmark's data set, at a small scale: the same seed must write the same rows, and the rows must
/// be what the service itself would have kept.
/// </summary>
public sealed class NationalDataSetTests(TestHosts hosts)
{
    private static readonly NationalDataSetSettings Small = new() { Forces = 3, Inspections = 5, Findings = 40, UpdatesPerResponse = 10 };

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_same_seed_generates_identical_rows(Provider provider)
    {
        var first = await GenerateAsync(provider, Small);
        var second = await GenerateAsync(provider, Small);

        var rows = await AllRowsAsync(first);
        Assert.True(rows.Count > 1_000, $"only {rows.Count} rows were generated");

        // Written around SaveChanges, the rows still change the data version: no cached page outlives them.
        Assert.NotEqual(DataVersion.InitialStamp, await first.CurrentStampAsync(TestContext.Current.CancellationToken));
        Assert.Equal(rows, await AllRowsAsync(second));

        var otherSeed = await GenerateAsync(provider, new NationalDataSetSettings
        {
            Seed = Small.Seed + 1, Forces = Small.Forces, Inspections = Small.Inspections, Findings = Small.Findings,
        });
        Assert.NotEqual(rows, await AllRowsAsync(otherSeed));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Every_response_stands_where_its_latest_progress_update_left_it(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await GenerateAsync(provider, Small);

        var responses = await db.ForceResponses.AsNoTracking().Include(r => r.Updates).ToListAsync(ct);
        Assert.NotEmpty(responses);
        Assert.All(responses, response =>
        {
            Assert.Equal(Small.UpdatesPerResponse, response.Updates.Count);
            var latest = response.Updates.OrderBy(u => u.EffectiveOn).ThenBy(u => u.RecordedAt).Last();
            Assert.Equal(
                (latest.Status, latest.Rag, latest.Narrative, (DateOnly?)latest.EffectiveOn, latest.SupersededByFindingId),
                (response.Status, response.Rag, response.PositionStatement, response.StatusEffectiveOn, response.SupersededByFindingId));
            Assert.Equal(response.Status == ResponseStatus.Closed ? latest.SignedOffBy : null, response.ClosedBy);
        });
        Assert.Contains(responses, r => r.Status == ResponseStatus.Closed);
        Assert.Contains(responses, r => r.Status == ResponseStatus.InProgress);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Every_force_responds_to_every_national_finding_and_a_force_to_its_own(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await GenerateAsync(provider, Small);

        var forces = await db.Forces.Where(f => f.Kind == ForceKind.Territorial).OrderBy(f => f.Code).Select(f => f.Code).Take(Small.Forces).ToListAsync(ct);
        var findings = await db.Findings.AsNoTracking()
            .Select(f => new
            {
                f.Inspection.AllForcesInScope,
                InScope = f.Inspection.ForcesInScope.Select(s => s.ForceCode).ToList(),
                Responding = db.ForceResponses.Where(r => r.FindingId == f.Id).OrderBy(r => r.ForceCode).Select(r => r.ForceCode).ToList(),
            })
            .ToListAsync(ct);

        Assert.Equal(Small.Findings, findings.Count);
        Assert.Contains(findings, f => f.AllForcesInScope);
        Assert.Contains(findings, f => !f.AllForcesInScope);
        Assert.All(findings, f => Assert.Equal(f.AllForcesInScope ? forces : f.InScope, f.Responding));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Deadlines_are_kept_as_words_and_a_good_share_of_open_responses_is_overdue(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await GenerateAsync(provider, Small);

        var findings = await db.Findings.AsNoTracking().ToListAsync(ct);
        Assert.All(findings.Where(f => f.DueDate is not null), f => Assert.Equal(f.Deadline, Deadline.Record(f.DeadlineText, null, f.Inspection.PublishedOn)));
        Assert.Contains(findings, f => f.DeadlineKind == DeadlineKind.Relative);
        Assert.Contains(findings, f => f.DeadlineKind == DeadlineKind.FixedDate);

        ResponseStatus[] open = [ResponseStatus.NotStarted, ResponseStatus.InProgress];
        var total = await db.ForceResponses.CountAsync(ct);
        var overdue = await db.ForceResponses.CountAsync(r => r.Finding.DueDate < NationalDataSet.AsAt && open.Contains(r.Status), ct);
        Assert.InRange(overdue, total / 5, total - 1);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Every_response_keeps_the_due_date_the_lists_judge_it_on(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await GenerateAsync(provider, Small);

        var responses = await db.ForceResponses.AsNoTracking()
            .Select(r => new { r.DueOn, r.RevisedTargetDate, FindingDueDate = r.Finding.DueDate })
            .ToListAsync(ct);

        Assert.All(responses, r => Assert.Equal(r.RevisedTargetDate ?? r.FindingDueDate, r.DueOn));
        Assert.Contains(responses, r => r.DueOn is not null);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_database_that_already_holds_data_is_left_alone(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await GenerateAsync(provider, Small);
        var before = await db.ProgressUpdates.CountAsync(ct);

        Assert.Null(await NationalDataSet.GenerateIntoEmptyDatabaseAsync(db, Small, ct));
        Assert.Equal(before, await db.ProgressUpdates.CountAsync(ct));
    }

    private async Task<ComplianceDbContext> GenerateAsync(Provider provider, NationalDataSetSettings settings)
    {
        var connectionString = provider == Provider.Postgres ? await hosts.NewPostgresDatabaseAsync() : hosts.NewSqliteDatabase();
        var options = new DbContextOptionsBuilder<ComplianceDbContext>();
        if (provider == Provider.Postgres)
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(connectionString);
        }

        var db = new ComplianceDbContext(options.Options, new Caller(new HttpContextAccessor()));
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(await NationalDataSet.GenerateIntoEmptyDatabaseAsync(db, settings, TestContext.Current.CancellationToken));
        return db;
    }

    /// <summary>Every row of every table the model maps, as text, in a fixed order.</summary>
    private static async Task<List<string>> AllRowsAsync(ComplianceDbContext db)
    {
        var rows = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        // The data version is a random stamp by design: equal data sets differ there and nowhere else.
        foreach (var table in db.Model.GetEntityTypes().Where(e => e.ClrType != typeof(DataVersion))
                     .Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add($"{table}: {string.Join(" | ", values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))}");
            }
        }

        await db.Database.CloseConnectionAsync();
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
