using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Features.Spreadsheets.SpreadsheetFiles;

namespace ComplianceApi.Tests.Features.Spreadsheets;

/// <summary>
/// What a force exports it edits and loads back: an export loaded as it is must change nothing. The data
/// holds what is easy to get wrong on the way: text a spreadsheet would run as a formula, a narrative
/// beginning with a minus, a due date kept as given, a cause of concern and the recommendation answering
/// it, a superseded response, an NPCC addressee with a name.
/// </summary>
public sealed class SpreadsheetRoundTripTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_workbook_of_every_kind_exported_and_loaded_back_reports_every_row_unchanged_and_changes_nothing(Provider provider)
    {
        // Its own database: plans are told apart by title, and other tests' scenarios reuse this one's.
        await using var host = await hosts.IsolatedHostFor(provider);
        var scenario = await ExportSpreadsheetTests.ExportScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var workbook = await admin.DownloadAsync(scenario.Url("format=Xlsx"), SpreadsheetDocuments.Xlsx);
        var before = await host.StoredStateAsync(scenario.Reference);

        var report = await admin.LoadAsync(workbook);

        var rows = SpreadsheetLayouts.All.Sum(l => scenario.Expected(l.Kind).Count);
        Assert.True(report.Applied);
        Assert.Equal(new ImportCounts(0, 0, rows, 0), report.Counts);
        Assert.All(report.Rows, r => Assert.Equal(ImportOutcome.Unchanged, r.Outcome));
        Assert.Equal(before, await host.StoredStateAsync(scenario.Reference));
        var again = ReadXlsx(await admin.DownloadAsync(scenario.Url("format=Xlsx"), SpreadsheetDocuments.Xlsx));
        Assert.Equal(Lines(ReadXlsx(workbook)), Lines(again));
    }

    private static IEnumerable<string> Lines(List<(string Name, List<List<string>> Rows)> workbook) =>
        workbook.SelectMany(sheet => sheet.Rows.Select(row => $"{sheet.Name}: {string.Join(" | ", row)}"));

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Each_kind_exported_as_csv_and_loaded_back_reports_every_row_unchanged(Provider provider)
    {
        // Its own database: plans are told apart by title, and other tests' scenarios reuse this one's.
        await using var host = await hosts.IsolatedHostFor(provider);
        var scenario = await ExportSpreadsheetTests.ExportScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var before = await host.StoredStateAsync(scenario.Reference);

        foreach (var layout in SpreadsheetLayouts.All)
        {
            var csv = await admin.DownloadAsync(scenario.Url($"kind={layout.Kind}&format=Csv"), SpreadsheetDocuments.Csv);

            var report = await admin.LoadAsync(csv, $"?kind={layout.Kind}", $"{layout.SheetName}.csv");

            Assert.Equal(new ImportCounts(0, 0, scenario.Expected(layout.Kind).Count, 0), report.Counts);
        }

        Assert.Equal(before, await host.StoredStateAsync(scenario.Reference));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_exported_response_edited_in_its_owner_cell_loads_back_as_one_update_and_nothing_else(Provider provider)
    {
        // Its own database: plans are told apart by title, and other tests' scenarios reuse this one's.
        await using var host = await hosts.IsolatedHostFor(provider);
        var scenario = await ExportSpreadsheetTests.ExportScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var rows = ReadCsv(await admin.DownloadAsync(scenario.Url("kind=Responses&format=Csv"), SpreadsheetDocuments.Csv));
        var owner = rows[0].IndexOf(SpreadsheetLayouts.OwnerName.Header);
        rows[1][owner] = "Detective Chief Inspector Records";

        var report = await admin.LoadAsync(SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.Responses, [.. rows.Skip(1)])),
            "?kind=Responses", "responses.csv");

        Assert.Equal(new ImportCounts(0, 1, rows.Count - 2, 0), report.Counts);
        Assert.Equal(ImportOutcome.Updated, report.Row(2).Outcome);
        var exported = ReadCsv(await admin.DownloadAsync(scenario.Url("kind=Responses&format=Csv"), SpreadsheetDocuments.Csv));
        Assert.Equal("Detective Chief Inspector Records", exported[1][owner]);
        Assert.Equal(rows[2], exported[2]);
    }
}
