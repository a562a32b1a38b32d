using System.Net;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Features.ApiKeys;
using ComplianceApi.Features.Changes;
using ComplianceApi.Data.Responses;
using ComplianceApi.Features.Audit;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Changes;

/// <summary>Each test has a database of its own: the feed is every change, and other tests' writes would be in it.</summary>
public sealed class ChangeFeedTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_change_that_commits_after_a_later_numbered_one_is_served_once_and_neither_is_passed_over(Provider provider)
    {
        await using var host = await hosts.IsolatedHostFor(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        var cursor = (await ReadAllAsync(admin, null)).Cursor;

        // Transaction A numbers its event and stays open; B, an ordinary write, starts after it. On SQLite B
        // waits for A's write lock; on PostgreSQL it commits first, with the later number.
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        var a = await db.Database.BeginTransactionAsync(Ct);
        await InsertEventWithoutTheDataVersionLockAsync(db, finding.Id);
        var b = admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        await Task.WhenAny(b, Task.Delay(TimeSpan.FromSeconds(2), Ct));
        Assert.Equal(provider == Provider.Postgres, b.IsCompleted);

        var whileOpen = await admin.GetAsync<ChangePage>($"/api/v1/changes?after={cursor}");
        await a.CommitAsync(Ct);
        var created = await b;
        var afterCommit = await ReadAllAsync(admin, whileOpen.NextCursor);

        Assert.Empty(whileOpen.Items);
        Assert.Equal(cursor, whileOpen.NextCursor);
        Assert.Equal([("finding.updated", finding.Id.ToString()), ("response.created", created.Id.ToString())],
            afterCommit.Items.Select(c => (c.Kind, c.RecordId)));
        Assert.True(afterCommit.Items[0].Sequence < afterCommit.Items[1].Sequence);
        Assert.Empty((await ReadAllAsync(admin, afterCommit.Cursor)).Items);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_poller_following_concurrent_writers_sees_every_change_once_in_commit_order(Provider provider)
    {
        const int Writers = 8, WritesEach = 20;
        await using var host = await hosts.IsolatedHostFor(provider);
        var admin = host.AdminClient();
        var responses = new List<ForceResponseView>();
        for (var i = 0; i < Writers; i++)
        {
            responses.Add(await admin.CreateResponseAsync((await host.CreateFindingAsync($"Recommendation {i}")).Id, Response(Lancashire)));
        }

        var start = (await ReadAllAsync(admin, null)).Cursor;
        var writing = Task.WhenAll(responses.Select(async response =>
        {
            for (var write = 1; write <= WritesEach; write++)
            {
                await (await admin.PutJsonAsync($"/api/v1/responses/{response.Id}", Response(Lancashire) with { OwnerName = $"Owner {write}" }))
                    .ReadAsync<ForceResponseView>();
            }
        }));

        var seen = new List<ChangeView>();
        var cursor = start;
        while (true)
        {
            var done = writing.IsCompleted;
            var page = await admin.GetAsync<ChangePage>($"/api/v1/changes?after={cursor}&kinds=response.updated&limit=7");
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            if (done && !page.HasMore)
            {
                break;
            }
        }

        await writing;
        var trail = await admin.GetAsync<Page<AuditEventView>>("/api/v1/audit-events?kind=response.updated&limit=200");
        Assert.Equal(Writers * WritesEach, seen.Count);
        Assert.Equal(seen.Select(c => c.Sequence).Order(), seen.Select(c => c.Sequence));
        Assert.Equal(seen.Count, seen.Select(c => c.Sequence).Distinct().Count());
        Assert.Equal(trail.Items.Select(e => e.Sequence), seen.Select(c => c.Sequence));
        foreach (var response in responses)
        {
            // Each write to a response waits for the one before it to commit: commit order puts its versions in order.
            Assert.Equal(Enumerable.Range(response.Version + 1, WritesEach).Select(v => (int?)v),
                seen.Where(c => c.RecordId == response.Id.ToString()).Select(c => c.RecordVersion));
        }
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_cursor_whose_next_change_is_older_than_the_feed_keeps_is_gone_and_a_new_reader_starts_inside_the_window(Provider provider)
    {
        await using var host = await hosts.IsolatedHostFor(provider);
        var admin = host.AdminClient();
        var longAgo = DateTimeOffset.UtcNow.AddDays(-91);
        long first = 0, second = 0;
        await host.WithDatabaseAsync(async db =>
        {
            var events = new[] { OldEvent(longAgo), OldEvent(longAgo.AddMinutes(1)) };
            db.AuditEvents.AddRange(events);
            await db.SaveChangesAsync(Ct);
            (first, second) = (events[0].Sequence, events[1].Sequence);
        });
        var recent = await admin.CreateResponseAsync((await host.CreateFindingAsync()).Id, Response(Lancashire));

        var gone = await (await admin.GetAsync($"/api/v1/changes?after={ListChangesQuery.CursorAfter(first)}", Ct)).ReadProblemAsync(HttpStatusCode.Gone);
        var fresh = await ReadAllAsync(admin, null);
        var justInside = await ReadAllAsync(admin, ListChangesQuery.CursorAfter(second));

        Assert.Contains("Read the records again", gone.Detail, StringComparison.Ordinal);
        Assert.Contains(fresh.Items, c => c.RecordId == recent.Id.ToString());
        Assert.DoesNotContain(fresh.Items, c => c.Sequence <= second);
        Assert.Equal(fresh.Items.Select(c => c.Sequence), justInside.Items.Select(c => c.Sequence));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_reader_sees_its_force_changes_and_national_records_but_key_changes_only_an_admin_sees(Provider provider)
    {
        await using var host = await hosts.IsolatedHostFor(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        var lancashire = await admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        var city = await admin.CreateResponseAsync(finding.Id, Response(CityOfLondon));
        var key = await (await admin.PostJsonAsync("/api/v1/api-keys", new ApiKeyRequest("Lancashire tracker", ApiKeyRole.Reader, Lancashire)))
            .ReadAsync<ApiKeyIssuedView>(HttpStatusCode.Created);

        var reader = await ReadAllAsync(await host.ClientAsync(ApiKeyRole.Reader, Lancashire), null);
        var forceAdmin = await ReadAllAsync(await host.ClientAsync(ApiKeyRole.Admin, Lancashire), null);
        var national = await ReadAllAsync(await host.ClientAsync(ApiKeyRole.Reader), null);
        var everything = await ReadAllAsync(admin, null);
        var filtered = await admin.GetAsync<ChangePage>("/api/v1/changes?kinds=response.created,key.created&forceCode=city-of-london");

        Assert.Equal(["inspection.created", "finding.created", "response.created"], reader.Items.Select(c => c.Kind));
        Assert.Equal(lancashire.Id.ToString(), reader.Items[2].RecordId);
        Assert.Equal(lancashire.Version, reader.Items[2].RecordVersion);
        Assert.Null(reader.Items[1].RecordVersion);
        Assert.Equal([.. reader.Items.Select(c => c.Kind), "key.created"], forceAdmin.Items.Select(c => c.Kind));
        Assert.Equal(key.Id.ToString(), forceAdmin.Items[^1].RecordId);
        Assert.Equal(["inspection.created", "finding.created", "response.created", "response.created"], national.Items.Select(c => c.Kind));
        Assert.Equal([.. national.Items.Select(c => c.Kind), "key.created"], everything.Items.Select(c => c.Kind));
        Assert.Equal([city.Id.ToString()], filtered.Items.Select(c => c.RecordId));
        Assert.Equal(everything.Cursor, reader.Cursor); // a reader's cursor passes over what it may not see
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_cursor_of_another_list_or_a_malformed_kind_is_refused_naming_the_field(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();

        var audit = await (await admin.GetAsync($"/api/v1/changes?after={ListAuditEventsQuery.CursorAfter(1)}", Ct)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var kind = await (await admin.GetAsync("/api/v1/changes?kinds=response%20updated", Ct)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("after", audit.Errors!.Keys);
        Assert.Contains("kinds", kind.Errors!.Keys);
    }

    /// <summary>Reads the feed from a cursor until it has nothing more ready.</summary>
    private static async Task<(List<ChangeView> Items, string Cursor)> ReadAllAsync(HttpClient client, string? after)
    {
        var items = new List<ChangeView>();
        while (true)
        {
            var page = await client.GetAsync<ChangePage>(after is null ? "/api/v1/changes?limit=200" : $"/api/v1/changes?limit=200&after={after}");
            items.AddRange(page.Items);
            after = page.NextCursor;
            if (!page.HasMore)
            {
                return (items, after);
            }
        }
    }

    /// <summary>
    /// An event written as a writer that ignores the service's numbering under the data version's lock
    /// would: the feed's second guard (PostgreSQL's oldest running transaction) is what keeps it in order.
    /// </summary>
    private static Task<int> InsertEventWithoutTheDataVersionLockAsync(ComplianceDbContext db, Guid findingId) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AuditEvents" ("Kind", "RecordType", "RecordId", "Operation", "ClientName", "ClientId", "OccurredAt", "Changes")
            VALUES ('finding.updated', 'finding', {findingId.ToString()}, 'UpdateFinding', 'Late writer', 'late-writer', {DateTime.UtcNow}, '[]')
            """, Ct);

    private static AuditEvent OldEvent(DateTimeOffset at) =>
        new("inspection.created", "inspection", Guid.NewGuid().ToString(), null, "CreateInspection", new AuditClient("Old", "old"), null, at);
}
