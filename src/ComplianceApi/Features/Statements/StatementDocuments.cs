using System.Globalization;
using System.Net;
using System.Text;
using ComplianceApi.Domain;
using ComplianceApi.Http;
using ComplianceApi.Xlsx;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ComplianceApi.Features.Statements;

/// <summary>The forms a position statement can be had in.</summary>
public enum StatementFormat { Json, Csv, Xlsx, Html }

/// <summary>The forms a position statement can be had in as a file.</summary>
public enum StatementDocumentFormat { Csv, Xlsx, Html }

/// <summary>
/// A position statement as JSON, CSV, an Excel workbook, or a printable HTML page for a committee paper.
/// The three documents share one list of columns, so they hold the same rows and values.
/// </summary>
public static class StatementDocuments
{
    public const string Csv = "text/csv";
    public const string Xlsx = XlsxWorkbookWriter.MediaType;
    public const string Html = "text/html";

    /// <summary>The media types a statement is served in besides JSON, for the contract.</summary>
    public static readonly string[] DocumentTypes = [Csv, Xlsx, Html];

    private static readonly (string, StatementFormat)[] Offered =
        [(Csv, StatementFormat.Csv), (Xlsx, StatementFormat.Xlsx), (Html, StatementFormat.Html), ("application/json", StatementFormat.Json)];

    private static readonly (string Header, Func<StatementLineView, object?> Value)[] Columns =
    [
        ("Section", l => l.Section),
        ("Change", l => l.Change),
        ("Inspection", l => l.InspectionReference),
        ("Report title", l => l.InspectionTitle),
        ("Finding", l => l.FindingReference),
        ("Kind", l => l.FindingKind),
        ("Finding text", l => l.FindingText),
        ("Force", l => l.ForceCode),
        ("Owner", l => l.OwnerName),
        ("Owner role", l => l.OwnerRole),
        ("Status", l => l.Status),
        ("RAG", l => l.Rag),
        ("Derived RAG", l => l.DerivedRag),
        ("Deadline", l => l.DeadlineText),
        ("Due date", l => l.FindingDueDate),
        ("Revised date", l => l.RevisedDueDate),
        ("Overdue", l => l.IsOverdue),
        ("Days overdue", l => l.DaysOverdue),
        ("Position", l => l.PositionStatement),
        ("Position as of", l => l.StatusEffectiveOn),
        ("Previous status", l => l.PreviousStatus),
        ("Previous RAG", l => l.PreviousRag),
        ("Previous due date", l => l.PreviousDueDate),
    ];

    /// <summary>The format asked for: <c>format</c> when given, else the first document type the Accept header names, else JSON.</summary>
    public static StatementFormat Negotiate(StatementFormat? format, HttpRequest request) =>
        DocumentResponses.Negotiate(format, request, Offered, StatementFormat.Json);

    public static Results<Ok<PositionStatementView>, FileContentHttpResult, ContentHttpResult> Render(PositionStatementView statement, StatementFormat format) =>
        format switch
        {
            StatementFormat.Csv => File(statement, StatementDocumentFormat.Csv),
            StatementFormat.Xlsx => File(statement, StatementDocumentFormat.Xlsx),
            // Asked for as a page (format or Accept), HTML is shown inline rather than downloaded.
            StatementFormat.Html => TypedResults.Content(ToHtml(statement), $"{Html}; charset=utf-8", Encoding.UTF8),
            _ => TypedResults.Ok(statement),
        };

