using ComplianceApi.Data;
using ComplianceApi.Data.Migrations;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace ComplianceApi.Tests.Data;

/// <summary>
/// Each provider's migrations and model snapshot agree with the EF model: adding a migration now would add
/// nothing, the schema the migrations build equals the one the model describes, and a database the 1.x
/// migrations built (frozen in ReleasedDatabases/) upgrades with nothing to apply.
/// </summary>
public sealed class MigrationsTests(TestHosts hosts)
{
    /// <summary>What <c>dotnet ef migrations add</c> (and <c>has-pending-model-changes</c>) compares: the
    /// provider's model snapshot with the design-time model of the context the tool builds.</summary>
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Adding_a_migration_now_would_add_nothing(Provider provider)
    {
        await using var db = new DesignTimeContextFactory().CreateDbContext(["--provider", provider.ToString()]);
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot;
        Assert.NotNull(snapshot);
        var snapshotModel = db.GetService<IModelRuntimeInitializer>()
            .Initialize(((IMutableModel)snapshot.Model).FinalizeModel(), designTime: true, validationLogger: null)
            .GetRelationalModel();
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var differ = db.GetService<IMigrationsModelDiffer>();

        Assert.Empty(differ.GetDifferences(snapshotModel, model).Select(o => o.ToString()));
        Assert.False(differ.HasDifferences(snapshotModel, model));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_database_the_released_migrations_built_upgrades_to_the_current_schema_with_its_data_intact(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await NewDatabaseAsync(provider);
        var fromModel = await NewDatabaseAsync(provider);
        await ExecuteAsync(provider, database, ReleasedDatabase(provider));
        var inspectionId = Guid.NewGuid();
        var findingId = Guid.NewGuid();
        var responseId = Guid.NewGuid();
        var now = new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);
        await using var db = Context(provider, database);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Inspections" ("Id", "Reference", "Inspectorate", "Title", "Type", "PublishedOn", "PublicationStatus", "AllForcesInScope", "CreatedAt", "UpdatedAt")
            VALUES ({inspectionId}, 'building-the-picture-2015', 'Hmic', 'Building the picture', 'NationalThematic', {new DateOnly(2015, 7, 2)}, 'Published', {true}, {now}, {now})
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Findings" ("Id", "InspectionId", "Reference", "Kind", "Text", "BusinessArea", "DeadlineText", "DueDate", "CreatedAt", "UpdatedAt", "DeadlineKind", "DeadlinePrecision")
            VALUES ({findingId}, {inspectionId}, 'Recommendation 1', 'Recommendation', 'Text', 'InformationManagement', 'By 30 November 2015', {new DateOnly(2015, 11, 30)}, {now}, {now}, 'Explicit', 'AsSupplied')
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ForceResponses" ("Id", "FindingId", "ForceCode", "Status", "OwnerName", "CreatedAt", "UpdatedAt", "Version", "TrackedSince", "DueOn")
            VALUES ({responseId}, {findingId}, 'kent', 'InProgress', 'Head of Information Management', {now}, {now}, 1, {new DateOnly(2026, 11, 20)}, {new DateOnly(2015, 11, 30)})
            """, ct);
        // Two restricted reports, one to Kent alone and one to every force: forces read them before circulation was recorded.
        var restrictedToKent = Guid.NewGuid();
        var restrictedToAll = Guid.NewGuid();
        foreach (var (id, allForces) in new[] { (restrictedToKent, false), (restrictedToAll, true) })
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Inspections" ("Id", "Reference", "Inspectorate", "Title", "Type", "PublishedOn", "PublicationStatus", "AllForcesInScope", "CreatedAt", "UpdatedAt")
                VALUES ({id}, {"restricted-" + id}, 'Hmic', 'Circulated, not published', 'NationalThematic', {null}, 'Restricted', {allForces}, {now}, {now})
                """, ct);
        }

        await db.Database.ExecuteSqlAsync($"""INSERT INTO "InspectionForce" ("InspectionId", "ForceCode") VALUES ({restrictedToKent}, 'kent')""", ct);
        // What came after the release: the audit trail and the stored outcomes of idempotent writes.
        Assert.Equal(["AuditTrailAndIdempotency", "ChangeFeed", "Reminders", "ReportResponses", "FourEyesClosure", "PublicProgress", "KeyHygiene", "Webhooks", "EvidenceFiles", "ForceDataVersions", "InspectorateAssessments", "ComputedViewIndexes", "RestrictedReports", "Tags", "StatementInspectorateStatus", "ForceHistoryIndexes", "InspectorateAssessmentLoads", "LatestUpdateInIndex"], (await db.Database.GetPendingMigrationsAsync(ct)).Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]));
        await db.Database.MigrateAsync(ct);

        var schema = await DescribeSchemaAsync(provider, database);
        await using (var model = Context(provider, fromModel))
        {
            await model.Database.EnsureCreatedAsync(ct);
        }

        Assert.Equal(await DescribeSchemaAsync(provider, fromModel), schema);
        var response = await db.ForceResponses.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == responseId, ct);
        Assert.Equal(
            new { FindingId = findingId, ForceCode = "kent", Status = ResponseStatus.InProgress, OwnerName = (string?)"Head of Information Management", DueOn = (DateOnly?)new DateOnly(2015, 11, 30), TrackedSince = new DateOnly(2026, 11, 20) },
            new { response.FindingId, response.ForceCode, response.Status, response.OwnerName, response.DueOn, response.TrackedSince });
        var finding = await db.Findings.AsNoTracking().SingleAsync(f => f.Id == findingId, ct);
        Assert.Equal((DeadlineKind.Explicit, (DeadlinePrecision?)DeadlinePrecision.AsSupplied), (finding.DeadlineKind, finding.DeadlinePrecision));
        Assert.Equal(47, await db.Forces.CountAsync(ct));
        var circulation = await db.Inspections.IgnoreQueryFilters().AsNoTracking().Where(i => i.Id == restrictedToKent || i.Id == restrictedToAll)
            .ToDictionaryAsync(i => i.Id, i => i.CirculatedTo.Select(c => c.ForceCode).Order(StringComparer.Ordinal).ToList(), ct);
        Assert.Equal(["kent"], circulation[restrictedToKent]);
        Assert.Equal((await db.Forces.Where(f => f.Kind != ForceKind.Collaboration).Select(f => f.Code).ToListAsync(ct)).Order(StringComparer.Ordinal), circulation[restrictedToAll]);
        Assert.Contains("lancashire", circulation[restrictedToAll]);
        // EvidenceFiles changes evidence views, so it moves the stamp on again: caches of the old version are not served.
        Assert.Equal(Guid.Parse("3B8E2F4D-6C1A-4E9B-8D27-5A0F1C3E9B64"), (await db.DataVersions.SingleAsync(ct)).Stamp);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_schema_the_migrations_build_equals_the_one_the_model_describes(Provider provider)
    {
        var migrated = await NewDatabaseAsync(provider);
        var fromModel = await NewDatabaseAsync(provider);

        await using (var db = Context(provider, migrated))
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = Context(provider, fromModel))
        {
            await db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        }

        var expected = await DescribeSchemaAsync(provider, fromModel);
        var actual = await DescribeSchemaAsync(provider, migrated);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Evidence_recorded_before_reviews_existed_is_accepted_so_no_derived_rag_changes_on_upgrade(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Context(provider, await NewDatabaseAsync(provider));
        await db.GetService<IMigrator>().MigrateAsync("Reminders", ct);
        var now = new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);
        var inspectionId = Guid.NewGuid();
        var findingId = Guid.NewGuid();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Inspections" ("Id", "Reference", "Inspectorate", "Title", "Type", "PublishedOn", "PublicationStatus", "AllForcesInScope", "CreatedAt", "UpdatedAt")
            VALUES ({inspectionId}, 'building-the-picture-2015', 'Hmic', 'Building the picture', 'NationalThematic', {new DateOnly(2015, 7, 2)}, 'Published', {true}, {now}, {now})
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Findings" ("Id", "InspectionId", "Reference", "Kind", "Text", "BusinessArea", "DeadlineText", "DueDate", "CreatedAt", "UpdatedAt", "DeadlineKind", "DeadlinePrecision")
            VALUES ({findingId}, {inspectionId}, 'Recommendation 8', 'Recommendation', 'Text', 'InformationManagement', 'By 31 March 2030', {new DateOnly(2030, 3, 31)}, {now}, {now}, 'Explicit', 'AsSupplied')
            """, ct);
        // Implemented with evidence (green), implemented without (amber), in progress with evidence (amber).
        var seeded = new (string Force, string Status, bool Evidence)[] { ("kent", "Implemented", true), ("essex", "Implemented", false), ("surrey", "InProgress", true) };
        var ids = new List<Guid>();
        foreach (var (force, status, evidence) in seeded)
        {
            var id = Guid.NewGuid();
            ids.Add(id);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ForceResponses" ("Id", "FindingId", "ForceCode", "Status", "OwnerName", "CreatedAt", "UpdatedAt", "Version", "TrackedSince", "DueOn")
                VALUES ({id}, {findingId}, {force}, {status}, 'Head of Information Management', {now}, {now}, 1, {new DateOnly(2015, 8, 1)}, {new DateOnly(2030, 3, 31)})
                """, ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ProgressUpdates" ("Id", "ResponseId", "ForceCode", "EffectiveOn", "Status", "Narrative", "Author", "RecordedAt", "RecordedBy")
                VALUES ({Guid.NewGuid()}, {id}, {force}, {new DateOnly(2015, 9, 1)}, {status}, 'Under way.', 'Information Management Unit', {now}, 'tracker')
                """, ct);
            if (evidence)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Evidence" ("Id", "ForceCode", "ResponseId", "Title", "Kind", "Reference", "Date", "RecordedAt", "UpdatedAt")
                    VALUES ({Guid.NewGuid()}, {force}, {id}, 'Information Management Strategy', 'Minutes', 'SMB 31/10/2015', {new DateOnly(2015, 10, 31)}, {now}, {now})
                    """, ct);
            }
        }

        // Before: the rule as it stood, green when implemented with any evidence.
        var on = new DateOnly(2016, 1, 1);
        var before = seeded.Select(s => ResponseRules.DerivedRag(Enum.Parse<ResponseStatus>(s.Status), false, false, s.Evidence)).ToList();
        await db.Database.MigrateAsync(ct);

        var today = await db.ResponsesAsOf(null).Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var asOf = await db.ResponsesAsOf(on).Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var folded = await db.StatesOnAsync(db.ForceResponses.Where(r => ids.Contains(r.Id)), r => r.Id, on, ct);
        Assert.Equal([Rag.Green, Rag.Amber, Rag.Amber], before);
        Assert.Equal(before, ids.Select(id => today.Single(r => r.Id == id).ToState(db.Today).DerivedRag));
        Assert.Equal(before, ids.Select(id => asOf.Single(r => r.Id == id).ToState(on).DerivedRag));
        Assert.Equal(before, ids.Select(id => folded.Single(r => r.Id == id).State.DerivedRag));
        Assert.All(await db.Evidence.ToListAsync(ct), e => Assert.Equal((EvidenceReviewState.Accepted, e.RecordedAt), (e.ReviewState, e.ReviewedAt!.Value)));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Migrating_an_up_to_date_database_changes_nothing(Provider provider)
    {
        var database = await NewDatabaseAsync(provider);
        await using var db = Context(provider, database);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        var before = await DescribeSchemaAsync(provider, database);

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(before, await DescribeSchemaAsync(provider, database));
        Assert.Equal(47, await db.Forces.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Findings_recorded_before_deadlines_were_resolved_keep_their_due_dates_as_supplied(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Context(provider, await NewDatabaseAsync(provider));
        await db.GetService<IMigrator>().MigrateAsync("20261121000000_InitialSchema", ct);
        var inspectionId = Guid.NewGuid();
        var now = DateTime.UtcNow;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Inspections" ("Id", "Reference", "Inspectorate", "Title", "Type", "PublishedOn", "PublicationStatus", "AllForcesInScope", "CreatedAt", "UpdatedAt")
            VALUES ({inspectionId}, 'building-the-picture-2015', 'Hmic', 'Building the picture', 'NationalThematic', {new DateOnly(2015, 7, 2)}, 'Published', {true}, {now}, {now})
            """, ct);
        foreach (var (reference, text, dueDate) in new (string, string?, DateOnly?)[]
        {
            ("Recommendation 1", "Immediately", new DateOnly(2015, 7, 2)),
            ("Recommendation 2", "Within three months", null),
            ("Recommendation 3", null, null),
        })
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Findings" ("Id", "InspectionId", "Reference", "Kind", "Text", "BusinessArea", "DeadlineText", "DueDate", "CreatedAt", "UpdatedAt")
                VALUES ({Guid.NewGuid()}, {inspectionId}, {reference}, 'Recommendation', 'Text', 'InformationManagement', {text}, {dueDate}, {now}, {now})
                """, ct);
        }

        await db.Database.MigrateAsync(ct);

        var findings = await db.Findings.AsNoTracking().OrderBy(f => f.Reference)
            .Select(f => new { f.DeadlineText, f.DueDate, f.DeadlineKind, f.DeadlinePrecision }).ToListAsync(ct);
        Assert.Equal(
            [
                new { DeadlineText = (string?)"Immediately", DueDate = (DateOnly?)new DateOnly(2015, 7, 2), DeadlineKind = DeadlineKind.Explicit, DeadlinePrecision = (DeadlinePrecision?)DeadlinePrecision.AsSupplied },
                new { DeadlineText = (string?)"Within three months", DueDate = (DateOnly?)null, DeadlineKind = DeadlineKind.Explicit, DeadlinePrecision = (DeadlinePrecision?)null },
                new { DeadlineText = (string?)null, DueDate = (DateOnly?)null, DeadlineKind = DeadlineKind.None, DeadlinePrecision = (DeadlinePrecision?)null },
            ],
            findings);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Responses_recorded_before_due_dates_were_kept_on_them_are_due_on_their_revised_target_else_their_findings_due_date(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Context(provider, await NewDatabaseAsync(provider));
        await db.GetService<IMigrator>().MigrateAsync("20261121000000_InitialSchema", ct);
        var inspectionId = Guid.NewGuid();
        var dated = Guid.NewGuid();
        var undated = Guid.NewGuid();
        var now = DateTime.UtcNow;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Inspections" ("Id", "Reference", "Inspectorate", "Title", "Type", "PublishedOn", "PublicationStatus", "AllForcesInScope", "CreatedAt", "UpdatedAt")
            VALUES ({inspectionId}, 'building-the-picture-2015', 'Hmic', 'Building the picture', 'NationalThematic', {new DateOnly(2015, 7, 2)}, 'Published', {true}, {now}, {now})
            """, ct);
        foreach (var (id, reference, dueDate) in new (Guid, string, DateOnly?)[] { (dated, "Recommendation 1", new DateOnly(2015, 11, 30)), (undated, "Recommendation 2", null) })
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Findings" ("Id", "InspectionId", "Reference", "Kind", "Text", "BusinessArea", "DeadlineText", "DueDate", "CreatedAt", "UpdatedAt")
                VALUES ({id}, {inspectionId}, {reference}, 'Recommendation', 'Text', 'InformationManagement', NULL, {dueDate}, {now}, {now})
                """, ct);
        }

        (Guid Id, Guid Finding, string Force)[] responses = [(Guid.NewGuid(), dated, "kent"), (Guid.NewGuid(), dated, "lancashire"), (Guid.NewGuid(), undated, "kent")];
        foreach (var (id, finding, force) in responses)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ForceResponses" ("Id", "FindingId", "ForceCode", "Status", "CreatedAt", "UpdatedAt", "Version")
                VALUES ({id}, {finding}, {force}, 'InProgress', {now}, {now}, 1)
                """, ct);
        }

        // Lancashire re-baselined before the column existed.
        await db.GetService<IMigrator>().MigrateAsync("20261121140000_DataVersion", ct);
        await db.Database.ExecuteSqlAsync(
            $"""UPDATE "ForceResponses" SET "RevisedTargetDate" = {new DateOnly(2016, 3, 31)} WHERE "Id" = {responses[1].Id}""", ct);

        await db.Database.MigrateAsync(ct);

        var dueOn = await db.ForceResponses.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.DueOn, ct);
        Assert.Equal([new DateOnly(2015, 11, 30), new DateOnly(2016, 3, 31), null], responses.Select(r => dueOn[r.Id]));
    }

    [Fact]
    public async Task Two_instances_starting_at_once_on_PostgreSQL_migrate_once_and_create_one_admin_key()
    {
        var database = await hosts.NewPostgresDatabaseAsync();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database };
        await using var first = new ComplianceApiHost(Provider.Postgres, settings);
        await using var second = new ComplianceApiHost(Provider.Postgres, settings);

        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        await using var db = Context(Provider.Postgres, database);
        Assert.Equal(1, await db.ApiKeys.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(47, await db.Forces.CountAsync(TestContext.Current.CancellationToken));
        var response = await second.AdminClient().GetAsync("/api/v1/forces/kent", TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode);
    }

    /// <summary>The SQL of the frozen database for the provider (see its first lines for how it was made).</summary>
    private static string ReleasedDatabase(Provider provider)
    {
        var suffix = $".20261121150000_ResponseDueOn.{(provider == Provider.Postgres ? "postgres" : "sqlite")}.sql";
        var assembly = typeof(MigrationsTests).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(suffix, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(Provider provider, string connectionString, string sql)
    {
        await using System.Data.Common.DbConnection connection = provider == Provider.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> NewDatabaseAsync(Provider provider) =>
        provider == Provider.Postgres ? await hosts.NewPostgresDatabaseAsync() : hosts.NewSqliteDatabase();

    private static ComplianceDbContext Context(Provider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<ComplianceDbContext>();
        if (provider == Provider.Postgres)
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(connectionString);
        }

        return new ComplianceDbContext(options.Options, new Caller(new HttpContextAccessor()));
    }

    /// <summary>Tables, columns with types, nullability and defaults, indexes, keys and foreign keys, as text lines.</summary>
    private static async Task<List<string>> DescribeSchemaAsync(Provider provider, string connectionString)
    {
        var lines = provider == Provider.Postgres
            ? await DescribePostgresAsync(connectionString)
            : await DescribeSqliteAsync(connectionString);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> DescribeSqliteAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = await QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'");
        var lines = new List<string>();
        foreach (var table in tables)
        {
            lines.AddRange(await QueryAsync(connection,
                $"SELECT '{table}.' || name || ' ' || type || ' notnull=' || \"notnull\" || ' pk=' || pk || ' default=' || ifnull(dflt_value, '') FROM pragma_table_info('{table}')"));
            lines.AddRange(await QueryAsync(connection,
                $"SELECT '{table} index ' || il.name || ' unique=' || il.\"unique\" || ' (' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii) || ')' FROM pragma_index_list('{table}') il"));
            lines.AddRange(await QueryAsync(connection,
                $"SELECT '{table} fk ' || \"from\" || ' -> ' || \"table\" || '.' || \"to\" || ' on delete ' || on_delete FROM pragma_foreign_key_list('{table}')"));
        }

        return lines;
    }

    private static async Task<List<string>> DescribePostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        lines.AddRange(await QueryAsync(connection, """
            SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
            """));
        lines.AddRange(await QueryAsync(connection,
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_EF%'"));
        lines.AddRange(await QueryAsync(connection, """
            SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%\_\_EF%'
            """));
        return lines;
    }

    private static async Task<List<string>> QueryAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
