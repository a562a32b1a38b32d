using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Features.Spreadsheets.SpreadsheetFiles;

namespace ComplianceApi.Tests.Features.Spreadsheets;

public sealed class ImportTemplateTests(TestHosts hosts)
{
    [Fact]
    public async Task The_template_has_a_sheet_per_kind_with_its_headers_and_an_example_row_and_a_notes_sheet()
    {
        var host = await hosts.For(Provider.Sqlite);

        var workbook = ReadXlsx(await host.AdminClient().DownloadAsync("/api/v1/imports/template", SpreadsheetDocuments.Xlsx));

        Assert.Equal([.. SpreadsheetLayouts.All.Select(l => l.SheetName), "Notes"], workbook.Select(s => s.Name));
        foreach (var layout in SpreadsheetLayouts.All)
        {
            var rows = workbook.Single(s => s.Name == layout.SheetName).Rows;
            Assert.Equal(2, rows.Count);
            Assert.Equal(layout.LoadedColumns.Select(c => c.Header), rows[0]);
            Assert.Equal(layout.LoadedColumns.Select(c => c.Example), rows[1]);
        }

        // The inspectorate's status loads (forces keep it in their trackers); whether the force disagrees with it follows
        // from the statuses, so it is export-only: a form to fill in does not offer what a load ignores.
        Assert.Equal(["Inspectorate status", "Inspectorate assessed on", "Inspectorate comment", "Inspectorate source"],
            workbook.Single(s => s.Name == "Responses").Rows[0][^4..]);
        Assert.Equal(["Disagrees with inspectorate"], SpreadsheetLayouts.Responses.Columns.Where(c => c.ExportOnly).Select(c => c.Header));
    }

    [Fact]
    public async Task The_notes_describe_every_column_of_every_sheet_with_whether_it_is_required_and_its_allowed_values()
    {
        var host = await hosts.For(Provider.Sqlite);

        var notes = ReadXlsx(await host.AdminClient().DownloadAsync("/api/v1/imports/template", SpreadsheetDocuments.Xlsx))
            .Single(s => s.Name == "Notes").Rows;

        Assert.Equal(["Sheet", "Header", "Required", "Description", "Allowed values"], notes[0]);
        var columns = notes.Skip(1).Where(r => r[1] != "").ToList();
        Assert.Equal(
            SpreadsheetLayouts.All.SelectMany(l => l.LoadedColumns.Select(c => new List<string>
            {
                l.SheetName, c.Header, c.Required ? "Yes" : "No", c.Description, string.Join("; ", c.AllowedValues ?? []),
            })),
            columns);
        Assert.Contains(columns, r => r[0] == "ProgressUpdates" && r[1] == "Status" && r[4].Contains("InProgress", StringComparison.Ordinal));
        Assert.Contains(columns, r => r[0] == "Responses" && r[1] == "Status" && r[2] == "No");
        var sheets = notes.Skip(1).Where(r => r[1] == "").ToList();
        Assert.Equal(SpreadsheetLayouts.All.Select(l => l.SheetName), sheets.Select(r => r[0]));
        Assert.All(sheets, r => Assert.Contains(SpreadsheetLayouts.All.Single(l => l.SheetName == r[0]).NaturalKey, r[3], StringComparison.Ordinal));
    }
}