    /// <summary>The statement as a file in every format, HTML included, so that the answer is always a download.</summary>
    public static FileContentHttpResult File(PositionStatementView statement, StatementDocumentFormat format) => format switch
    {
        StatementDocumentFormat.Csv => TypedResults.File(ToCsv(statement), $"{Csv}; charset=utf-8", FileName(statement, "csv")),
        StatementDocumentFormat.Xlsx => TypedResults.File(ToXlsx(statement), Xlsx, FileName(statement, "xlsx")),
        StatementDocumentFormat.Html => TypedResults.File(Encoding.UTF8.GetBytes(ToHtml(statement)), $"{Html}; charset=utf-8", FileName(statement, "html")),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static string FileName(PositionStatementView statement, string extension)
    {
        var name = statement.ReportReference ?? "preview";
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        return $"position-statement-{statement.ForceCode}-{safe}-{statement.AsOf:yyyy-MM-dd}.{extension}";
    }

    /// <summary>A cell's text: enums by name, dates as ISO dates, yes/no for flags, nothing for none.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "Yes" : "No",
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static byte[] ToCsv(PositionStatementView statement)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var (header, _) in Columns)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var line in statement.Lines)
            {
                foreach (var (_, value) in Columns)
                {
                    csv.WriteField(SpreadsheetCells.Neutralise(Text(value(line))));
                }

                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    public static byte[] ToXlsx(PositionStatementView statement)
    {
        const string sheet = "Position statement";
        using var buffer = new MemoryStream();
        using (var workbook = new XlsxWorkbookWriter(buffer, [sheet]))
        {
            workbook.StartSheet(sheet);
            workbook.WriteTextRow(Columns.Select(c => c.Header));
            foreach (var line in statement.Lines)
            {
                workbook.StartRow();
                foreach (var (_, value) in Columns)
                {
                    // Counts are numbers a clerk can sum; everything else is text.
                    if (value(line) is int number)
                    {
                        workbook.WriteNumber(number);
                    }
                    else
                    {
                        workbook.WriteText(Text(value(line)));
                    }
                }

                workbook.EndRow();
            }
        }

        return buffer.ToArray();
    }

    public static string ToHtml(PositionStatementView statement)
    {
        static string E(object? value) => WebUtility.HtmlEncode(Text(value));
        var html = new StringBuilder();
        var title = $"Appendix A: position statement, {statement.ForceCode}";
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <title>{{E(title)}}</title>
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
            <h1>{{E(title)}}</h1>
            <dl>
            <dt>Committee</dt><dd>{{E(statement.CommitteeName)}} ({{E(statement.CommitteeBody)}})</dd>
            <dt>Report</dt><dd>{{(statement.ReportReference is null ? "Preview, not issued" : $"{E(statement.ReportReference)}, meeting of {E(statement.ReportedOn)}")}}</dd>
            <dt>Position as of</dt><dd>{{E(statement.AsOf)}}</dd>
            <dt>Since</dt><dd>{{(statement.PreviousReportReference is null ? "No earlier statement issued" : $"{E(statement.PreviousReportReference)} (as of {E(statement.PreviousAsOf)})")}}</dd>
            <dt>Changes</dt><dd>{{statement.Changes.New}} new, {{statement.Changes.Moved}} moved, {{statement.Changes.NewlyGreen}} newly green, {{statement.Changes.Closed}} closed</dd>
            </dl>
            <p>Findings that have been implemented and are GREEN and which have previously been reported to this committee are not included.</p>

            """);

        foreach (var (section, heading) in new[]
                 {
                     (StatementSection.Open, "Open findings"),
                     (StatementSection.Implemented, "Implemented since last reported"),
                     (StatementSection.NoLongerReported, "No longer reported"),
                 })
        {
            var lines = statement.Lines.Where(l => l.Section == section).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(heading)} ({lines.Count})</h2>\n");
            html.Append("<table>\n<thead><tr>");
            foreach (var (header, _) in Columns)
            {
                html.Append(CultureInfo.InvariantCulture, $"<th>{E(header)}</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var line in lines)
            {
                html.Append("<tr>");
                foreach (var (header, value) in Columns)
                {
                    var cell = value(line);
                    var rag = header.EndsWith("RAG", StringComparison.Ordinal) && cell is Rag rating ? $" class=\"rag-{rating}\"" : "";
                    html.Append(CultureInfo.InvariantCulture, $"<td{rag}>{E(cell)}</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
