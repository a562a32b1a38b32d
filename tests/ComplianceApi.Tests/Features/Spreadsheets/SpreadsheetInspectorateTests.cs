using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Audit;
using ComplianceApi.Features.InspectorateAssessments;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ComplianceApi.Tests.Features.Spreadsheets.SpreadsheetFiles;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Spreadsheets;

/// <summary>
/// The Responses sheet carries the inspectorate's side (status, date, comment, source, and whether the force
/// disagrees). Forces keep the register's status in their trackers, so a load records a status and date that
/// are not already the response's latest assessment as a new entry, through the same domain rule as the endpoint.
/// </summary>
public sealed class SpreadsheetInspectorateTests(TestHosts hosts)
{
    private static readonly string[] InspectorateHeaders =
        ["Inspectorate status", "Inspectorate assessed on", "Inspectorate comment", "Inspectorate source", "Disagrees with inspectorate"];

    // From the end of a Responses row: the inspectorate's status, date, comment and source, then the export-only disagreement.
    private const int Status = 5, On = 4, Comment = 3, Source = 2, Disagrees = 1;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_exported_responses_sheet_loads_back_unchanged_and_records_no_assessment(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ExportSpreadsheetTests.ExportScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var exported = ReadCsv(await admin.DownloadAsync(scenario.Url("kind=Responses&format=Csv"), SpreadsheetDocuments.Csv));
        var before = await host.StoredStateAsync(scenario.Reference);
        Assert.Equal(InspectorateHeaders, exported[0][^5..]);
        Assert.Equal(["BeingProgressed", "2016-01-15", "Being progressed.", "HMICFRS register", "Yes"], exported[2][^5..]);

        // The disagreement follows from the statuses: whatever the cell says, it is not loaded.
        var edited = exported.Select(r => r.ToList()).ToList();
        edited[2][^Disagrees] = "No";
        var report = await admin.LoadAsync(Csv(edited), "?kind=Responses", "responses.csv");

        Assert.Equal(new ImportCounts(0, 0, 2, 0), report.Counts);
        Assert.Empty(report.Notes);
        Assert.Equal(before, await host.StoredStateAsync(scenario.Reference));
        Assert.Single(await AssessmentsAsync(admin, host, scenario, Lancashire));
        Assert.Equal(exported, ReadCsv(await admin.DownloadAsync(scenario.Url("kind=Responses&format=Csv"), SpreadsheetDocuments.Csv)));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_status_and_date_not_yet_the_latest_are_appended_with_the_sheets_comment_and_source_or_the_file_as_source_and_loading_again_adds_nothing(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ExportSpreadsheetTests.ExportScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var exported = ReadCsv(await admin.DownloadAsync(scenario.Url("kind=Responses&format=Csv"), SpreadsheetDocuments.Csv));
        var edited = exported.Select(r => r.ToList()).ToList();
        (edited[1][^Status], edited[1][^On]) = ("AwaitingReview", "01/02/2016");
        (edited[2][^Status], edited[2][^On], edited[2][^Comment], edited[2][^Source]) =
            ("Complete", "2016-03-04", "Authorised for closure on the basis of the re-inspection", "HMICFRS register, seen 5 March 2016");

        var report = await admin.LoadAsync(Csv(edited), "?kind=Responses", "tracker.csv");

        Assert.Equal(new ImportCounts(0, 2, 0, 0), report.Counts);
        var city = Assert.Single(await AssessmentsAsync(admin, host, scenario, CityOfLondon));
        Assert.Equal((new DateOnly(2016, 2, 1), InspectorateStatus.AwaitingReview, "", "spreadsheet tracker.csv", (DateOnly?)null),
            (city.AssessedOn, city.Status, city.Comment, city.Source, city.SourceShownOn));
        var lancashire = await AssessmentsAsync(admin, host, scenario, Lancashire);
        Assert.Equal([InspectorateStatus.BeingProgressed, InspectorateStatus.Complete], lancashire.Select(a => a.Status));
        Assert.Equal(("Authorised for closure on the basis of the re-inspection", "HMICFRS register, seen 5 March 2016"), (lancashire[1].Comment, lancashire[1].Source));

        // The load is one event in the trail, counting the entries it recorded.
        var loads = await admin.GetAsync<Page<AuditEventView>>("/api/v1/audit-events?kind=import.loaded&limit=200");
        var load = loads.Items.Last(e => e.Changes.Any(c => c.Field == "fileName" && c.New == "tracker.csv"));
        Assert.Equal("2", load.Changes.Single(c => c.Field == "inspectorateAssessments.recorded").New);
        var named = 0;
        await host.WithDatabaseAsync(async db => named = await db.InspectorateAssessments
            .CountAsync(a => EF.Property<Guid?>(a, "LoadId") == Guid.Parse(load.RecordId), TestContext.Current.CancellationToken));
        Assert.Equal(2, named);

        // The export shows them, and no longer flags Lancashire; loaded back, it adds nothing.
        var after = ReadCsv(await admin.DownloadAsync(scenario.Url("kind=Responses&format=Csv"), SpreadsheetDocuments.Csv));
        Assert.Equal(["Complete", "2016-03-04", "No"], new[] { after[2][^Status], after[2][^On], after[2][^Disagrees] });
        Assert.Equal(new ImportCounts(0, 0, 2, 0), (await admin.LoadAsync(Csv(after), "?kind=Responses", "tracker.csv")).Counts);
        Assert.Equal(2, (await AssessmentsAsync(admin, host, scenario, Lancashire)).Count);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_entry_dated_before_the_latest_a_status_without_its_date_and_another_forces_response_are_row_problems_and_nothing_is_written(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ExportSpreadsheetTests.ExportScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var exported = ReadCsv(await admin.DownloadAsync(scenario.Url("kind=Responses&format=Csv"), SpreadsheetDocuments.Csv));
        var edited = exported.Select(r => r.ToList()).ToList();
        edited[1][^Status] = "AwaitingReview";
        (edited[2][^Status], edited[2][^On]) = ("Complete", "2016-01-14");

        var report = await admin.RejectedAsync(Csv(edited), "?kind=Responses", "tracker.csv");

        Assert.Equal(new ImportCounts(0, 0, 0, 2), report.Counts);
        Assert.Equal("Inspectorate assessed on", Assert.Single(report.Rows[0].Problems).Column);
        var early = Assert.Single(report.Rows[1].Problems);
        Assert.Equal("Inspectorate assessed on", early.Column);
        Assert.Contains("2016-01-15", early.Reason, StringComparison.Ordinal);
        Assert.Single(await AssessmentsAsync(admin, host, scenario, Lancashire));

        // A force's editor records its own force's entries, as through the endpoint, and not another force's.
        edited[1][^On] = "2016-02-01";
        edited[2][^On] = "2016-03-04";
        var lancashireEditor = await host.ClientAsync(ApiKeyRole.Editor, Lancashire);
        var refused = await lancashireEditor.RejectedAsync(Csv(edited), "?kind=Responses", "tracker.csv");
        Assert.Equal("Force code", Assert.Single(refused.Rows[0].Problems).Column);
        Assert.Empty(refused.Rows[1].Problems);
        Assert.Equal(new ImportCounts(0, 1, 0, 0), (await lancashireEditor.LoadAsync(Csv([edited[0], edited[2]]), "?kind=Responses", "tracker.csv")).Counts);
        Assert.Equal(InspectorateStatus.Complete, (await AssessmentsAsync(admin, host, scenario, Lancashire))[^1].Status);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_responses_sheet_kept_before_the_inspectorates_columns_still_loads_unchanged(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ExportSpreadsheetTests.ExportScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var exported = ReadCsv(await admin.DownloadAsync(scenario.Url("kind=Responses&format=Csv"), SpreadsheetDocuments.Csv));

        var report = await admin.LoadAsync(Csv([.. exported.Select(r => r[..^5].ToList())]), "?kind=Responses", "tracker.csv");

        Assert.Equal(new ImportCounts(0, 0, 2, 0), report.Counts);
        Assert.Empty(report.Notes);
    }

    private static byte[] Csv(List<List<string>> rows) =>
        SpreadsheetUploads.Csv(new TestSheet("Responses", rows[0], [.. rows.Skip(1).Select(r => (IReadOnlyList<string?>)r)]));

    private static async Task<List<InspectorateAssessmentView>> AssessmentsAsync(
        HttpClient admin, ComplianceApiHost host, ExportSpreadsheetTests.ExportScenario scenario, string force)
    {
        var responseId = Guid.Empty;
        await host.WithDatabaseAsync(async db => responseId = await db.ForceResponses
            .Where(r => r.ForceCode == force && r.Finding.Inspection.Reference == scenario.Reference).Select(r => r.Id)
            .SingleAsync(TestContext.Current.CancellationToken));
        return [.. (await admin.GetAsync<Page<InspectorateAssessmentView>>($"/api/v1/responses/{responseId}/inspectorate-assessments")).Items];
    }
}
