using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceApi.Tests.Features.Spreadsheets;

/// <summary>Downloads spreadsheets and reads them back as a spreadsheet program would: sheet by sheet, cell texts row by row.</summary>
public static class SpreadsheetFiles
{
    public static async Task<byte[]> DownloadAsync(this HttpClient client, string url, string mediaType, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.Clear();
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    public static List<List<string>> ReadCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<List<string>>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? "")]);
        }

        return rows;
    }

    /// <summary>Each sheet by name, in workbook order, with its rows; fails on any cell that is not plain text.</summary>
    public static List<(string Name, List<List<string>> Rows)> ReadXlsx(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        return
        [
            .. workbook.Workbook.Sheets!.Elements<Sheet>().Select(sheet =>
            {
                var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
                var rows = part.Worksheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(Text).ToList()).ToList();
                return (sheet.Name!.Value!, rows);
            }),
        ];
    }

    private static string Text(Cell cell)
    {
        Assert.Null(cell.CellFormula);
        Assert.Equal(CellValues.InlineString, cell.DataType?.Value);
        return cell.InlineString!.Text!.Text;
    }
}
