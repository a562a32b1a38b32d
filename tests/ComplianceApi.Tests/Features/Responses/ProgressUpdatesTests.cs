using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Responses;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Responses;

public sealed class ProgressUpdatesTests(TestHosts hosts)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<(ComplianceApiHost Host, HttpClient Editor, ForceResponseView Response)> CityOfLondonResponseAsync(Provider provider)
    {
        var host = await hosts.For(provider);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);
        var response = await editor.CreateResponseAsync((await host.CreateFindingAsync()).Id);
        return (host, editor, response);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Recording_progress_leaves_the_response_in_the_state_of_the_latest_update(Provider provider)
    {
        var (_, editor, response) = await CityOfLondonResponseAsync(provider);

        await editor.RecordUpdateAsync(response.Id, Update(new DateOnly(2015, 8, 3), ResponseStatus.InProgress, Rag.Red,
            "Review of the archive under way; NSPIS records cannot be deleted due to system constraints."));
        var posted = await editor.PostJsonAsync($"/api/v1/responses/{response.Id}/updates", Update(
            new DateOnly(2015, 10, 21), ResponseStatus.Implemented, Rag.Green,
            "Compliant across the archive. NSPIS records cannot be deleted due to system constraints; managed through the Information Management Board."));
        var latest = await posted.ReadAsync<ProgressUpdateView>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/responses/{response.Id}/updates/{latest.Id}", posted.Headers.Location?.OriginalString);
        Assert.Equal(response.Id, latest.ResponseId);
        Assert.Equal(CityOfLondon, latest.ForceCode);
        Assert.Equal("Information Management Unit", latest.Author);
        var read = await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}");
        Assert.Equal(ResponseStatus.Implemented, read.Status);
        Assert.Equal(Rag.Green, read.Rag);
        Assert.Equal(new DateOnly(2015, 10, 21), read.StatusEffectiveOn);
        Assert.StartsWith("Compliant across the archive.", read.PositionStatement);
        Assert.Equal(response.Version + 2, read.Version);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Progress_updates_are_listed_oldest_first_a_page_at_a_time(Provider provider)
    {
        var (_, editor, response) = await CityOfLondonResponseAsync(provider);
        var recorded = new List<Guid>();
        foreach (var (on, status) in new[]
        {
            (new DateOnly(2015, 7, 20), ResponseStatus.NotStarted),
            (new DateOnly(2015, 8, 3), ResponseStatus.InProgress),
            (new DateOnly(2015, 8, 3), ResponseStatus.InProgress),
            (new DateOnly(2015, 10, 21), ResponseStatus.Implemented),
        })
        {
            recorded.Add((await editor.RecordUpdateAsync(response.Id, Update(on, status))).Id);
        }

        var url = $"/api/v1/responses/{response.Id}/updates?limit=3";
        var first = await editor.GetAsync<Page<ProgressUpdateView>>(url);
        var second = await editor.GetAsync<Page<ProgressUpdateView>>($"{url}&cursor={first.NextCursor}");

        Assert.Equal(4, first.TotalCount);
        Assert.Equal(recorded, first.Items.Concat(second.Items).Select(u => u.Id));
        Assert.Equal(ResponseStatus.NotStarted, first.Items[0].Status);
        Assert.Null(second.NextCursor);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_progress_update_is_read_within_its_own_response(Provider provider)
    {
        var (host, editor, response) = await CityOfLondonResponseAsync(provider);
        var other = await editor.CreateResponseAsync((await host.CreateFindingAsync(response.InspectionId, "Recommendation 3")).Id);
        var update = await editor.RecordUpdateAsync(response.Id, Update(new DateOnly(2015, 8, 3), ResponseStatus.InProgress));

        var read = await editor.GetAsync<ProgressUpdateView>($"/api/v1/responses/{response.Id}/updates/{update.Id}");

        Assert.Equal(update.Id, read.Id);
        Assert.Equal(new DateOnly(2015, 8, 3), read.EffectiveOn);
        Assert.Equal(ResponseStatus.InProgress, read.Status);
        await (await editor.GetAsync($"/api/v1/responses/{other.Id}/updates/{update.Id}", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await editor.GetAsync($"/api/v1/responses/{response.Id}/updates/{Guid.NewGuid()}", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Only_an_implemented_response_can_be_closed(Provider provider)
    {
        var (_, editor, response) = await CityOfLondonResponseAsync(provider);
        await editor.RecordUpdateAsync(response.Id, Update(new DateOnly(2015, 9, 1), ResponseStatus.InProgress));

        var problem = await (await editor.PostJsonAsync($"/api/v1/responses/{response.Id}/updates",
                Update(new DateOnly(2015, 10, 21), ResponseStatus.Closed, Rag.Green, signedOffBy: "Assistant Commissioner")))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("InProgress", problem.Detail);
        Assert.Equal(ResponseStatus.InProgress, (await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}")).Status);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_closed_response_takes_no_progress_until_it_is_reopened(Provider provider)
    {
        var (host, editor, response) = await CityOfLondonResponseAsync(provider);
        await editor.CloseAsync(response.Id, await host.ClientAsync(ApiKeyRole.Admin, CityOfLondon));
        var closed = await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}");
        Assert.Equal((ResponseStatus.Closed, $"test Admin {CityOfLondon}", Today), (closed.Status, closed.ClosedBy, closed.ClosedOn));

        var refused = await (await editor.PostJsonAsync($"/api/v1/responses/{response.Id}/updates",
            Update(Today, ResponseStatus.InProgress))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("reopen", refused.Detail);

        var reopening = await editor.PostJsonAsync($"/api/v1/responses/{response.Id}/reopen",
            new ReopenRequest("HMICFRS found NSPIS records still held beyond their review dates.", "Head of Information Management"));
        var reopened = await reopening.ReadAsync<ProgressUpdateView>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/responses/{response.Id}/updates/{reopened.Id}", reopening.Headers.Location?.OriginalString);
        Assert.Equal(ResponseStatus.InProgress, reopened.Status);
        Assert.Equal(Today, reopened.EffectiveOn);
        Assert.Equal("Reopened: HMICFRS found NSPIS records still held beyond their review dates.", reopened.Narrative);
        var afterReopening = await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}");
        Assert.Equal(ResponseStatus.InProgress, afterReopening.Status);
        Assert.Null(afterReopening.ClosedBy);
        Assert.Null(afterReopening.ClosedOn);

        await editor.RecordUpdateAsync(response.Id, Update(Today, ResponseStatus.Implemented, Rag.Green, "Archive reviewed again."));
        var history = await editor.GetAsync<Page<ProgressUpdateView>>($"/api/v1/responses/{response.Id}/updates");
        Assert.Equal(
            [ResponseStatus.Implemented, ResponseStatus.PendingSignOff, ResponseStatus.Closed, ResponseStatus.InProgress, ResponseStatus.Implemented],
            history.Items.Select(u => u.Status));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Only_a_closed_response_can_be_reopened(Provider provider)
    {
        var (_, editor, response) = await CityOfLondonResponseAsync(provider);

        var problem = await (await editor.PostJsonAsync($"/api/v1/responses/{response.Id}/reopen",
            new ReopenRequest("Recheck", "Head of Information Management"))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("NotAssessed", problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_update_cannot_be_dated_before_the_latest_one(Provider provider)
    {
        var (_, editor, response) = await CityOfLondonResponseAsync(provider);
        await editor.RecordUpdateAsync(response.Id, Update(new DateOnly(2015, 10, 21), ResponseStatus.InProgress));

        var problem = await (await editor.PostJsonAsync($"/api/v1/responses/{response.Id}/updates",
            Update(new DateOnly(2015, 10, 20), ResponseStatus.Implemented))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("2015-10-21", problem.Detail);
        Assert.Contains("correction as a new entry", problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_update_cannot_take_effect_in_the_future(Provider provider)
    {
        var (_, editor, response) = await CityOfLondonResponseAsync(provider);

        var problem = await (await editor.PostJsonAsync($"/api/v1/responses/{response.Id}/updates",
            Update(Today.AddDays(2), ResponseStatus.InProgress))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("future", problem.Detail);
        Assert.Equal(0, (await editor.GetAsync<Page<ProgressUpdateView>>($"/api/v1/responses/{response.Id}/updates")).TotalCount);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_superseded_response_names_a_known_finding_that_supersedes_it(Provider provider)
    {
        var (host, editor, response) = await CityOfLondonResponseAsync(provider);
        var later = await host.CreateFindingAsync("Recommendation 2");
        var on = new DateOnly(2016, 2, 1);

        var unnamed = await (await editor.PostJsonAsync($"/api/v1/responses/{response.Id}/updates",
            Update(on, ResponseStatus.Superseded))).ReadProblemAsync(HttpStatusCode.Conflict);
        var unknown = await (await editor.PostJsonAsync($"/api/v1/responses/{response.Id}/updates",
            Update(on, ResponseStatus.Superseded, supersededByFindingId: Guid.NewGuid()))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var superseded = await editor.RecordUpdateAsync(response.Id,
            Update(on, ResponseStatus.Superseded, null, "Superseded by the 2016 follow-up inspection.", supersededByFindingId: later.Id));

        Assert.Contains("supersededByFindingId", unnamed.Detail);
        Assert.Contains("supersededByFindingId", unknown.Errors!.Keys);
        Assert.Equal(later.Id, superseded.SupersededByFindingId);
        var read = await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}");
        Assert.Equal((ResponseStatus.Superseded, later.Id), (read.Status, read.SupersededByFindingId));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_invalid_progress_update_is_refused_field_by_field(Provider provider)
    {
        var (_, editor, response) = await CityOfLondonResponseAsync(provider);
        var request = Update(default, ResponseStatus.InProgress, narrative: "") with
        {
            Author = "",
            SignedOffBy = new string('x', Lengths.Name + 1),
        };

        var problem = await (await editor.PostJsonAsync($"/api/v1/responses/{response.Id}/updates", request))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["author", "effectiveOn", "narrative", "signedOffBy"], problem.Errors!.Keys.Order());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_invalid_reopening_is_refused_field_by_field(Provider provider)
    {
        var (_, editor, response) = await CityOfLondonResponseAsync(provider);

        var problem = await (await editor.PostJsonAsync($"/api/v1/responses/{response.Id}/reopen", new ReopenRequest("", "")))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["author", "reason"], problem.Errors!.Keys.Order());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_history_of_an_unknown_response_is_not_found(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var unknown = Guid.NewGuid();

        await (await admin.PostJsonAsync($"/api/v1/responses/{unknown}/updates", Update(new DateOnly(2015, 8, 3), ResponseStatus.InProgress)))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/responses/{unknown}/updates", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostJsonAsync($"/api/v1/responses/{unknown}/reopen", new ReopenRequest("Recheck", "Head of Information Management")))
            .ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Progress_updates_cannot_be_edited_or_deleted(Provider provider)
    {
        var (_, editor, response) = await CityOfLondonResponseAsync(provider);
        var update = await editor.RecordUpdateAsync(response.Id, Update(new DateOnly(2015, 8, 3), ResponseStatus.InProgress));
        var url = $"/api/v1/responses/{response.Id}/updates/{update.Id}";

        var put = await editor.PutJsonAsync(url, Update(new DateOnly(2015, 8, 3), ResponseStatus.Implemented));
        var delete = await editor.DeleteAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(ResponseStatus.InProgress, (await editor.GetAsync<ProgressUpdateView>(url)).Status);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Of_two_writers_holding_the_same_version_of_a_response_only_the_first_wins(Provider provider)
    {
        var (host, editor, response) = await CityOfLondonResponseAsync(provider);
        var ct = TestContext.Current.CancellationToken;

        await host.WithDatabaseAsync(async first => await host.WithDatabaseAsync(async second =>
        {
            var mine = await first.ForceResponses.SingleAsync(r => r.Id == response.Id, ct);
            var theirs = await second.ForceResponses.SingleAsync(r => r.Id == response.Id, ct);
            var now = DateTimeOffset.UtcNow;

            first.ProgressUpdates.Add(mine.RecordProgress(Update(new DateOnly(2015, 8, 3), ResponseStatus.InProgress).ToEntry(), now));
            await first.SaveChangesAsync(ct);
            second.ProgressUpdates.Add(theirs.RecordProgress(Update(new DateOnly(2015, 8, 4), ResponseStatus.Implemented).ToEntry(), now));
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(ct));
        }));

        var read = await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}");
        Assert.Equal((ResponseStatus.InProgress, 1), (read.Status, (await editor.GetAsync<Page<ProgressUpdateView>>($"/api/v1/responses/{response.Id}/updates")).TotalCount));
    }
}
