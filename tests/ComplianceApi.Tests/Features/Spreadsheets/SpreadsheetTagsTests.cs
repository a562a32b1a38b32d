using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Responses;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Features.Spreadsheets.SpreadsheetUploads;

namespace ComplianceApi.Tests.Features.Spreadsheets;

/// <summary>
/// Tags as forces keep them in their trackers: a Tags column, tags separated by semicolons. A sheet with the
/// column sets the whole set; a sheet kept before the column existed leaves stored tags alone.
/// </summary>
public sealed class SpreadsheetTagsTests(TestHosts hosts)
{
    // The scenario's responses have a target date, which a sheet must repeat (a blank one would remove it).
    private static readonly string[] Headers = ["Force code", "Inspection reference", "Finding reference", "Target date", "Tags"];

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_responses_sheets_tags_cell_sets_the_responses_tags_a_sheet_without_the_column_keeps_them_and_a_bad_tag_rejects_the_row(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var editor = await host.ClientAsync(ApiKeyRole.Editor, scenario.ForceCode);
        var inspection = await admin.GetAsync<ComplianceApi.Features.Inspections.InspectionView>($"/api/v1/inspections/{scenario.InspectionId}");
        IReadOnlyList<string?> Row(string finding, string? tags) => [scenario.ForceCode, inspection.Reference, finding, "2016-03-31", tags];
        async Task<IReadOnlyList<string>> TagsOf(ForceResponseView response) =>
            (await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}")).Tags;

        var loaded = await editor.LoadAsync(Csv(new TestSheet("Responses", Headers,
            [Row("Recommendation 8", " MoPI ;vetting; mopi"), Row("Recommendation 3", "CDI plan")])), "?kind=Responses", "tracker.csv");
        var again = await editor.LoadAsync(Csv(new TestSheet("Responses", Headers,
            [Row("Recommendation 8", "MoPI; vetting"), Row("Recommendation 3", "CDI plan")])), "?kind=Responses", "tracker.csv");

        Assert.Equal([ImportOutcome.Updated, ImportOutcome.Updated], loaded.Rows.Select(r => r.Outcome));
        Assert.Equal([ImportOutcome.Unchanged, ImportOutcome.Unchanged], again.Rows.Select(r => r.Outcome));
        Assert.Equal(["MoPI", "vetting"], await TagsOf(scenario.R8));
        Assert.Equal(["CDI plan"], await TagsOf(scenario.R3));

        // A tracker kept before the Tags column leaves the tags; a blank cell in the column removes them.
        var withoutColumn = await editor.LoadAsync(Csv(new TestSheet("Responses", Headers[..4], [[scenario.ForceCode, inspection.Reference, "Recommendation 8", "2016-03-31"]])),
            "?kind=Responses", "old-tracker.csv");
        Assert.Equal(ImportOutcome.Unchanged, withoutColumn.Rows.Single().Outcome);
        Assert.Equal(["MoPI", "vetting"], await TagsOf(scenario.R8));
        await editor.LoadAsync(Csv(new TestSheet("Responses", Headers, [Row("Recommendation 3", "")])), "?kind=Responses", "tracker.csv");
        Assert.Empty(await TagsOf(scenario.R3));

        var rejected = await editor.RejectedAsync(Csv(new TestSheet("Responses", Headers, [Row("Recommendation 8", "MoPI; #vetting")])),
            "?kind=Responses", "tracker.csv");
        Assert.StartsWith("Tags: The tag '#vetting' starts with '#'", rejected.Problem(2), StringComparison.Ordinal);
        Assert.Equal(["MoPI", "vetting"], await TagsOf(scenario.R8));
    }

    [Fact]
    public void The_template_and_layouts_carry_a_tags_column_on_findings_and_responses_only()
    {
        Assert.Equal(
            [SpreadsheetKind.Findings, SpreadsheetKind.Responses],
            SpreadsheetLayouts.All.Where(l => l.Columns.Any(c => c.Header == "Tags")).Select(l => l.Kind));
        Assert.False(SpreadsheetLayouts.Tags.Required);
    }
}
