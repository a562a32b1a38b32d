using System.Net;
using System.Text;
using ComplianceApi.Domain;
using ComplianceApi.Features.PublicProgress;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.PublicProgress;

public sealed class PublicProgressTests(TestHosts hosts)
{
    private const string PublicWords = "We have appointed a Force Records Manager and published our review policy.";

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_page_answers_404_until_its_admins_switch_it_on(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var anonymous = host.AnonymousClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/forces/{scenario.ForceCode}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/v1/forces/{scenario.ForceCode}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.False((await host.AdminClient().GetAsync<PublicProgressSettingView>($"/api/v1/forces/{scenario.ForceCode}/public-progress")).Enabled);

        // An editor may not, nor another force's admin; the force's own admin may.
        var editor = await host.ClientAsync(ApiKeyRole.Editor, scenario.ForceCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutJsonAsync($"/api/v1/forces/{scenario.ForceCode}/public-progress", new PublicProgressRequest(true))).StatusCode);
        var otherAdmin = await host.ClientAsync(ApiKeyRole.Admin, await ForceScenario.NewForceAsync(host.AdminClient()));
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PutJsonAsync($"/api/v1/forces/{scenario.ForceCode}/public-progress", new PublicProgressRequest(true))).StatusCode);
        var admin = await host.ClientAsync(ApiKeyRole.Admin, scenario.ForceCode);
        var on = await (await admin.PutJsonAsync($"/api/v1/forces/{scenario.ForceCode}/public-progress", new PublicProgressRequest(true))).ReadAsync<PublicProgressSettingView>();
        Assert.True(on.Enabled);
        Assert.Equal($"/public/forces/{scenario.ForceCode}", on.PageUrl);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/public/forces/{scenario.ForceCode}", TestContext.Current.CancellationToken)).StatusCode);
        await (await admin.PutJsonAsync($"/api/v1/forces/{scenario.ForceCode}/public-progress", new PublicProgressRequest(false))).ReadAsync<PublicProgressSettingView>();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/forces/{scenario.ForceCode}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_page_shows_published_reports_with_public_statements_and_never_internal_fields_restricted_reports_or_another_forces_data(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        // A restricted report concerning the force, and another force's answer to the same published report.
        var restricted = await admin.CreateInspectionAsync(TestData.Inspection(forcesInScope: [scenario.ForceCode]) with
        {
            Title = "Real lives, real crime", PublicationStatus = PublicationStatus.Restricted,
        });
        var secret = await admin.CreateFindingAsync(restricted.Id, FindingTestData.ByNovember2015("Recommendation 2") with { Text = "A restricted finding." });
        await admin.CreateResponseAsync(secret.Id, Response(scenario.ForceCode));
        var other = await ForceScenario.CreateAsync(host);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, scenario.ForceCode);
        await (await editor.PutJsonAsync($"/api/v1/responses/{scenario.R8.Id}/public-statement", new PublicStatementRequest(PublicWords)))
            .ReadAsync<ResponsePublicStatementView>();
        Assert.Equal(HttpStatusCode.NotFound,
            (await editor.PutJsonAsync($"/api/v1/responses/{other.R8.Id}/public-statement", new PublicStatementRequest("Not ours."))).StatusCode);
        await (await admin.PutJsonAsync($"/api/v1/responses/{other.R8.Id}/public-statement", new PublicStatementRequest("The other force's words.")))
            .ReadAsync<ResponsePublicStatementView>();
        foreach (var code in new[] { scenario.ForceCode, other.ForceCode })
        {
            await (await admin.PutJsonAsync($"/api/v1/forces/{code}/public-progress", new PublicProgressRequest(true))).ReadAsync<PublicProgressSettingView>();
        }

        var anonymous = host.AnonymousClient();
        var data = await anonymous.GetAsync<PublicProgressView>($"/public/v1/forces/{scenario.ForceCode}");
        var json = await anonymous.GetStringAsync($"/public/v1/forces/{scenario.ForceCode}", TestContext.Current.CancellationToken);
        var page = await anonymous.GetStringAsync($"/public/forces/{scenario.ForceCode}", TestContext.Current.CancellationToken);

        var report = Assert.Single(data.Reports);
        Assert.Equal(["Recommendation 3", "Recommendation 5", "Recommendation 6", "Recommendation 8"], report.Findings.Select(f => f.Reference));
        Assert.Equal(PublicWords, report.Findings.Single(f => f.Reference == "Recommendation 8").PublicStatement);
        Assert.Null(report.Findings.Single(f => f.Reference == "Recommendation 5").PublicStatement);
        Assert.Contains(PublicWords, page);
        Assert.Contains("In progress", page);
        foreach (var document in new[] { json, page })
        {
            foreach (var never in new[]
                     {
                         "Real lives, real crime", "A restricted finding.", "The other force's words.", "Detective Superintendent Information Management",
                         "Head of Information Management", "Information Management Board", "NSPIS", "The policy review is under way.",
                         "A revised Information Management Strategy", "SMB minutes", other.ForceCode,
                     })
            {
                Assert.DoesNotContain(never, document);
            }
        }
    }

    [Fact]
    public async Task The_public_page_fits_a_phone_and_a_printed_page_with_headings_and_no_scripts()
    {
        PrintedPages.SkipWithoutChromium();
        var host = await hosts.For(Provider.Sqlite);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        await (await admin.PutJsonAsync($"/api/v1/responses/{scenario.R8.Id}/public-statement", new PublicStatementRequest(PublicWords)))
            .ReadAsync<ResponsePublicStatementView>();
        await (await admin.PutJsonAsync($"/api/v1/forces/{scenario.ForceCode}/public-progress", new PublicProgressRequest(true))).ReadAsync<PublicProgressSettingView>();
        var html = await host.AnonymousClient().GetStringAsync($"/public/forces/{scenario.ForceCode}", TestContext.Current.CancellationToken);

        var printed = await PrintedPages.PrintAsync(html, printWidthMm: 277, screenWidth: 360);

        Assert.Empty(printed.PrintOverflow);
        Assert.Empty(printed.ScreenOverflow!);
        Assert.Equal(1, printed.Pages);
        Assert.Equal((0, "en-GB"), (printed.Scripts, printed.Lang));
        Assert.Equal(["h1", "h2", "h3", "h2", "h3", "h2", "h3"], printed.Headings.Select(h => h.Split(' ')[0]));
        Assert.True(printed.ColumnHeaders >= 5);
        Assert.Contains(PublicWords, printed.Text);
        Assert.Contains("Not applicable", printed.Text);
    }
}
