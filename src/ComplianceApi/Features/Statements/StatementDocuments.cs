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
        ("Inspectorate status", l => l.InspectorateStatus),
        ("Inspectorate assessed on", l => l.InspectorateAssessedOn),
        ("Disagrees with inspectorate", l => l.DisagreesWithInspectorate),
    ];

    /// <summary>The format asked for: <c>format</c> when given, else the first document type the Accept header names, else JSON.</summary>
    public static StatementFormat Negotiate(StatementFormat? format, HttpRequest request) =>
        DocumentResponses.Negotiate(format, request, Offered, StatementFormat.Json);

    public static Results<Ok<PositionStatementView>, DocumentResult> Render(PositionStatementView statement, StatementFormat format) =>
        format switch
        {
            StatementFormat.Csv => File(statement, StatementDocumentFormat.Csv),
            StatementFormat.Xlsx => File(statement, StatementDocumentFormat.Xlsx),
            // Asked for as a page (format or Accept), HTML is shown inline rather than downloaded.
            StatementFormat.Html => new DocumentResult(TypedResults.Content(ToHtml(statement), $"{Html}; charset=utf-8", Encoding.UTF8), statement),
            _ => TypedResults.Ok(statement),
        };

    /// <summary>The summary alone, on A4 portrait.</summary>
    public static DocumentResult Summary(PositionStatementView statement) =>
        new(TypedResults.Content(ToHtml(statement, summaryOnly: true), $"{Html}; charset=utf-8", Encoding.UTF8), statement);

    /// <summary>The statement as a file in every format, HTML included, so that the answer is always a download.</summary>
    public static DocumentResult File(PositionStatementView statement, StatementDocumentFormat format) => new(format switch
    {
        StatementDocumentFormat.Csv => TypedResults.File(ToCsv(statement), $"{Csv}; charset=utf-8", FileName(statement, "csv")),
        StatementDocumentFormat.Xlsx => TypedResults.File(ToXlsx(statement), Xlsx, FileName(statement, "xlsx")),
        StatementDocumentFormat.Html => TypedResults.File(Encoding.UTF8.GetBytes(ToHtml(statement)), $"{Html}; charset=utf-8", FileName(statement, "html")),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    }, statement);

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
        // Widths in characters, one per column: the texts wide and wrapped, the codes and dates narrow.
        double[] widths = [16, 12, 14, 40, 18, 20, 60, 24, 22, 22, 14, 9, 12, 22, 16, 16, 9, 9, 60, 16, 14, 12, 16, 18, 16, 12];
        using var buffer = new MemoryStream();
        using (var workbook = new XlsxWorkbookWriter(buffer, [sheet]))
        {
            workbook.StartSheet(sheet, widths, frozenRows: 1);
            workbook.WriteTextRow(Columns.Select(c => c.Header), XlsxCellStyle.Header);
            foreach (var line in statement.Lines)
            {
                workbook.StartRow();
                foreach (var (header, value) in Columns)
                {
                    // Counts are numbers a clerk can sum; everything else is text, in people's words.
                    switch (header == "Force" && line.ForceCode == statement.ForceCode ? statement.ForceName : value(line))
                    {
                        case int number:
                            workbook.WriteNumber(number);
                            break;
                        case Rag rag:
                            workbook.WriteText(Words.Of(rag), rag switch { Rag.Red => XlsxCellStyle.Red, Rag.Amber => XlsxCellStyle.Amber, _ => XlsxCellStyle.Green });
                            break;
                        case string text when text.Length > 40:
                            workbook.WriteText(text, XlsxCellStyle.Wrapped);
                            break;
                        case var cell:
                            workbook.WriteText(Words.Any(cell));
                            break;
                    }
                }

                workbook.EndRow();
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The Appendix A a committee reads: see <see cref="ProgressPages"/>.</summary>
    public static string ToHtml(PositionStatementView statement, bool summaryOnly = false)
    {
        var reports = statement.Reports.ToDictionary(r => r.InspectionId, r => new ProgressReport(r.Reference, r.Title, r.PublishedOn));
        var hasPrevious = statement.PreviousStatementId is not null;
        ProgressRow Row(StatementLineView l) => new(
            reports.GetValueOrDefault(l.InspectionId) ?? new ProgressReport(l.InspectionReference, l.InspectionTitle, null),
            l.ForceCode == statement.ForceCode ? statement.ForceName : l.ForceCode,
            l.FindingReference, l.FindingKind, l.FindingText, l.DeadlineText,
            string.Join(", ", new[] { l.OwnerName, l.OwnerRole }.Where(o => !string.IsNullOrWhiteSpace(o))),
            l.Status, l.Rag, l.DerivedRag, l.FindingDueDate, l.RevisedDueDate, l.DaysOverdue, l.PositionStatement, l.StatusEffectiveOn,
            hasPrevious ? ChangeInWords(l) : null,
            l.InspectorateStatus, l.InspectorateAssessedOn, l.DisagreesWithInspectorate);

        var sections = new[]
            {
                (StatementSection.Open, "Open findings"),
                (StatementSection.Implemented, "Implemented since last reported"),
                (StatementSection.NoLongerReported, "No longer reported"),
            }
            .Select(s => new ProgressSection(s.Item2, [.. statement.Lines.Where(l => l.Section == s.Item1).Select(Row)]))
            .Where(s => s.Heading != "No longer reported" || s.Rows.Count > 0)
            .ToList();

        var committee = $"{statement.CommitteeName} ({Words.Of(statement.CommitteeBody)})";
        var title = statement.ReportReference is null
            ? $"Appendix A: {statement.ForceName}, position as of {Words.Of(statement.AsOf)}"
            : $"Appendix A to {statement.ReportReference}: {statement.ForceName}, position as of {Words.Of(statement.AsOf)}";
        List<(string, string)> facts =
        [
            ("Committee", committee),
            ("Report", statement.ReportReference is null ? "Preview, not issued" : $"{statement.ReportReference}, meeting of {(statement.ReportedOn is { } on ? Words.Of(on) : "")}"),
            ("Since", statement.PreviousReportReference is null ? "No earlier statement issued" : $"{statement.PreviousReportReference} (position as of {(statement.PreviousAsOf is { } p ? Words.Of(p) : "")})"),
        ];
        var disagreeing = statement.Lines.Count(l => l.Section != StatementSection.NoLongerReported && l.DisagreesWithInspectorate);
        if (disagreeing > 0)
        {
            facts.Add(("Inspectorate", $"{disagreeing} {(disagreeing == 1 ? "finding" : "findings")} reported implemented or closed that the inspectorate has not closed"));
        }

        if (hasPrevious)
        {
            var c = statement.Changes;
            facts.Add(("Changes", $"{c.New} new, {c.Moved} moved, {c.NewlyGreen} newly green, {c.Closed} closed, {c.Unchanged} unchanged"));
        }

        return ProgressPages.Render(
            new ProgressPageOptions(title, facts, ShowOwner: true, ShowChange: hasPrevious, "Latest position", summaryOnly,
                "Findings that have been implemented and are green and which have previously been reported to this committee are not included."),
            sections);
    }

    /// <summary>What changed since the previous statement, in words: "Moved: status was Not started; RAG was Amber".</summary>
    private static string ChangeInWords(StatementLineView line)
    {
        if (line.Change is not StatementChange.Moved)
        {
            return line.Change is { } change ? Words.Of(change) : "";
        }

        var was = new List<string>();
        if (line.PreviousStatus is { } status && status != line.Status)
        {
            was.Add($"status was {Words.Of(status)}");
        }

        if (line.PreviousRag != line.Rag)
        {
            was.Add($"RAG was {(line.PreviousRag is { } rag ? Words.Of(rag) : "not rated")}");
        }

        if (line.PreviousDueDate != line.DueDate)
        {
            was.Add($"due {(line.PreviousDueDate is { } due ? Words.Of(due) : "no date")} before");
        }

        return was.Count == 0 ? Words.Of(StatementChange.Moved) : $"Moved: {string.Join("; ", was)}";
    }
}
