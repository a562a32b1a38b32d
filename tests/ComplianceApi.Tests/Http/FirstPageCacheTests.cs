using System.Net;
using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Responses;
using ComplianceApi.Features.Statements;
using ComplianceApi.Features.Summaries;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Http;

/// <summary>
/// The first pages of a force's list and of where everyone stands on a finding are answered from memory
/// while the data version is unchanged; these prove every kind of write makes the next read fresh.
/// </summary>
public sealed class FirstPageCacheTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_first_page_is_answered_from_the_cache_until_the_data_version_changes(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        // Its own database: another test's write would rightly make the cached page miss.
        await using var host = await hosts.IsolatedHostFor(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        var response = await admin.CreateResponseAsync(finding.Id);
        var list = $"/api/v1/responses?findingId={finding.Id}";
        var first = await admin.GetStringAsync(list, ct);

        // A change that goes around SaveChanges leaves the version as it was, so the cached page still answers:
        // the version, nothing else, is what tells a cached page from a stale one.
        await host.WithDatabaseAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "ForceResponses" SET "OwnerName" = 'Chief Inspector Records' WHERE "Id" = {response.Id}""", ct));
        Assert.Equal(first, await admin.GetStringAsync(list, ct));

        await host.WithDatabaseAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.MarkChangedAsync(ct);
            await transaction.CommitAsync(ct);
        });
        var fresh = await admin.GetAsync<Page<ForceResponseView>>(list);
        Assert.Equal("Chief Inspector Records", Assert.Single(fresh.Items).OwnerName);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_page_reads_the_same_from_the_cache_as_computed_afresh(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        // Its own database: another test's write would rightly make the cached page miss.
        await using var host = await hosts.IsolatedHostFor(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        await admin.CreateResponseAsync(finding.Id);
        await admin.CreateResponseAsync(finding.Id, Response(Lancashire));

        foreach (var url in new[] { $"/api/v1/responses?findingId={finding.Id}&overdue=false", $"/api/v1/findings/{finding.Id}/summary" })
        {
            var computed = await admin.GetAsync(url, ct);
            var cached = await admin.GetAsync(url, ct);
            using var afresh = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Cache-Control", "no-cache" } } };
            var recomputed = await admin.SendAsync(afresh, ct);

            var body = await computed.Content.ReadAsStringAsync(ct);
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.Equal(body, await cached.Content.ReadAsStringAsync(ct));
            Assert.Equal(body, await recomputed.Content.ReadAsStringAsync(ct));
            Assert.Equal(computed.Content.Headers.ContentType, cached.Content.Headers.ContentType);
        }
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_write_through_the_api_makes_the_next_read_of_both_views_fresh(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        var response = await admin.CreateResponseAsync(finding.Id);
        var list = $"/api/v1/responses?findingId={finding.Id}&forceCode={CityOfLondon}";
        var summary = $"/api/v1/findings/{finding.Id}/summary";
        Assert.Equal(ResponseStatus.NotAssessed, Assert.Single((await admin.GetAsync<Page<ForceResponseView>>(list)).Items).Status);
        Assert.Equal(1, (await admin.GetAsync<FindingSummaryView>(summary)).Counts.ByStatus.NotAssessed);

        await admin.RecordUpdateAsync(response.Id, Update(new DateOnly(2015, 9, 1), ResponseStatus.InProgress));

        Assert.Equal(ResponseStatus.InProgress, Assert.Single((await admin.GetAsync<Page<ForceResponseView>>(list)).Items).Status);
        Assert.Equal(1, (await admin.GetAsync<FindingSummaryView>(summary)).Counts.ByStatus.InProgress);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_statement_preview_as_json_is_answered_from_the_cache_until_the_data_version_changes(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await hosts.IsolatedHostFor(provider);
        var admin = host.AdminClient();
        var scenario = await ForceScenario.CreateAsync(host);
        var committee = await scenario.CreateCommitteeAsync(admin);
        var statement = $"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07";
        var first = await admin.GetStringAsync(statement, ct);

        // Behind the service's back, as its latest update and the response's own copy of it would both read.
        await host.WithDatabaseAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE "ProgressUpdates" SET "Narrative" = 'Rewritten around the service' WHERE "ResponseId" = {scenario.R5.Id}""", ct);
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE "ForceResponses" SET "PositionStatement" = 'Rewritten around the service' WHERE "Id" = {scenario.R5.Id}""", ct);
        });
        Assert.Equal(first, await admin.GetStringAsync(statement, ct));

        await host.WithDatabaseAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.MarkChangedAsync(ct);
            await transaction.CommitAsync(ct);
        });
        var fresh = await admin.GetAsync<PositionStatementView>(statement);
        Assert.Equal("Rewritten around the service", fresh.Lines.Single(l => l.ResponseId == scenario.R5.Id).PositionStatement);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_write_makes_the_next_statement_preview_and_force_summary_as_of_a_date_fresh(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var scenario = await ForceScenario.CreateAsync(host);
        var committee = await scenario.CreateCommitteeAsync(admin);
        var statement = $"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07";
        var summary = $"/api/v1/forces/{scenario.ForceCode}/summary?asOf=2016-01-07";
        StatementLineView R5(PositionStatementView view) => view.Lines.Single(l => l.ResponseId == scenario.R5.Id);
        Assert.Equal(ResponseStatus.InProgress, R5(await admin.GetAsync<PositionStatementView>(statement)).Status);
        Assert.Equal(1, (await admin.GetAsync<ForceSummaryView>(summary)).Totals.ByStatus.Implemented);

        await admin.RecordUpdateAsync(scenario.R5.Id, Update(new DateOnly(2015, 12, 1), ResponseStatus.Implemented, Rag.Green, "The policy was agreed."));

        Assert.Equal(ResponseStatus.Implemented, R5(await admin.GetAsync<PositionStatementView>(statement)).Status);
        Assert.Equal(2, (await admin.GetAsync<ForceSummaryView>(summary)).Totals.ByStatus.Implemented);
    }

    [Fact]
    public async Task A_statement_asked_for_as_a_document_is_never_answered_with_the_cached_json()
    {
        var ct = TestContext.Current.CancellationToken;
        var host = await hosts.For(Provider.Sqlite);
        var admin = host.AdminClient();
        var scenario = await ForceScenario.CreateAsync(host);
        var committee = await scenario.CreateCommitteeAsync(admin);
        var statement = $"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07";
        await admin.GetAsync<PositionStatementView>(statement);

        using var request = new HttpRequestMessage(HttpMethod.Get, statement);
        request.Headers.Accept.ParseAdd("text/csv");
        using var csv = await admin.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Recommendation 5", await csv.Content.ReadAsStringAsync(ct));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_write_by_another_instance_on_the_same_database_makes_the_next_read_fresh(Provider provider)
    {
        var host = await hosts.For(provider);
        var other = await hosts.SecondInstanceFor(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        var response = await admin.CreateResponseAsync(finding.Id);
        var list = $"/api/v1/responses?findingId={finding.Id}";
        var summary = $"/api/v1/findings/{finding.Id}/summary";
        Assert.Single((await admin.GetAsync<Page<ForceResponseView>>(list)).Items);
        Assert.Single((await admin.GetAsync<FindingSummaryView>(summary)).ForceResponses);

        // Through the other instance's API, then through a DbContext of its own, as a background job would write.
        await other.AdminClient().CreateResponseAsync(finding.Id, Response(Lancashire));
        Assert.Equal(2, (await admin.GetAsync<Page<ForceResponseView>>(list)).TotalCount);
        Assert.Equal(2, (await admin.GetAsync<FindingSummaryView>(summary)).ForceResponses.Count);

        await other.WithDatabaseAsync(async db =>
        {
            var stored = await db.ForceResponses.SingleAsync(r => r.Id == response.Id, TestContext.Current.CancellationToken);
            stored.RecordProgress(new ProgressEntry(
                new DateOnly(2015, 9, 1), ResponseStatus.InProgress, Rag.Amber, "Strategy drafted.", "Information Management Unit", null, null),
                DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var listed = await admin.GetAsync<Page<ForceResponseView>>(list);
        Assert.Equal(ResponseStatus.InProgress, listed.Items.Single(r => r.Id == response.Id).Status);
        Assert.Equal(1, (await admin.GetAsync<FindingSummaryView>(summary)).Counts.ByStatus.InProgress);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_scoped_key_never_gets_the_page_cached_for_a_national_key(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        await admin.CreateResponseAsync(finding.Id);
        await admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        var lancashire = await host.ClientAsync(ApiKeyRole.Reader, Lancashire);
        var list = $"/api/v1/responses?findingId={finding.Id}";
        var summary = $"/api/v1/findings/{finding.Id}/summary";

        Assert.Equal(2, (await admin.GetAsync<Page<ForceResponseView>>(list)).TotalCount);
        Assert.Equal(2, (await admin.GetAsync<FindingSummaryView>(summary)).ForceResponses.Count);

        Assert.Equal(Lancashire, Assert.Single((await lancashire.GetAsync<Page<ForceResponseView>>(list)).Items).ForceCode);
        Assert.Equal(Lancashire, Assert.Single((await lancashire.GetAsync<FindingSummaryView>(summary)).ForceResponses).ForceCode);
        Assert.Equal(2, (await admin.GetAsync<Page<ForceResponseView>>(list)).TotalCount);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_write_for_one_force_leaves_another_forces_cached_pages_standing_on_every_instance_and_its_own_fresh(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        // Its own database, and a second instance on it: another test's write would rightly make a page miss.
        await using var host = await hosts.IsolatedHostFor(provider);
        await using var other = new ComplianceApiHost(provider, host.Settings);
        var admin = host.AdminClient();
        var otherAdmin = other.AdminClient();
        var finding = await host.CreateFindingAsync();
        var city = await admin.CreateResponseAsync(finding.Id);
        var lancashire = await admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        await admin.RecordUpdateAsync(lancashire.Id, Update(new DateOnly(2015, 9, 1), ResponseStatus.InProgress));
        var cityList = $"/api/v1/responses?findingId={finding.Id}&forceCode={CityOfLondon}";
        var lancashireList = $"/api/v1/responses?findingId={finding.Id}&forceCode={Lancashire}";
        var lancashireSummary = $"/api/v1/forces/{Lancashire}/summary";
        foreach (var client in new[] { admin, otherAdmin })
        {
            Assert.Equal(ResponseStatus.NotAssessed, Assert.Single((await client.GetAsync<Page<ForceResponseView>>(cityList)).Items).Status);
            Assert.NotEqual("Chief Inspector Records", Assert.Single((await client.GetAsync<Page<ForceResponseView>>(lancashireList)).Items).OwnerName);
            Assert.Equal(0, (await client.GetAsync<ForceSummaryView>(lancashireSummary)).Totals.ByStatus.Implemented);
        }

        // Around SaveChanges, so no stamp changes: only a page computed afresh can show these. The response's own
        // status moves with its update's, as every write keeps them (today's summary reads the response's).
        await host.WithDatabaseAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "ForceResponses" SET "OwnerName" = 'Chief Inspector Records', "Status" = 'Implemented' WHERE "Id" = {lancashire.Id}""", ct);
            await db.Database.ExecuteSqlAsync($"""UPDATE "ProgressUpdates" SET "Status" = 'Implemented' WHERE "ResponseId" = {lancashire.Id}""", ct);
        });

        await admin.RecordUpdateAsync(city.Id, Update(new DateOnly(2015, 9, 1), ResponseStatus.InProgress));

        foreach (var client in new[] { admin, otherAdmin })
        {
            // City of London's page shows its write at once, on either instance ...
            Assert.Equal(ResponseStatus.InProgress, Assert.Single((await client.GetAsync<Page<ForceResponseView>>(cityList)).Items).Status);
            // ... while Lancashire's pages are still the cached ones: the write did not empty them.
            Assert.NotEqual("Chief Inspector Records", Assert.Single((await client.GetAsync<Page<ForceResponseView>>(lancashireList)).Items).OwnerName);
            Assert.Equal(0, (await client.GetAsync<ForceSummaryView>(lancashireSummary)).Totals.ByStatus.Implemented);
        }

        // A national write (a new inspection and finding) makes every page fresh.
        await host.CreateFindingAsync();
        foreach (var client in new[] { admin, otherAdmin })
        {
            Assert.Equal("Chief Inspector Records", Assert.Single((await client.GetAsync<Page<ForceResponseView>>(lancashireList)).Items).OwnerName);
            Assert.Equal(1, (await client.GetAsync<ForceSummaryView>(lancashireSummary)).Totals.ByStatus.Implemented);
        }
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_write_for_a_member_force_makes_its_collaborations_pages_fresh_and_a_view_across_forces_too(Provider provider)
    {
        await using var host = await hosts.IsolatedHostFor(provider);
        var admin = host.AdminClient();
        var collaboration = await ForceScenario.NewForceAsync(admin, ForceKind.Collaboration, [Lancashire]);
        var finding = await host.CreateFindingAsync();
        var lancashire = await admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        var collaborationList = $"/api/v1/responses?findingId={finding.Id}&forceCode={collaboration}";
        var collaborationSummary = $"/api/v1/forces/{collaboration}/summary";
        var acrossForces = $"/api/v1/findings/{finding.Id}/summary";
        Assert.Equal(ResponseStatus.NotAssessed, Assert.Single((await admin.GetAsync<Page<ForceResponseView>>(collaborationList)).Items).Status);
        Assert.Equal(0, (await admin.GetAsync<ForceSummaryView>(collaborationSummary)).Totals.ByStatus.InProgress);
        Assert.Equal(0, (await admin.GetAsync<FindingSummaryView>(acrossForces)).Counts.ByStatus.InProgress);

        await admin.RecordUpdateAsync(lancashire.Id, Update(new DateOnly(2015, 9, 1), ResponseStatus.InProgress));

        Assert.Equal(ResponseStatus.InProgress, Assert.Single((await admin.GetAsync<Page<ForceResponseView>>(collaborationList)).Items).Status);
        Assert.Equal(1, (await admin.GetAsync<ForceSummaryView>(collaborationSummary)).Totals.ByStatus.InProgress);
        Assert.Equal(1, (await admin.GetAsync<FindingSummaryView>(acrossForces)).Counts.ByStatus.InProgress);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_write_changes_only_that_forces_stamp_and_a_bookkeeping_write_none(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await hosts.IsolatedHostFor(provider);
        var admin = host.AdminClient();
        var stamps = host.Services.GetRequiredService<DataVersionReader>();
        var finding = await host.CreateFindingAsync();
        var city = await admin.CreateResponseAsync(finding.Id);
        var before = await stamps.CurrentAsync(ct);

        await admin.RecordUpdateAsync(city.Id, Update(new DateOnly(2015, 9, 1), ResponseStatus.InProgress));
        var afterForceWrite = await stamps.CurrentAsync(ct);
        Assert.Equal(before.National, afterForceWrite.National);
        Assert.Equal(before.VersionOf(Lancashire), afterForceWrite.VersionOf(Lancashire));
        Assert.NotEqual(before.VersionOf(CityOfLondon), afterForceWrite.VersionOf(CityOfLondon));
        Assert.NotEqual(before.VersionOf(null), afterForceWrite.VersionOf(null));

        await host.WithDatabaseAsync(async db =>
        {
            db.ReminderRuns.Add(new ReminderRun(new DateOnly(2001, 1, 1), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(ct);
        });
        Assert.Equal(afterForceWrite.VersionOf(null), (await stamps.CurrentAsync(ct)).VersionOf(null));
    }

    [Fact]
    public async Task A_table_on_neither_list_counts_as_national_and_a_force_owned_row_names_its_force()
    {
        var host = await hosts.For(Provider.Sqlite);
        await host.WithDatabaseAsync(db =>
        {
            // Force is national by being on no list, as any table added later is until someone lists it.
            Assert.DoesNotContain(typeof(Force), DataVersions.ForceOwned);
            var national = db.Entry(new Force("new-force", "New Force", ForceKind.Territorial));
            national.State = EntityState.Added;
            Assert.True(DataVersions.ScopeOf([national]).National);

            var committee = db.Entry(new Committee(Guid.NewGuid(), Lancashire, "Audit Committee", default, DateTimeOffset.UtcNow));
            committee.State = EntityState.Added;
            var scope = DataVersions.ScopeOf([committee]);
            Assert.False(scope.National);
            Assert.Equal([Lancashire], scope.Forces);

            var bookkeeping = db.Entry(new ReminderRun(new DateOnly(2001, 1, 1), DateTimeOffset.UtcNow));
            bookkeeping.State = EntityState.Added;
            Assert.True(DataVersions.ScopeOf([bookkeeping]).IsEmpty);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public void Every_force_owned_record_names_its_force()
    {
        foreach (var type in DataVersions.ForceOwned)
        {
            Assert.Equal(typeof(string), type.GetProperty("ForceCode")?.PropertyType);
        }
    }

    [Fact]
    public async Task A_new_day_judges_the_flags_afresh_without_any_write()
    {
        var host = await hosts.For(Provider.Sqlite);
        var clock = new SettableClock(new DateTimeOffset(2026, 11, 21, 23, 59, 0, TimeSpan.Zero));
        await using var instance = host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var admin = instance.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", ComplianceApiHost.AdminKey);
        var finding = await host.CreateFindingAsync();
        await host.AdminClient().CreateResponseAsync(finding.Id);
        var list = $"/api/v1/responses?findingId={finding.Id}";
        var summary = $"/api/v1/findings/{finding.Id}/summary";
        Assert.Equal(new DateOnly(2026, 11, 21), Assert.Single((await admin.GetAsync<Page<ForceResponseView>>(list)).Items).AsOf);
        Assert.Equal(new DateOnly(2026, 11, 21), (await admin.GetAsync<FindingSummaryView>(summary)).AsOf);

        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(new DateOnly(2026, 11, 22), Assert.Single((await admin.GetAsync<Page<ForceResponseView>>(list)).Items).AsOf);
        Assert.Equal(new DateOnly(2026, 11, 22), (await admin.GetAsync<FindingSummaryView>(summary)).AsOf);
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
