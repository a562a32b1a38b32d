using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Findings;
using ComplianceApi.Support;
using ComplianceApi.Tests.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Features.Findings;

/// <summary>National tags on findings: national records, so only national admins set them.</summary>
public sealed class FindingTagsTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Only_a_national_admin_tags_a_finding_and_the_finding_list_and_export_filter_on_every_tag_given(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var forceAdmin = await host.ClientAsync(ApiKeyRole.Admin, scenario.ForceCode);
        var url = $"/api/v1/findings/{scenario.Recommendation8.Id}/tags";

        Assert.Equal(HttpStatusCode.Forbidden, (await forceAdmin.PutJsonAsync(url, new FindingTagsRequest(["MoPI"]))).StatusCode);
        var tagged = await (await admin.PutJsonAsync(url, new FindingTagsRequest(["MoPI ", "records  review", "mopi"]))).ReadAsync<FindingView>();
        await (await admin.PutJsonAsync($"/api/v1/findings/{scenario.Recommendation3.Id}/tags", new FindingTagsRequest(["MOPI"]))).ReadAsync<FindingView>();
        await (await admin.PutJsonAsync(url, new FindingTagsRequest(["MoPI;"]))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["MoPI", "records review"], tagged.Tags);
        Assert.Equal(tagged.Tags, (await forceAdmin.GetAsync<FindingView>($"/api/v1/findings/{scenario.Recommendation8.Id}")).Tags);
        var findings = $"/api/v1/findings?inspectionId={scenario.InspectionId}";
        Assert.Equal(
            [scenario.Recommendation8.Id, scenario.Recommendation3.Id],
            (await forceAdmin.GetAsync<Page<FindingView>>($"{findings}&tag=mopi")).Items.Select(f => f.Id));
        Assert.Equal(
            [scenario.Recommendation8.Id],
            (await forceAdmin.GetAsync<Page<FindingView>>($"{findings}&tag=mopi&tag=Records%20Review")).Items.Select(f => f.Id));
        var inspection = (await admin.GetAsync<Page<FindingView>>(findings)).Items[0].InspectionReference;
        var sheet = SpreadsheetFiles.ReadCsv(await forceAdmin.DownloadAsync($"/api/v1/exports?kind=Findings&format=Csv&inspectionReference={inspection}&tag=records%20review", "text/csv"));
        Assert.Equal(["Recommendation 8"], sheet.Skip(1).Select(r => r[sheet[0].IndexOf("Finding reference")]));
        Assert.Equal("MoPI; records review", sheet[1][sheet[0].IndexOf("Tags")]);

        // A workbook asked for with a tag holds the kinds that carry tags.
        var workbook = SpreadsheetFiles.ReadXlsx(await forceAdmin.DownloadAsync($"/api/v1/exports?format=Xlsx&inspectionReference={inspection}&tag=mopi",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.Equal(["Findings", "Responses", "ProgressUpdates"], workbook.Select(s => s.Name));
    }
}
