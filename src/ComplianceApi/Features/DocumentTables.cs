using System.Globalization;
using System.Net;
using System.Text;
using ComplianceApi.Xlsx;
using CsvHelper;

namespace ComplianceApi.Features;

/// <summary>
/// What the service's documents (a position statement, the reminders digest) share: one list of columns
/// gives a CSV file and a printable HTML table the same rows and values, written the same way.
/// </summary>
public static class DocumentTables
{
    public const string Csv = "text/csv";
    public const string Html = "text/html";

    /// <summary>A cell's text: enums by name, dates as ISO dates, yes/no for flags, nothing for none.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "Yes" : "No",
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A cell's text for a page.</summary>
    public static string Encode(object? value) => WebUtility.HtmlEncode(Text(value));

    /// <summary>A header row and a row per item; cells a spreadsheet would run as formulas are neutralised.</summary>
    public static byte[] ToCsv<T>(IReadOnlyList<(string Header, Func<T, object?> Value)> columns, IEnumerable<T> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var (header, _) in columns)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var (_, value) in columns)
                {
                    csv.WriteField(SpreadsheetCells.Neutralise(Text(value(row))));
                }

                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The start of a printable page, up to and including its first heading: A4 landscape, headers repeated on each page.</summary>
    public static void StartPage(StringBuilder html, string title) =>
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <title>{{Encode(title)}}</title>
            <style>
            body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; margin: 1.5em; color: #000; }
            h1 { font-size: 14pt; margin: 0 0 .3em; } h2 { font-size: 12pt; margin: 1.2em 0 .4em; }
            dl { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; margin: 0 0 1em; } dt { font-weight: bold; } dd { margin: 0; }
            table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #444; padding: .25em .4em; vertical-align: top; text-align: left; }
            th { background: #e6e6e6; } td.rag-Red { background: #f4c7c3; } td.rag-Amber { background: #fce8b2; } td.rag-Green { background: #b7e1cd; }
            @media print { body { margin: 0; font-size: 9pt; } thead { display: table-header-group; } tr { page-break-inside: avoid; } @page { size: A4 landscape; margin: 12mm; } }
            </style>
            </head>
            <body>
            <h1>{{Encode(title)}}</h1>

            """);

    /// <summary>A table of the rows under the columns; <paramref name="cellClass"/> may class a cell (a RAG rating's colour).</summary>
    public static void AppendTable<T>(StringBuilder html, IReadOnlyList<(string Header, Func<T, object?> Value)> columns, IEnumerable<T> rows,
        Func<string, object?, string?>? cellClass = null)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var (header, _) in columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{Encode(header)}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var (header, value) in columns)
            {
                var cell = value(row);
                var css = cellClass?.Invoke(header, cell) is { } name ? $" class=\"{name}\"" : "";
                html.Append(CultureInfo.InvariantCulture, $"<td{css}>{Encode(cell)}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    public static void EndPage(StringBuilder html) => html.Append("</body>\n</html>\n");
}
