using System.Globalization;
using System.Text;
using ComplianceApi.Http;
using ComplianceApi.Xlsx;
using CsvHelper;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>The file types spreadsheets load from and export to.</summary>
public enum SpreadsheetFormat { Csv, Xlsx }

/// <summary>A sheet of an export: its layout, and its rows' cell texts in the layout's column order, read as they are written.</summary>
public sealed record SpreadsheetExportSheet(SpreadsheetLayout Layout, IAsyncEnumerable<string[]> Rows);

/// <summary>
/// Writes spreadsheets in the import layout: a header row of the layout's headers in order, then a row
/// per record, every cell as text (dates ISO, choices by name, lists and pairs as
/// <see cref="SpreadsheetValues"/> writes them) and neutralised, so what is exported loads back unchanged.
/// Rows are sent as they are read, so an export of a million rows holds a few of them in memory.
/// </summary>
public static class SpreadsheetDocuments
{
    public const string Csv = "text/csv";
    public const string Xlsx = XlsxWorkbookWriter.MediaType;

    /// <summary>The media types a spreadsheet is served in, for the contract.</summary>
    public static readonly string[] DocumentTypes = [Csv, Xlsx];

    private static readonly (string, SpreadsheetFormat)[] Offered = [(Csv, SpreadsheetFormat.Csv), (Xlsx, SpreadsheetFormat.Xlsx)];

    /// <summary>Rows written between two looks at whether enough has gathered to send.</summary>
    private const int RowsBetweenSends = 128;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The format asked for: <c>format</c> when given, else the first spreadsheet type the Accept header names, else XLSX.</summary>
    public static SpreadsheetFormat Negotiate(SpreadsheetFormat? format, HttpRequest request) =>
        DocumentResponses.Negotiate(format, request, Offered, SpreadsheetFormat.Xlsx);

    public static string MediaType(SpreadsheetFormat format) => format == SpreadsheetFormat.Csv ? $"{Csv}; charset=utf-8" : Xlsx;

    /// <summary>One sheet as CSV.</summary>
    public static async Task WriteCsvAsync(SpreadsheetExportSheet sheet, Stream output, CancellationToken cancellationToken)
    {
        await using var spool = new ResponseSpoolStream(output);
        await using (var text = new StreamWriter(spool, Utf8, bufferSize: 16 * 1024, leaveOpen: true))
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture, leaveOpen: true))
        {
            WriteCsvRow(csv, sheet.Layout.Columns.Select(c => c.Header));
            var written = 0;
            await foreach (var row in sheet.Rows.WithCancellation(cancellationToken))
            {
                WriteCsvRow(csv, row);
                if (++written % RowsBetweenSends == 0)
                {
                    csv.Flush();
                    await spool.SendWhenFullAsync(cancellationToken);
                }
            }

            csv.Flush();
        }

        await spool.SendAsync(cancellationToken);
    }

    /// <summary>A workbook with a sheet per layout, each named as the layout's sheet.</summary>
    public static async Task WriteXlsxAsync(IReadOnlyList<SpreadsheetExportSheet> sheets, Stream output, CancellationToken cancellationToken)
    {
        await using var spool = new ResponseSpoolStream(output);
        using (var workbook = new XlsxWorkbookWriter(spool, [.. sheets.Select(s => s.Layout.SheetName)]))
        {
            foreach (var sheet in sheets)
            {
                workbook.StartSheet(sheet.Layout.SheetName);
                workbook.WriteTextRow(sheet.Layout.Columns.Select(c => c.Header));
                var written = 0;
                await foreach (var row in sheet.Rows.WithCancellation(cancellationToken))
                {
                    workbook.WriteTextRow(row);
                    if (++written % RowsBetweenSends == 0)
                    {
                        await spool.SendWhenFullAsync(cancellationToken);
                    }
                }
            }
        }

        await spool.SendAsync(cancellationToken);
    }

    private static void WriteCsvRow(CsvWriter csv, IEnumerable<string> cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(SpreadsheetCells.Neutralise(cell));
        }

        csv.NextRecord();
    }
}
