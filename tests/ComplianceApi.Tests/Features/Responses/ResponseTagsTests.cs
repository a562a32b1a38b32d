using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Responses;
using ComplianceApi.Features.Summaries;
using ComplianceApi.Tests.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using ComplianceApi.Support;

namespace ComplianceApi.Tests.Features.Responses;

/// <summary>A force's own tags on its responses ("MoPI", "vetting", "CDI plan", the themes of Lancashire's papers) and the tag filter.</summary>
public sealed class ResponseTagsTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_forces_editor_tags_its_response_trimmed_and_without_repeats_ignoring_case_and_every_view_shows_them(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, scenario.ForceCode);

        var tagged = await (await editor.PutJsonAsync($"/api/v1/responses/{scenario.R8.Id}/tags",
            new ResponseTagsRequest([" MoPI ", "vetting", "mopi", "CDI   plan", "", "VETTING"]))).ReadAsync<ForceResponseView>();

        Assert.Equal(["MoPI", "vetting", "CDI plan"], tagged.Tags);
        Assert.Equal(tagged.Tags, (await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{scenario.R8.Id}")).Tags);
        // Tags have no history: a read as of a date before they were set shows today's.
        Assert.Equal(tagged.Tags, (await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{scenario.R8.Id}?asOf=2015-11-01")).Tags);
        var listed = await editor.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?forceCode={scenario.ForceCode}");
        Assert.Equal(tagged.Tags, listed.Items.Single(r => r.Id == scenario.R8.Id).Tags);
        Assert.Empty(listed.Items.Single(r => r.Id == scenario.R3.Id).Tags);
        Assert.Equal(tagged.Tags, (await editor.GetAsync<Page<ForceResponseView>>($"/api/v1/findings/{scenario.Recommendation8.Id}/responses")).Items.Single().Tags);

        var cleared = await (await editor.PutJsonAsync($"/api/v1/responses/{scenario.R8.Id}/tags", new ResponseTagsRequest([]))).ReadAsync<ForceResponseView>();
        Assert.Empty(cleared.Tags);
    }

    public static TheoryData<Provider, string[], string> BadTags()
    {
        var data = new TheoryData<Provider, string[], string>();
        foreach (var provider in new[] { Provider.Sqlite, Provider.Postgres })
        {
            data.Add(provider, [new string('x', 41)], "at most 40");
            data.Add(provider, ["MoPI; vetting"], "';' separates tags");
            data.Add(provider, ["#vetting"], "starts with '#'");
            data.Add(provider, ["CDI <plan>"], "holds '<'");
            data.Add(provider, [.. Enumerable.Range(1, 11).Select(i => $"theme {i}")], "at most 10 tags");
        }

        return data;
    }

    [Theory, MemberData(nameof(BadTags))]
    public async Task Tags_the_rules_refuse_are_a_400_problem_naming_the_rule_and_change_nothing(Provider provider, string[] tags, string rule)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, scenario.ForceCode);
        await (await editor.PutJsonAsync($"/api/v1/responses/{scenario.R8.Id}/tags", new ResponseTagsRequest(["MoPI"]))).ReadAsync<ForceResponseView>();

        var problem = await (await editor.PutJsonAsync($"/api/v1/responses/{scenario.R8.Id}/tags", new ResponseTagsRequest(tags)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem.Errors!.SelectMany(e => e.Value), message => message.Contains(rule, StringComparison.Ordinal));
        Assert.Equal(["MoPI"], (await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{scenario.R8.Id}")).Tags);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Another_forces_editor_gets_404_a_reader_403_a_stale_If_Match_412_and_a_national_admin_may_tag_any_forces_response(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var url = $"/api/v1/responses/{scenario.R8.Id}/tags";
        var otherEditor = await host.ClientAsync(ApiKeyRole.Editor, await ForceScenario.NewForceAsync(host.AdminClient()));
        var reader = await host.ClientAsync(ApiKeyRole.Reader, scenario.ForceCode);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, scenario.ForceCode);

        Assert.Equal(HttpStatusCode.NotFound, (await otherEditor.PutJsonAsync(url, new ResponseTagsRequest(["MoPI"]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutJsonAsync(url, new ResponseTagsRequest(["MoPI"]))).StatusCode);

        var before = await editor.GetAsync($"/api/v1/responses/{scenario.R8.Id}", Ct);
        var conditional = new HttpRequestMessage(HttpMethod.Put, url) { Content = System.Net.Http.Json.JsonContent.Create(new ResponseTagsRequest(["vetting"]), options: HttpAssertions.Json) };
        conditional.Headers.IfMatch.Add(before.Headers.ETag!);
        var first = await (await editor.SendAsync(conditional, Ct)).ReadAsync<ForceResponseView>();
        var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = System.Net.Http.Json.JsonContent.Create(new ResponseTagsRequest(["MoPI"]), options: HttpAssertions.Json) };
        stale.Headers.IfMatch.Add(before.Headers.ETag!);
        await (await editor.SendAsync(stale, Ct)).ReadProblemAsync(HttpStatusCode.PreconditionFailed);

        var byNational = await (await host.AdminClient().PutJsonAsync(url, new ResponseTagsRequest(["vetting", "CDI plan"]))).ReadAsync<ForceResponseView>();
        Assert.Equal(["vetting"], first.Tags);
        Assert.Equal(["vetting", "CDI plan"], byNational.Tags);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_tag_filter_keeps_responses_carrying_every_tag_given_in_lists_the_force_summary_and_exports(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, scenario.ForceCode);
        await (await editor.PutJsonAsync($"/api/v1/responses/{scenario.R8.Id}/tags", new ResponseTagsRequest(["MoPI", "vetting"]))).ReadAsync<ForceResponseView>();
        await (await editor.PutJsonAsync($"/api/v1/responses/{scenario.R3.Id}/tags", new ResponseTagsRequest(["mopi"]))).ReadAsync<ForceResponseView>();
        await (await editor.PutJsonAsync($"/api/v1/responses/{scenario.R5.Id}/tags", new ResponseTagsRequest(["Vetting"]))).ReadAsync<ForceResponseView>();
        var responses = $"/api/v1/responses?forceCode={scenario.ForceCode}";

        async Task<Guid[]> Listed(string query) =>
            [.. (await editor.GetAsync<Page<ForceResponseView>>($"{responses}&{query}")).Items.Select(r => r.Id).Order()];
        Guid[] Ids(params ForceResponseView[] views) => [.. views.Select(v => v.Id).Order()];

        Assert.Equal(Ids(scenario.R8, scenario.R3), await Listed("tag=MOPI"));
        Assert.Equal(Ids(scenario.R8), await Listed("tag=mopi&tag=VETTING"));
        Assert.Equal(Ids(scenario.R8, scenario.R5), await Listed("tag=vetting&asOf=2015-12-01"));
        Assert.Empty(await Listed("tag=CDI%20plan"));
        Assert.Equal(Ids(scenario.R8, scenario.R5), await Listed("tag=vetting&overdue=true&asOf=2016-01-07"));
        Assert.Equal(Ids(scenario.R8), await Listed("tag=mopi&overdue=true&asOf=2016-01-07"));

        var summary = await editor.GetAsync<ForceSummaryView>($"/api/v1/forces/{scenario.ForceCode}/summary?asOf=2016-01-07&tag=mopi");
        Assert.Equal(2, summary.Totals.Total);
        Assert.Equal(4, (await editor.GetAsync<ForceSummaryView>($"/api/v1/forces/{scenario.ForceCode}/summary?asOf=2016-01-07")).Totals.Total);

        var csv = SpreadsheetFiles.ReadCsv(await editor.DownloadAsync($"/api/v1/exports?kind=Responses&format=Csv&forceCode={scenario.ForceCode}&tag=vetting", "text/csv"));
        var tags = csv[0].IndexOf("Tags");
        Assert.Equal(["MoPI; vetting", "Vetting"], csv.Skip(1).Select(row => row[tags]).Order(StringComparer.Ordinal));
        var updates = SpreadsheetFiles.ReadCsv(await editor.DownloadAsync($"/api/v1/exports?kind=ProgressUpdates&format=Csv&forceCode={scenario.ForceCode}&tag=mopi&tag=vetting", "text/csv"));
        Assert.Single(updates.Skip(1));

        var refused = await editor.GetAsync($"/api/v1/exports?kind=Actions&format=Csv&tag=vetting", Ct);
        await refused.ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await editor.GetAsync($"{responses}&tag={new string('x', 41)}", Ct)).ReadProblemAsync(HttpStatusCode.BadRequest);
    }
}
