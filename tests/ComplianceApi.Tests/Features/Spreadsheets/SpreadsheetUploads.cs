using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceApi.Tests.Features.Spreadsheets;

/// <summary>A sheet to write into a test workbook: its name, header row and data rows; a cell "=…" in a workbook is written as a formula.</summary>
public sealed record TestSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>The problem a real run with rejected rows answers: the usual members and the report.</summary>
public sealed record ImportRejection(string Title, int Status, string? Detail, ImportReport Report);

/// <summary>Files built in code, as a force's staff would save them, and their upload to POST /api/v1/imports.</summary>
public static class SpreadsheetUploads
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static TestSheet Sheet(SpreadsheetLayout layout, params IReadOnlyList<string?>[] rows) =>
        new(layout.SheetName, [.. layout.Columns.Select(c => c.Header)], rows);

    /// <summary>CSV text: a cell is quoted when it must be, or when it is given as "\"…\"" (quoted on purpose).</summary>
    public static byte[] Csv(TestSheet sheet)
    {
        var text = new StringBuilder();
        foreach (var row in new[] { sheet.Headers }.Concat(sheet.Rows))
        {
            text.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());

        static string Field(string? cell) => cell switch
        {
            null => "",
            ['"', .., '"'] => cell,
            _ when cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 => $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"",
            _ => cell,
        };
    }

    public static byte[] Xlsx(params TestSheet[] sheets)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint number = 1;
                foreach (var row in new[] { sheet.Headers }.Concat(sheet.Rows))
                {
                    var cells = row.Select((cell, column) => Cell(cell, $"{(char)('A' + column)}{number}"));
                    data.Append(new Row(cells.Where(c => c is not null)!) { RowIndex = number++ });
                }

                part.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
            }
        }

        return buffer.ToArray();
    }

    private static Cell? Cell(string? text, string reference) => text switch
    {
        null => null,
        ['=', .. var formula] => new Cell(new CellFormula(formula), new CellValue("0")) { CellReference = reference },
        _ => new Cell(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString },
    };

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, byte[] file, string query = "", string fileName = "load.xlsx")
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : XlsxType);
        content.Add(part, "file", fileName);
        return client.PostAsync($"/api/v1/imports{query}", content, TestContext.Current.CancellationToken);
    }

    /// <summary>Loads a file that must load whole (200), and returns the report.</summary>
    public static async Task<ImportReport> LoadAsync(this HttpClient client, byte[] file, string query = "", string fileName = "load.xlsx") =>
        await (await client.ImportAsync(file, query, fileName)).ReadAsync<ImportReport>();

    /// <summary>Loads a file some of whose rows must be rejected (422), and returns the report the problem carries.</summary>
    public static async Task<ImportReport> RejectedAsync(this HttpClient client, byte[] file, string query = "", string fileName = "load.xlsx")
    {
        var response = await client.ImportAsync(file, query, fileName);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"Expected 422 but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var rejection = JsonSerializer.Deserialize<ImportRejection>(text, HttpAssertions.Json)!;
        Assert.Equal(422, rejection.Status);
        Assert.False(rejection.Report.Applied);
        return rejection.Report;
    }

    public static ImportRowReport Row(this ImportReport report, int number, SpreadsheetKind? kind = null) =>
        report.Rows.Single(r => r.Row == number && (kind is null || r.Kind == kind));

    /// <summary>The one problem of a rejected row, as "column: reason".</summary>
    public static string Problem(this ImportReport report, int number, SpreadsheetKind? kind = null)
    {
        var row = report.Row(number, kind);
        Assert.Equal(ImportOutcome.Rejected, row.Outcome);
        return string.Join(" | ", row.Problems.Select(p => $"{p.Column}: {p.Reason}"));
    }
}
