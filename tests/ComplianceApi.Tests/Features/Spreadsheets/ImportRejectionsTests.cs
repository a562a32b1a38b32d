using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Features.Spreadsheets.ImportTestRows;

namespace ComplianceApi.Tests.Features.Spreadsheets;

public sealed class ImportRejectionsTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_file_with_every_kind_of_error_is_rejected_row_by_row_and_writes_nothing(Provider provider)
    {
        var host = await hosts.For(provider);
        var inspection = Unique.Slug("building-the-picture");
        var admin = host.AdminClient();
        await admin.LoadAsync(WholeWorkbook(inspection));
        var before = await host.StoredStateAsync(inspection);
        const string Finding = "Recommendation 1";

        var report = await admin.RejectedAsync(SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.ProgressUpdates,
                Update(CityOfLondon, inspection, Finding, "2015-12-01", "Implemented", "Board noted compliance."),
                Update(CityOfLondon, inspection, Finding, "31/02/2016", "Implemented", "A day that does not exist."),
                Update("atlantis", inspection, Finding, "2015-12-02", "Implemented", "No such force."),
                Update(CityOfLondon, inspection, Finding, "2015-12-03", "Done", "No such status."),
                Update(CityOfLondon, inspection, "Recommendation 99", "2015-12-04", "Implemented", "No such finding."),
                Update(CityOfLondon, "no-such-inspection", Finding, "2015-12-05", "Implemented", "No such inspection."),
                Update(CityOfLondon, inspection, Finding, "2015-12-01", "implemented", "Board noted compliance."),
                Update(CityOfLondon, inspection, Finding, "2015-12-06", "Implemented", "=1+2"),
                Update(CityOfLondon, inspection, Finding, "2015-12-07", "Implemented", "No author.", author: null),
                Update(CityOfLondon, inspection, "Recommendation 2", "2015-12-09", "Implemented", "No response to it."),
                Update(CityOfLondon, inspection, Finding, "2015-10-15", "InProgress", "Dated before the latest entry."),
                Update(CityOfLondon, inspection, Finding, "2015-12-10", "Closed", "Put forward for closure.", signedOffBy: "Chief Constable"),
                Update(CityOfLondon, inspection, Finding, "2015-12-11", "InProgress", "While the closure awaits sign-off."))),
            "?kind=ProgressUpdates", "updates.csv");

        Assert.Equal(new ImportCounts(3, 0, 0, 10), report.Counts);
        Assert.Equal(ImportOutcome.Created, report.Row(2).Outcome);
        Assert.Equal("Effective on: '31/02/2016' is not a date: write it as 2015-10-21 or 21/10/2015.", report.Problem(3));
        Assert.Equal("Force code: No force has code 'atlantis'; GET /api/v1/forces lists them.", report.Problem(4));
        Assert.StartsWith("Status: 'Done' is not one of NotAssessed, NotStarted, InProgress", report.Problem(5));
        Assert.Equal($"Finding reference: Inspection '{inspection}' has no finding 'Recommendation 99' (stored, or on the Findings sheet of this file).",
            report.Problem(6));
        Assert.StartsWith("Inspection reference: No inspection has reference 'no-such-inspection'", report.Problem(7));
        // A history may repeat an entry on one day, so a repeated row is a second entry, told apart in the report.
        Assert.Equal(ImportOutcome.Created, report.Row(8).Outcome);
        Assert.Equal(report.Row(2).Key + " (#2)", report.Row(8).Key);
        Assert.StartsWith("Narrative: The cell holds a formula", report.Problem(9));
        Assert.Equal("Author: Author is required.", report.Problem(10));
        Assert.StartsWith($"Finding reference: Force '{CityOfLondon}' has no response to Recommendation 2", report.Problem(11));
        Assert.StartsWith("Status: The latest update took effect on 2015-12-01", report.Problem(12));
        // A sheet never closes a response (four eyes): a Closed row, signatory typed or not, is the loading key's
        // closure request, and the response then takes no other progress until another identity decides.
        Assert.Equal(ImportOutcome.Created, report.Row(13).Outcome);
        Assert.StartsWith("Status: The response awaits sign-off of its closure, requested by ", report.Problem(14));
        Assert.Equal(before, await host.StoredStateAsync(inspection));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_record_named_twice_in_a_file_rejects_the_second_row_naming_the_first(Provider provider)
    {
        var host = await hosts.For(provider);
        var inspection = Unique.Slug("building-the-picture");

        var report = await host.AdminClient().RejectedAsync(SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.Findings,
                Finding(inspection, "Recommendation 1"),
                Finding(inspection, "Recommendation 1"))),
            "?kind=Findings", "findings.csv");

        Assert.Equal(ImportOutcome.Created, report.Row(2).Outcome);
        Assert.Equal("Inspection reference + Finding reference: Row 2 has the same Inspection reference + Finding reference; each record appears once in a file.",
            report.Problem(3));
        Assert.Equal("none", await host.StoredStateAsync(inspection));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Deadline_words_the_service_cannot_resolve_reject_their_row_with_the_reason_the_api_gives(Provider provider)
    {
        var host = await hosts.For(provider);
        var inspection = Unique.Slug("building-the-picture");

        var report = await host.AdminClient().RejectedAsync(SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.Findings,
                Finding(inspection, "Recommendation 1"),
                Finding(inspection, "Recommendation 2", "by spring 2016"),
                Finding(inspection, "Recommendation 3", addressees: "Force: atlantis; Minister"))),
            "?kind=Findings", "findings.csv");

        Assert.Equal(ImportOutcome.Created, report.Row(2).Outcome);
        Assert.StartsWith("Deadline: The deadline \"by spring 2016\" cannot be resolved", report.Problem(3));
        Assert.Equal("Addressees: No force has code 'atlantis'; GET /api/v1/forces lists them. | Addressees: 'Minister' is not one of "
            + string.Join(", ", Enum.GetNames<AddresseeKind>()) + ".", report.Problem(4));
        Assert.Equal("none", await host.StoredStateAsync(inspection));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_scoped_key_cannot_load_another_forces_rows_so_the_file_writes_nothing(Provider provider)
    {
        var host = await hosts.For(provider);
        var inspection = Unique.Slug("building-the-picture");
        await host.AdminClient().LoadAsync(SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.Findings,
            Finding(inspection, "Recommendation 1"))), "?kind=Findings", "findings.csv");
        var before = await host.StoredStateAsync(inspection);
        var lancashire = await host.ClientAsync(ApiKeyRole.Editor, Lancashire);

        var report = await lancashire.RejectedAsync(SpreadsheetUploads.Xlsx(SpreadsheetUploads.Sheet(SpreadsheetLayouts.Responses,
            Response(Lancashire, inspection, "Recommendation 1"), Response(CityOfLondon, inspection, "Recommendation 1"))));

        Assert.Equal(ImportOutcome.Created, report.Row(2).Outcome);
        Assert.Equal($"Force code: This API key is scoped to '{Lancashire}' and cannot load records of '{CityOfLondon}'.", report.Problem(3));
        Assert.Equal(before, await host.StoredStateAsync(inspection));

        var own = await lancashire.LoadAsync(SpreadsheetUploads.Xlsx(SpreadsheetUploads.Sheet(SpreadsheetLayouts.Responses,
            Response(Lancashire, inspection, "Recommendation 1"))));
        Assert.Equal(new ImportCounts(1, 0, 0, 0), own.Counts);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Findings_and_gradings_need_an_admin_key_and_readers_cannot_load_at_all(Provider provider)
    {
        var host = await hosts.For(provider);
        var inspection = Unique.Slug("building-the-picture");
        var file = SpreadsheetUploads.Xlsx(
            SpreadsheetUploads.Sheet(SpreadsheetLayouts.Findings, Finding(inspection, "Recommendation 1")),
            SpreadsheetUploads.Sheet(SpreadsheetLayouts.Gradings, Grading(Lancashire, inspection)));

        var editor = await (await host.ClientAsync(ApiKeyRole.Editor)).RejectedAsync(file);
        Assert.Equal("Inspection reference: Only admins record inspections and findings; this API key cannot load Findings rows.", editor.Problem(2, SpreadsheetKind.Findings));
        Assert.Equal("Force code: Only admins record gradings; this API key cannot load Gradings rows.", editor.Problem(2, SpreadsheetKind.Gradings));

        var reader = await (await host.ClientAsync(ApiKeyRole.Reader)).ImportAsync(file);
        await reader.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("none", await host.StoredStateAsync(inspection));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Faults_in_the_file_as_a_whole_are_answered_400_naming_what_is_expected(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var responses = SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.Responses, Response(Lancashire, "x", "y")));

        var noKind = await (await admin.ImportAsync(responses, "", "responses.csv")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("A CSV file holds one kind of record: say which with kind", Assert.Single(noKind.Errors!["kind"]));

        var wrongKind = await (await admin.ImportAsync(responses, "?kind=Gradings", "responses.csv")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("The sheet 'Gradings' lacks the required columns 'Grade', 'Given on'. Gradings has the columns Force code (required)",
            Assert.Single(wrongKind.Errors!["file"]));

        var picture = await (await admin.ImportAsync([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "?kind=Responses", "photo.csv"))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The file is neither an XLSX workbook nor CSV text.", Assert.Single(picture.Errors!["file"]));

        var otherSheets = await (await admin.ImportAsync(SpreadsheetUploads.Xlsx(
                new TestSheet("Sheet1", ["Force code"], [["lancashire"]]), new TestSheet("Notes", ["Column"], [["Force code"]]))))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The workbook has no sheet to load: it has 'Sheet1', 'Notes', and sheets named Findings, Responses, ProgressUpdates, Actions, Gradings were expected.",
            Assert.Single(otherSheets.Errors!["file"]));

        var broken = await (await admin.ImportAsync([0x50, 0x4B, 0x03, 0x04, 1, 2, 3])).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("The workbook could not be read", Assert.Single(broken.Errors!["file"]));
    }
}
