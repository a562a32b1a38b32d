using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Features.Spreadsheets.SpreadsheetFiles;

namespace ComplianceApi.Tests.Features.Spreadsheets;

/// <summary>
/// The Responses export ends with the inspectorate's side (status, date, disagreement). The columns are
/// export-only: the inspectorate's entries are recorded through their own endpoint, with a source, so a
/// load accepts a sheet carrying them and ignores what they say.
/// </summary>
public sealed class SpreadsheetInspectorateTests(TestHosts hosts)
{
    private static readonly string[] InspectorateHeaders = ["Inspectorate status", "Inspectorate assessed on", "Disagrees with inspectorate"];

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_exported_responses_sheet_with_the_inspectorates_cells_edited_loads_back_unchanged_and_records_no_assessment(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ExportSpreadsheetTests.ExportScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var exported = ReadCsv(await admin.DownloadAsync(scenario.Url("kind=Responses&format=Csv"), SpreadsheetDocuments.Csv));
        var before = await host.StoredStateAsync(scenario.Reference);
        Assert.Equal(InspectorateHeaders, exported[0][^3..]);
        Assert.Equal(["BeingProgressed", "2016-01-15", "Yes"], exported[2][^3..]);

        // Values no load would take (an unknown status, a bad date): ignored, not rejected.
        var edited = exported.Select(r => r.ToList()).ToList();
        edited[1][^3] = "Authorised for closure";
        edited[1][^2] = "31/02/2016";
        edited[2][^3] = "Complete";
        edited[2][^2] = "2016-05-01";
        edited[2][^1] = "No";
        var report = await admin.LoadAsync(
            SpreadsheetUploads.Csv(new TestSheet("Responses", edited[0], [.. edited.Skip(1)])), "?kind=Responses", "responses.csv");

        Assert.Equal(new ImportCounts(0, 0, 2, 0), report.Counts);
        Assert.Empty(report.Notes);
        Assert.Equal(before, await host.StoredStateAsync(scenario.Reference));
        // No entry was recorded: the export still shows the inspectorate's own.
        Assert.Equal(exported, ReadCsv(await admin.DownloadAsync(scenario.Url("kind=Responses&format=Csv"), SpreadsheetDocuments.Csv)));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_responses_sheet_kept_before_the_inspectorates_columns_still_loads_unchanged(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ExportSpreadsheetTests.ExportScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var exported = ReadCsv(await admin.DownloadAsync(scenario.Url("kind=Responses&format=Csv"), SpreadsheetDocuments.Csv));
        var older = exported.Select(r => (IReadOnlyList<string?>)[.. r[..^3]]).ToList();

        var report = await admin.LoadAsync(
            SpreadsheetUploads.Csv(new TestSheet("Responses", [.. older[0].OfType<string>()], [.. older.Skip(1)])), "?kind=Responses", "tracker.csv");

        Assert.Equal(new ImportCounts(0, 0, 2, 0), report.Counts);
        Assert.Empty(report.Notes);
    }
}
