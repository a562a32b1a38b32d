using System.Globalization;
using System.Text;
using ComplianceApi.Domain;
using ComplianceApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ComplianceApi.Features.Reminders;

/// <summary>
/// The reminders digest as JSON, a CSV file (a row per reminder, for a mail merge) or a printable HTML page
/// (a section per owner). CSV and HTML share one list of columns.
/// </summary>
public static class ReminderDocuments
{
    /// <summary>The media types the digest is served in besides JSON, for the contract.</summary>
    public static readonly string[] DocumentTypes = [DocumentTables.Csv, DocumentTables.Html];

    private static readonly (string, ReminderFormat)[] Offered =
        [(DocumentTables.Csv, ReminderFormat.Csv), (DocumentTables.Html, ReminderFormat.Html), ("application/json", ReminderFormat.Json)];

    private static readonly (string Header, Func<(OwnerRemindersView Owner, ReminderItemView Item), object?> Value)[] Columns =
    [
        ("Owner", r => r.Owner.OwnerName),
        ("Owner role", r => r.Owner.OwnerRole),
        ("Reminder", r => Describe(r.Item.Reason)),
        ("Record", r => r.Item.RecordType),
        ("Force", r => r.Item.ForceCode),
        ("Subject", r => r.Item.Subject),
        ("Status", r => r.Item.Status),
        ("Date", r => r.Item.Date),
        ("Days from today", r => r.Item.DaysFromToday),
        ("Id", r => r.Item.Id),
    ];

    public static ReminderFormat Negotiate(ReminderFormat? format, HttpRequest request) =>
        DocumentResponses.Negotiate(format, request, Offered, ReminderFormat.Json);

    public static Results<Ok<ReminderDigestView>, DocumentResult> Render(ReminderDigestView digest, ReminderFormat format) =>
        format switch
        {
            ReminderFormat.Csv => new DocumentResult(TypedResults.File(DocumentTables.ToCsv(Columns, Rows(digest)), $"{DocumentTables.Csv}; charset=utf-8",
                $"reminders-{digest.ForceCode ?? "all-forces"}-{digest.AsOf:yyyy-MM-dd}.csv"), digest),
            ReminderFormat.Html => new DocumentResult(TypedResults.Content(ToHtml(digest), $"{DocumentTables.Html}; charset=utf-8", Encoding.UTF8), digest),
            _ => TypedResults.Ok(digest),
        };

    private static IEnumerable<(OwnerRemindersView, ReminderItemView)> Rows(ReminderDigestView digest) =>
        digest.Owners.SelectMany(o => o.Items.Select(i => (o, i)));

    private static string Describe(ReminderReason reason) => reason switch
    {
        ReminderReason.Overdue => "Overdue",
        ReminderReason.FallingDue => "Falling due",
        _ => "Review due",
    };

    public static string ToHtml(ReminderDigestView digest)
    {
        var html = new StringBuilder();
        DocumentTables.StartPage(html, $"Reminders, {digest.ForceCode ?? "all forces"}");
        html.Append(CultureInfo.InvariantCulture, $"""
            <dl>
            <dt>As of</dt><dd>{DocumentTables.Encode(digest.AsOf)}</dd>
            <dt>Falling due</dt><dd>within {digest.WithinDays} days</dd>
            <dt>Reminders</dt><dd>{digest.Count} for {digest.Owners.Count} owners</dd>
            </dl>

            """);
        var columns = Columns[2..];
        foreach (var owner in digest.Owners)
        {
            var heading = owner.OwnerName is null && owner.OwnerRole is null ? "No owner recorded"
                : string.Join(", ", new[] { owner.OwnerName, owner.OwnerRole }.Where(p => p is not null));
            html.Append(CultureInfo.InvariantCulture, $"<h2>{DocumentTables.Encode(heading)} ({owner.Items.Count})</h2>\n");
            DocumentTables.AppendTable(html, columns, owner.Items.Select(i => (owner, i)));
        }

        DocumentTables.EndPage(html);
        return html.ToString();
    }
}
