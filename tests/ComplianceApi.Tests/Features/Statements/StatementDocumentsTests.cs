using System.Net;
using System.Text.RegularExpressions;
using ComplianceApi.Domain;
using ComplianceApi.Features.Statements;
using ComplianceApi.Tests.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using ComplianceApi.Xlsx;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Statements;

public sealed partial class StatementDocumentsTests(TestHosts hosts)
{
    private const string Formula = "=HYPERLINK(\"http://example.invalid\",\"click\")";
    private const string Markup = "<script>alert('panel')</script> & more";

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_statement_opens_as_csv_xlsx_and_html_holding_the_same_rows_as_its_json_codes_in_the_csv_words_in_the_others(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        await admin.RecordUpdateAsync(scenario.R5.Id, Update(new DateOnly(2015, 12, 1), ResponseStatus.InProgress, Rag.Amber, Formula));
        await admin.RecordUpdateAsync(scenario.R8.Id, Update(new DateOnly(2015, 12, 1), ResponseStatus.InProgress, Rag.Amber, Markup));
        var committee = await scenario.CreateCommitteeAsync(admin);
        var report = await ForceScenario.CreateReportAsync(admin, committee.Id, "Pol 49/15", new DateOnly(2016, 1, 7));
        var json = await ForceScenario.IssueAsync(admin, report.Id);
        var url = $"/api/v1/committee-reports/{report.Id}/statement";

        var csv = await admin.DownloadAsync($"{url}?format=Csv", "text/csv");
        var xlsx = await admin.DownloadAsync($"{url}?format=Xlsx", StatementDocuments.Xlsx);
        var html = await admin.DownloadAsync(url, "text/html", accept: "text/html");

        var csvRows = SpreadsheetFiles.ReadCsv(csv);
        var xlsxRows = ReadXlsx(xlsx);
        Assert.Equal(csvRows.Count, xlsxRows.Count);
        Assert.Equal(csvRows[0], xlsxRows[0]);
        Assert.Equal(json.Lines.Count + 1, csvRows.Count);
        var header = csvRows[0];
        var finding = header.IndexOf("Finding");
        var position = header.IndexOf("Position");
        Assert.Equal(json.Lines.Select(l => l.FindingReference), csvRows.Skip(1).Select(r => r[finding]));
        Assert.Equal(json.Lines.Select(l => l.FindingReference), xlsxRows.Skip(1).Select(r => r[finding]));
        Assert.Equal("'" + Formula, xlsxRows.Single(r => r[finding] == "Recommendation 5")[position]);
        Assert.Equal("'" + Formula, csvRows.Single(r => r[finding] == "Recommendation 5")[position]);
        Assert.Equal(Markup, csvRows.Single(r => r[finding] == "Recommendation 8")[position]);

        var page = System.Text.Encoding.UTF8.GetString(html);
        Assert.Contains("Pol 49/15", page);
        Assert.Contains("@media print", page);
        Assert.DoesNotContain("<script>", page);
        // The page groups by report and orders findings as the report numbers them; the same lines.
        var htmlRows = TableRows(page);
        Assert.Equal(json.Lines.Select(l => l.FindingReference).Order(), htmlRows.Select(r => r[0]).Order());
        Assert.Contains(WebUtility.HtmlEncode(Markup), page);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_preview_is_served_in_the_format_the_accept_header_asks_for(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var committee = await scenario.CreateCommitteeAsync(admin);
        var url = $"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07";

        var csv = SpreadsheetFiles.ReadCsv(await admin.DownloadAsync(url, "text/csv", accept: "text/csv"));
        var xlsx = ReadXlsx(await admin.DownloadAsync(url, StatementDocuments.Xlsx, accept: StatementDocuments.Xlsx));

        Assert.Equal(4, csv.Count);
        // The same rows: codes in the CSV, people's words in the workbook.
        var finding = csv[0].IndexOf("Finding");
        Assert.Equal(csv.Select(r => r[finding]), xlsx.Select(r => r[finding]));
        Assert.Equal(["Open", "Open", "Implemented"], csv.Skip(1).Select(r => r[0]));
        Assert.Equal(["Open", "Open", "Implemented since last reported"], xlsx.Skip(1).Select(r => r[0]));
        Assert.Equal(3, (await admin.GetAsync<PositionStatementView>(url)).Lines.Count);
    }

    [Fact]
    public void Spreadsheet_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised()
    {
        Assert.Equal("'=1+1", ComplianceApi.Xlsx.SpreadsheetCells.Neutralise("=1+1"));
        Assert.Equal("'+44 20 7601 2222", ComplianceApi.Xlsx.SpreadsheetCells.Neutralise("+44 20 7601 2222"));
        Assert.Equal("'-2", ComplianceApi.Xlsx.SpreadsheetCells.Neutralise("-2"));
        Assert.Equal("'@SUM(A1)", ComplianceApi.Xlsx.SpreadsheetCells.Neutralise("@SUM(A1)"));
        Assert.Equal("Pol 49/15", ComplianceApi.Xlsx.SpreadsheetCells.Neutralise("Pol 49/15"));
        Assert.Equal("", ComplianceApi.Xlsx.SpreadsheetCells.Neutralise(""));
    }

    // Unlike an export's, a statement's workbook may hold numbers, so it is read by its own reader.
    internal static List<List<string>> ReadXlsx(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return
        [
            .. sheet.Descendants<Row>().Select(row => row.Elements<Cell>()
                .Select(cell => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.Text!.Text : cell.CellValue!.Text)
                .ToList()),
        ];
    }

    private static List<List<string>> TableRows(string page) =>
    [
        .. BodyRow().Matches(page).Select(row => Cell().Matches(row.Groups[1].Value)
            .Select(cell => WebUtility.HtmlDecode(cell.Groups[1].Value)).ToList()).Where(cells => cells.Count > 0),
    ];

    [GeneratedRegex("<tr>(<th scope=\"row\" data-label.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex BodyRow();

    [GeneratedRegex("<t[dh] (?:scope=\"row\" )?data-label[^>]*>(.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
