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
    public const string Csv = DocumentTables.Csv;
    public const string Xlsx = XlsxWorkbookWriter.MediaType;
    public const string Html = DocumentTables.Html;

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

    public static byte[] ToCsv(PositionStatementView statement) => DocumentTables.ToCsv(Columns, statement.Lines);

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
                        workbook.WriteText(DocumentTables.Text(value(line)));
                    }
                }

                workbook.EndRow();
            }
        }

        return buffer.ToArray();
    }

    public static string ToHtml(PositionStatementView statement)
    {
        static string E(object? value) => DocumentTables.Encode(value);
        var html = new StringBuilder();
        DocumentTables.StartPage(html, $"Appendix A: position statement, {statement.ForceCode}");
        html.Append(CultureInfo.InvariantCulture, $$"""
            <dl>
            <dt>Committee</dt><dd>{{E(statement.CommitteeName)}} ({{E(statement.CommitteeBody)}})</dd>
            <dt>Report</dt><dd>{{(statement.ReportReference is null ? "Preview, not issued" : $"{E(statement.ReportReference)}, meeting of {E(statement.ReportedOn)}")}}</dd>
            <dt>Position as of</dt><dd>{{E(statement.AsOf)}}</dd>
            <dt>Since</dt><dd>{{(statement.PreviousReportReference is null ? "No earlier statement issued" : $"{E(statement.PreviousReportReference)} (as of {E(statement.PreviousAsOf)})")}}</dd>
            <dt>Changes</dt><dd>{{statement.Changes.New}} new, {{statement.Changes.Moved}} moved, {{statement.Changes.NewlyGreen}} newly green, {{statement.Changes.Closed}} closed</dd>
            <dt>Listed</dt><dd>{{statement.ByStatus.Open}} open, {{statement.ByStatus.Implemented}} implemented, {{statement.ByStatus.Closed}} closed, {{statement.ByStatus.PendingSignOff}} pending sign off</dd>
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
            DocumentTables.AppendTable(html, Columns, lines,
                (header, cell) => header.EndsWith("RAG", StringComparison.Ordinal) && cell is Rag rating ? $"rag-{rating}" : null);
        }

        DocumentTables.EndPage(html);
        return html.ToString();
    }
}
