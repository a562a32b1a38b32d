using System.Text;
using ComplianceApi.Domain;
using ComplianceApi.Features.Statements;
using ComplianceApi.Tests.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Statements;

/// <summary>The printable Appendix A, as a committee clerk prints it from Debian's Chromium.</summary>
public sealed class AppendixATests(TestHosts hosts)
{
    // A4 landscape (297 mm) less the page's 10 mm margins, and A4 portrait (210 mm) likewise.
    private const int LandscapeWidthMm = 277;
    private const int PortraitWidthMm = 190;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_appendix_speaks_in_peoples_words_grouped_by_report_with_a_summary_first(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        await admin.RecordUpdateAsync(scenario.R5.Id, Update(new DateOnly(2015, 12, 1), ResponseStatus.NotStarted, Rag.Red, "Waiting for the <b>new</b> system."));
        var committee = await scenario.CreateCommitteeAsync(admin);

        var page = Encoding.UTF8.GetString(await admin.DownloadAsync($"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07&format=Html", "text/html"));

        Assert.Contains("<html lang=\"en-GB\">", page);
        Assert.Contains($"Test force {scenario.ForceCode}", page);
        Assert.Contains("Police authority committee", page);
        Assert.Contains("7 January 2016", page);
        Assert.Contains("In progress", page);
        Assert.Contains("Not started", page);
        Assert.Contains("Due 2 July 2015", page);
        Assert.Contains("Overdue by 189 days", page);
        Assert.Contains("Waiting for the &lt;b&gt;new&lt;/b&gt; system.", page);
        foreach (var code in new[] { "InProgress", "NotStarted", "PoliceAuthorityCommittee", "2015-07-02", $">{scenario.ForceCode}<" })
        {
            Assert.DoesNotContain(code, page);
        }

        // The summary, then the report's heading once with its date, not on every row.
        Assert.True(page.IndexOf("<h2>Summary</h2>", StringComparison.Ordinal) < page.IndexOf("<h2>Open findings (2)</h2>", StringComparison.Ordinal));
        // Once over the open findings and once over the implemented one.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(page, "<h3>Building the picture: an inspection of police information management</h3>"));
        Assert.Contains("published 2 July 2015", page);
        Assert.Contains("<svg", page);
        Assert.DoesNotContain("<script", page);
        Assert.Contains("th scope=\"col\"", page);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Against_the_previous_statement_each_line_says_in_words_what_moved(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var committee = await scenario.CreateCommitteeAsync(admin);
        var first = await ForceScenario.CreateReportAsync(admin, committee.Id, "Pol 33/15", new DateOnly(2015, 11, 20));
        await ForceScenario.IssueAsync(admin, first.Id);
        await admin.RecordUpdateAsync(scenario.R8.Id, Update(new DateOnly(2015, 12, 1), ResponseStatus.InProgress, Rag.Red, "Slipped."));

        var page = Encoding.UTF8.GetString(await admin.DownloadAsync($"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07&format=Html", "text/html"));

        Assert.Contains("Since last statement", page);
        Assert.Contains("Moved: RAG was Amber", page);
        Assert.Contains("Pol 33/15 (position as of 20 November 2015)", page);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_xlsx_has_peoples_words_a_frozen_formatted_header_widths_and_coloured_rag_while_the_csv_keeps_codes(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var committee = await scenario.CreateCommitteeAsync(admin);
        var url = $"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07";

        var csv = SpreadsheetFiles.ReadCsv(await admin.DownloadAsync($"{url}&format=Csv", "text/csv"));
        var bytes = await admin.DownloadAsync($"{url}&format=Xlsx", StatementDocuments.Xlsx);
        var xlsx = StatementDocumentsTests.ReadXlsx(bytes);

        Assert.Equal(csv.Count, xlsx.Count);
        var status = csv[0].IndexOf("Status");
        Assert.Equal(["InProgress", "InProgress", "Implemented"], csv.Skip(1).Select(r => r[status]));
        Assert.Equal(["In progress", "In progress", "Implemented"], xlsx.Skip(1).Select(r => r[status]));
        Assert.Equal("2015-07-02", csv[1][csv[0].IndexOf("Due date")]);
        Assert.Equal("2 July 2015", xlsx[1][csv[0].IndexOf("Due date")]);

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var pane = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single();
        Assert.Equal((1d, "A2"), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value!));
        Assert.Equal(csv[0].Count, sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().Count());
        var styles = document.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>().ToList();
        var fills = styles.Fills!.Elements<DocumentFormat.OpenXml.Spreadsheet.Fill>().ToList();
        string? FillOf(DocumentFormat.OpenXml.Spreadsheet.Cell cell) =>
            fills[(int)formats[(int)(cell.StyleIndex?.Value ?? 0)].FillId!.Value].PatternFill?.ForegroundColor?.Rgb?.Value;
        var rows = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        var rag = csv[0].IndexOf("RAG");
        Assert.Equal("FFD9D9D9", FillOf(rows[0].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(0)));
        Assert.Equal("FFFCE8B2", FillOf(rows[1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(rag)));
        Assert.Equal("FFB7E1CD", FillOf(rows[3].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(rag)));
    }

    [Fact]
    public async Task Printed_in_Chromium_the_appendix_fits_the_page_keeps_headers_and_prints_forty_findings_on_a_few_landscape_pages()
    {
        PrintedPages.SkipWithoutChromium();
        var host = await hosts.For(Provider.Sqlite);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        // A known data set: the scenario's three lines and 40 more open findings of committee-paper length,
        // one of them with a word longer than any column (a URL), which must wrap rather than widen the table.
        var words = string.Join(' ', Enumerable.Repeat("The force should review its records management arrangements", 4));
        for (var i = 0; i < 40; i++)
        {
            var finding = await admin.CreateFindingAsync(scenario.InspectionId, FindingTestData.ByNovember2015($"Recommendation {10 + i}") with { Text = words });
            var response = await admin.CreateResponseAsync(finding.Id, Response(scenario.ForceCode));
            var position = i == 0 ? "See https://www.example.invalid/" + new string('x', 300) : words;
            await admin.RecordUpdateAsync(response.Id, Update(new DateOnly(2015, 12, 1), ResponseStatus.InProgress, (Rag)(i % 3), position));
        }

        var committee = await scenario.CreateCommitteeAsync(admin);
        var url = $"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07&format=Html";
        var html = Encoding.UTF8.GetString(await admin.DownloadAsync(url, "text/html"));

        var printed = await PrintedPages.PrintAsync(html, LandscapeWidthMm);

        Assert.Empty(printed.PrintOverflow);
        Assert.Empty(printed.Requests);
        Assert.Equal(0, printed.Scripts);
        Assert.Equal("en-GB", printed.Lang);
        Assert.StartsWith("h1 Appendix A", printed.Headings[0]);
        Assert.Equal(["h1", "h2", "h3", "h2", "h3", "h2", "h3"], printed.Headings.Select(h => h.Split(' ')[0]));
        Assert.True(printed.ColumnHeaders > 7 && printed.RowHeaders >= 43, $"{printed.ColumnHeaders} column and {printed.RowHeaders} row headers");
        Assert.Contains("Recommendation 49", printed.Text);
        Assert.Contains("In progress", printed.Text);
        // Measured: 43 findings print on 6 A4 landscape pages (summary and chart on the first); 4 findings a page would take 11.
        Assert.InRange(printed.Pages, 4, 7);
        Assert.Equal(PrintedPages.NumberedFooters(printed.Pages), printed.Footers);

        var summary = await PrintedPages.PrintAsync(
            Encoding.UTF8.GetString(await admin.DownloadAsync($"/api/v1/committees/{committee.Id}/statement/summary?asOf=2016-01-07", "text/html")), PortraitWidthMm);
        Assert.Equal(1, summary.Pages);
        Assert.Empty(summary.PrintOverflow);
        Assert.DoesNotContain("Recommendation 49", summary.Text);
    }
}
