using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Responses;
using ComplianceApi.Features.Statements;
using ComplianceApi.Features.Summaries;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Responses;

public sealed class FourEyesClosureTests(TestHosts hosts)
{
    private static DateOnly Today => ServiceDay.DateAt(DateTimeOffset.UtcNow);

    private static string SignOff(Guid id) => $"/api/v1/responses/{id}/sign-off";

    private static string SendBack(Guid id) => $"/api/v1/responses/{id}/send-back";

    private static async Task<string> StatementPageAsync(HttpClient client, Guid committeeId) =>
        await (await client.GetAsync($"/api/v1/committees/{committeeId}/statement/document?format=Html", TestContext.Current.CancellationToken))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    /// <summary>The page's "Findings by status" table, a count by status as the page words it; a status with no findings has no row.</summary>
    private static Dictionary<string, int> FindingsByStatus(string page)
    {
        var table = Regex.Match(page, @"<caption[^>]*>\s*Findings by status\s*</caption>(.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, "The page has no table of findings by status.");
        var rows = Regex.Matches(table.Groups[1].Value, @"<tr>\s*<th scope=""row""[^>]*>\s*([^<]*?)\s*</th>\s*<td[^>]*>\s*(\d+)\s*</td>\s*</tr>");
        Assert.NotEmpty(rows);
        return rows.ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>A City of London response recorded as implemented by the given client.</summary>
    private static async Task<ForceResponseView> ImplementedAsync(ComplianceApiHost host, HttpClient client)
    {
        var response = await client.CreateResponseAsync((await host.CreateFindingAsync()).Id);
        await client.RecordUpdateAsync(response.Id, Update(new DateOnly(2015, 9, 1), ResponseStatus.Implemented, Rag.Green));
        return response;
    }

    private static async Task<ProgressUpdateView> RequestClosureAsync(HttpClient client, Guid responseId, DateOnly? on = null) =>
        await client.RecordUpdateAsync(responseId, Update(on ?? new DateOnly(2015, 10, 21), ResponseStatus.Closed, Rag.Green,
            "Implemented and reported to the Information Management Board.", signedOffBy: "Assistant Commissioner"));

    /// <summary>A key issued straight into the database under a name of the test's choosing.</summary>
    private static async Task<HttpClient> KeyNamedAsync(ComplianceApiHost host, string name, ApiKeyRole role, string? forceCode)
    {
        var (key, secret) = ApiKey.Issue(name, role, forceCode, DateTimeOffset.UtcNow);
        await host.WithDatabaseAsync(async db =>
        {
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
        });
        return host.ClientWithKey(secret);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_editors_closing_update_awaits_sign_off_and_another_admin_of_the_force_closes_it(Provider provider)
    {
        var host = await hosts.For(provider);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);
        var cityAdmin = await host.ClientAsync(ApiKeyRole.Admin, CityOfLondon);
        var response = await ImplementedAsync(host, editor);

        var request = await RequestClosureAsync(editor, response.Id);

        Assert.Equal((ResponseStatus.PendingSignOff, null), (request.Status, request.SignedOffBy));
        var pending = await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}");
        Assert.Equal((ResponseStatus.PendingSignOff, $"test Editor {CityOfLondon}", null), (pending.Status, pending.SignOffRequestedBy, pending.ClosedBy));
        Assert.False(pending.IsOverdue);
        var listed = await editor.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?findingId={response.FindingId}&status=PendingSignOff");
        Assert.Equal(response.Id, Assert.Single(listed.Items).Id);

        var signed = await cityAdmin.PostAsync(SignOff(response.Id), null, TestContext.Current.CancellationToken);
        var closing = await signed.ReadAsync<ProgressUpdateView>(HttpStatusCode.Created);

        Assert.Equal((ResponseStatus.Closed, $"test Admin {CityOfLondon}", Today), (closing.Status, closing.SignedOffBy, closing.EffectiveOn));
        Assert.Equal($"/api/v1/responses/{response.Id}/updates/{closing.Id}", signed.Headers.Location?.OriginalString);
        var closed = await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}");
        Assert.Equal((ResponseStatus.Closed, $"test Admin {CityOfLondon}", Today, null), (closed.Status, closed.ClosedBy, closed.ClosedOn, closed.SignOffRequestedBy));
        Assert.Equal("Implemented and reported to the Information Management Board.", closed.PositionStatement);
        Assert.Empty((await editor.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?findingId={response.FindingId}&status=PendingSignOff")).Items);
        await host.WithDatabaseAsync(async db =>
        {
            var kinds = await db.AuditEvents.Where(e => e.RecordId == response.Id.ToString()).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync();
            Assert.Equal(["response.created", "response.signoff_requested", "response.signed_off"], kinds);
            var stored = await db.ForceResponses.SingleAsync(r => r.Id == response.Id);
            Assert.Equal((SignOffStep.SignedOff, $"test Editor {CityOfLondon}", $"test Admin {CityOfLondon}"),
                (stored.SignOff, stored.SignOffRequestedByName, stored.SignOffDecidedByName));
            Assert.NotEqual(stored.SignOffRequestedBy, stored.SignOffDecidedBy);
        });
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_identity_that_requested_closure_cannot_sign_it_off_or_send_it_back_even_as_an_admin(Provider provider)
    {
        var host = await hosts.For(provider);
        var cityAdmin = await host.ClientAsync(ApiKeyRole.Admin, CityOfLondon);
        var response = await ImplementedAsync(host, cityAdmin);
        await RequestClosureAsync(cityAdmin, response.Id);

        var signOff = await (await cityAdmin.PostAsync(SignOff(response.Id), null, TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        var sendBack = await (await cityAdmin.PostJsonAsync(SendBack(response.Id), new SendBackRequest("Not yet evidenced.")))
            .ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("same identity", signOff.Detail);
        Assert.Contains("another identity", signOff.Detail);
        Assert.Contains("same identity", sendBack.Detail);
        Assert.Equal(ResponseStatus.PendingSignOff, (await cityAdmin.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}")).Status);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_editor_cannot_sign_off_and_another_forces_admin_does_not_see_the_response(Provider provider)
    {
        var host = await hosts.For(provider);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);
        var otherEditor = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);
        var lancashireAdmin = await host.ClientAsync(ApiKeyRole.Admin, Lancashire);
        var response = await ImplementedAsync(host, editor);
        await RequestClosureAsync(editor, response.Id);

        await (await otherEditor.PostAsync(SignOff(response.Id), null, TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await otherEditor.PostJsonAsync(SendBack(response.Id), new SendBackRequest("Not yet evidenced."))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await lancashireAdmin.PostAsync(SignOff(response.Id), null, TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashireAdmin.PostJsonAsync(SendBack(response.Id), new SendBackRequest("Not yet evidenced."))).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(ResponseStatus.PendingSignOff, (await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}")).Status);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_closure_sent_back_returns_to_the_status_it_had_with_the_reason_and_can_be_put_forward_again(Provider provider)
    {
        var host = await hosts.For(provider);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);
        var nationalAdmin = host.AdminClient();
        var response = await ImplementedAsync(host, editor);
        await RequestClosureAsync(editor, response.Id);

        await (await nationalAdmin.PostJsonAsync(SendBack(response.Id), new SendBackRequest(""))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var sentBack = await (await nationalAdmin.PostJsonAsync(SendBack(response.Id),
            new SendBackRequest("The board's minutes do not record the sign-off."))).ReadAsync<ProgressUpdateView>(HttpStatusCode.Created);

        Assert.Equal((ResponseStatus.Implemented, "Sent back: The board's minutes do not record the sign-off.", Today),
            (sentBack.Status, sentBack.Narrative, sentBack.EffectiveOn));
        var back = await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}");
        Assert.Equal((ResponseStatus.Implemented, null, null), (back.Status, back.ClosedBy, back.SignOffRequestedBy));
        await (await nationalAdmin.PostAsync(SignOff(response.Id), null, TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.Conflict);
        await host.WithDatabaseAsync(async db =>
        {
            var stored = await db.ForceResponses.SingleAsync(r => r.Id == response.Id);
            Assert.Equal((SignOffStep.SentBack, "The board's minutes do not record the sign-off."), (stored.SignOff, stored.SentBackReason));
            Assert.Contains("response.sent_back", await db.AuditEvents.Where(e => e.RecordId == response.Id.ToString()).Select(e => e.Kind).ToListAsync());
        });

        await editor.RecordUpdateAsync(response.Id, Update(Today, ResponseStatus.PendingSignOff, Rag.Green, "Minutes of the board attached."));
        await (await nationalAdmin.PostAsync(SignOff(response.Id), null, TestContext.Current.CancellationToken)).ReadAsync<ProgressUpdateView>(HttpStatusCode.Created);
        var history = await editor.GetAsync<Page<ProgressUpdateView>>($"/api/v1/responses/{response.Id}/updates");
        Assert.Equal(
            [ResponseStatus.Implemented, ResponseStatus.PendingSignOff, ResponseStatus.Implemented, ResponseStatus.PendingSignOff, ResponseStatus.Closed],
            history.Items.Select(u => u.Status));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Progress_waits_while_closure_awaits_sign_off(Provider provider)
    {
        var host = await hosts.For(provider);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);
        var response = await ImplementedAsync(host, editor);
        await RequestClosureAsync(editor, response.Id);

        var refused = await (await editor.PostJsonAsync($"/api/v1/responses/{response.Id}/updates",
            Update(Today, ResponseStatus.InProgress))).ReadProblemAsync(HttpStatusCode.Conflict);
        var again = await (await editor.PostJsonAsync($"/api/v1/responses/{response.Id}/updates",
            Update(Today, ResponseStatus.Closed, Rag.Green))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("awaits sign-off", refused.Detail);
        Assert.Contains("awaits sign-off", again.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_token_subject_and_an_api_key_are_different_identities_even_under_the_same_name(Provider provider)
    {
        var host = await hosts.For(provider);
        const string name = "City of London compliance tracker";
        var key = await KeyNamedAsync(host, name, ApiKeyRole.Admin, CityOfLondon);
        var token = host.ClientWithToken(TestIdentityProvider.Token(TestIdentityProvider.CityOfLondonTenant, roles: ["Compliance.Admin"],
            extraClaims: new Dictionary<string, object> { ["app_displayname"] = name }));

        var byToken = await ImplementedAsync(host, token);
        await RequestClosureAsync(token, byToken.Id);
        Assert.Equal(name, (await key.GetAsync<ForceResponseView>($"/api/v1/responses/{byToken.Id}")).SignOffRequestedBy);
        await (await token.PostAsync(SignOff(byToken.Id), null, TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var signedByKey = await (await key.PostAsync(SignOff(byToken.Id), null, TestContext.Current.CancellationToken))
            .ReadAsync<ProgressUpdateView>(HttpStatusCode.Created);

        var byKey = await ImplementedAsync(host, key);
        await RequestClosureAsync(key, byKey.Id);
        await (await key.PostAsync(SignOff(byKey.Id), null, TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var signedByToken = await (await token.PostAsync(SignOff(byKey.Id), null, TestContext.Current.CancellationToken))
            .ReadAsync<ProgressUpdateView>(HttpStatusCode.Created);

        Assert.Equal((name, name), (signedByKey.SignedOffBy, signedByToken.SignedOffBy));
        Assert.Equal(ResponseStatus.Closed, (await key.GetAsync<ForceResponseView>($"/api/v1/responses/{byKey.Id}")).Status);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Summaries_and_statements_count_pending_sign_offs_apart_from_closed_ones(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var forceAdmin = await host.ClientAsync(ApiKeyRole.Admin, scenario.ForceCode);
        var committee = await scenario.CreateCommitteeAsync(admin);
        await RequestClosureAsync(admin, scenario.R3.Id, new DateOnly(2015, 11, 20));

        var pending = await admin.GetAsync<ForceSummaryView>($"/api/v1/forces/{scenario.ForceCode}/summary");
        var statement = await admin.GetAsync<PositionStatementView>($"/api/v1/committees/{committee.Id}/statement");
        var page = FindingsByStatus(await StatementPageAsync(admin, committee.Id));

        Assert.Equal((0, 0, 1), (pending.Totals.ByStatus.Implemented, pending.Totals.ByStatus.Closed, pending.Totals.ByStatus.PendingSignOff));
        Assert.Equal(Rag.Green, (await admin.GetAsync<ForceResponseView>($"/api/v1/responses/{scenario.R3.Id}")).DerivedRag);
        Assert.Equal(new StatementStatusCountsView(2, 0, 1, 0), statement.ByStatus);
        Assert.Equal(1, page.GetValueOrDefault(Words.Of(ResponseStatus.PendingSignOff)));
        Assert.Equal(0, page.GetValueOrDefault(Words.Of(ResponseStatus.Closed)));

        await (await forceAdmin.PostAsync(SignOff(scenario.R3.Id), null, TestContext.Current.CancellationToken)).ReadAsync<ProgressUpdateView>(HttpStatusCode.Created);
        var closed = await admin.GetAsync<ForceSummaryView>($"/api/v1/forces/{scenario.ForceCode}/summary");
        Assert.Equal((0, 1, 0), (closed.Totals.ByStatus.Implemented, closed.Totals.ByStatus.Closed, closed.Totals.ByStatus.PendingSignOff));
        Assert.Equal(new StatementStatusCountsView(2, 0, 0, 1), (await admin.GetAsync<PositionStatementView>($"/api/v1/committees/{committee.Id}/statement")).ByStatus);
        var signedOff = FindingsByStatus(await StatementPageAsync(admin, committee.Id));
        Assert.Equal((0, 1), (signedOff.GetValueOrDefault(Words.Of(ResponseStatus.PendingSignOff)), signedOff.GetValueOrDefault(Words.Of(ResponseStatus.Closed))));
    }
}
