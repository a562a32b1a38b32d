using System.Globalization;
using System.Net;
using System.Text;
using ComplianceApi.Domain;

namespace ComplianceApi.Features;

/// <summary>An inspection report a progress page groups findings under.</summary>
public sealed record ProgressReport(string Reference, string Title, DateOnly? PublishedOn);

/// <summary>
/// One finding on a page for people: the printable Appendix A (owner, latest position, change since the
/// previous statement) or the public page (the force's public statement; no owner, no change). The
/// inspectorate's status, where given, is printed under the force's, with a flag where they disagree.
/// </summary>
public sealed record ProgressRow(
    ProgressReport Report,
    string ForceName,
    string FindingReference,
    FindingKind Kind,
    string Text,
    string? DeadlineText,
    string? Owner,
    ResponseStatus Status,
    Rag? Rag,
    Rag? DerivedRag,
    DateOnly? DueDate,
    DateOnly? RevisedDueDate,
    int DaysOverdue,
    string? Position,
    DateOnly? PositionOn,
    string? Changed,
    InspectorateStatus? InspectorateStatus = null,
    DateOnly? InspectorateAssessedOn = null,
    bool DisagreesWithInspectorate = false);

/// <summary>A part of a page (open findings, implemented ones…), each grouped by report.</summary>
public sealed record ProgressSection(string Heading, IReadOnlyList<ProgressRow> Rows);

/// <summary>What a page shows besides its rows.</summary>
/// <param name="Title">The page's title, also printed in the running footer.</param>
/// <param name="Facts">Label and value pairs under the title (committee, date, previous statement).</param>
/// <param name="ShowOwner">The owner column (never on the public page).</param>
/// <param name="ShowChange">The change-since-previous column.</param>
/// <param name="PositionHeading">"Latest position", or "Public statement".</param>
/// <param name="SummaryOnly">Only the summary, on A4 portrait.</param>
/// <param name="Note">A sentence under the facts, such as what the statement leaves out.</param>
public sealed record ProgressPageOptions(
    string Title,
    IReadOnlyList<(string Label, string Value)> Facts,
    bool ShowOwner,
    bool ShowChange,
    string PositionHeading,
    bool SummaryOnly,
    string? Note = null);

/// <summary>
/// The page people read a force's progress on, printed (Appendix A) or online (the public page): a summary
/// (counts by status and RAG, overdue, implemented, a chart of the RAG split per report), then a table per
/// report. Self-contained: no scripts, fonts or images to fetch. Prints on A4 landscape (portrait for the
/// summary alone) with the title and "Page n of m" in the running footer (CSS page-margin boxes, which
/// Chromium prints since version 131), table headers repeated and rows kept whole.
/// </summary>
public static class ProgressPages
{
    private static readonly StringComparer InReportOrder = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.NumericOrdering);

    // Fill and outline of each RAG band: light fills under black text (contrast above 12:1), and a
    // pattern per band so the chart reads in black and white.
    private static readonly (string Name, string Css, string Fill)[] Bands =
    [
        ("Red", "rag-red", "url(#p-red)"),
        ("Amber", "rag-amber", "url(#p-amber)"),
        ("Green", "rag-green", "url(#p-green)"),
        ("Not rated", "rag-none", "#ffffff"),
    ];

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Render(ProgressPageOptions options, IReadOnlyList<ProgressSection> sections)
    {
        var html = new StringBuilder();
        var rows = sections.SelectMany(s => s.Rows).ToList();
        var forces = rows.Select(r => r.ForceName).Distinct().Count();
        StartPage(html, options);
        AppendSummary(html, options, sections);
        if (!options.SummaryOnly)
        {
            foreach (var section in sections)
            {
                AppendSection(html, options, section, showForce: forces > 1);
            }
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void StartPage(StringBuilder html, ProgressPageOptions options)
    {
        var footerTitle = CssString(options.Title);
        var size = options.SummaryOnly ? "A4 portrait" : "A4 landscape";
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(options.Title)}}</title>
            <style>
            *, *::before, *::after { box-sizing: border-box; }
            body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.3; margin: 0 auto; padding: 1em; max-width: 80em; color: #000; background: #fff; }
            h1 { font-size: 15pt; margin: 0 0 .3em; } h2 { font-size: 12.5pt; margin: 1.1em 0 .35em; } h3 { font-size: 10.5pt; margin: .9em 0 .25em; }
            p { margin: .2em 0 .5em; } .meta { margin: 0 0 .3em; color: #333; }
            dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .1em 1em; margin: 0 0 .6em; } dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0 0 .6em; }
            th, td { border: 1px solid #555; padding: .2em .35em; vertical-align: top; text-align: left; overflow-wrap: anywhere; word-break: break-word; }
            th { background: #e6e6e6; font-weight: bold; } td.n, th.n { text-align: right; }
            .summary-tables { display: flex; flex-wrap: wrap; gap: 0 1.5em; } .summary-tables table { width: auto; min-width: 14em; table-layout: auto; }
            .rag { font-weight: bold; } .rag-red { background: #f4c7c3; } .rag-amber { background: #fce8b2; } .rag-green { background: #b7e1cd; }
            .small { font-size: .9em; color: #333; } .text { white-space: pre-line; }
            svg { max-width: 100%; height: auto; } .chart text { font: 9px Arial, Helvetica, sans-serif; fill: #000; }
            .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
            col.ref { width: 10%; } col.force { width: 9%; } col.text { width: 27%; } col.owner { width: 12%; } col.status { width: 10%; } col.dates { width: 12%; } col.position { width: 29%; } col.change { width: 9%; }
            @media screen and (max-width: 48em) {
              body { font-size: 11pt; padding: .6em; }
              table.findings, table.findings thead, table.findings tbody, table.findings tr, table.findings th, table.findings td { display: block; width: auto; }
              table.findings thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
              table.findings tr { border: 1px solid #555; margin: 0 0 .6em; } table.findings td { border: 0; border-top: 1px solid #ccc; }
              table.findings td::before { content: attr(data-label) ": "; font-weight: bold; }
            }
            @page { size: {{size}}; margin: 10mm 10mm 14mm;
              @bottom-left { content: "{{footerTitle}}"; font: 8pt Arial, Helvetica, sans-serif; color: #333; }
              @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, Helvetica, sans-serif; color: #333; } }
            @media print {
              body { font-size: 7.5pt; line-height: 1.15; padding: 0; max-width: none; } th, td { padding: .1em .3em; } h1 { font-size: 13pt; } h2 { font-size: 11pt; } h3 { font-size: 9pt; break-after: avoid; }
              thead { display: table-header-group; } tr, .chart, .summary-tables table { break-inside: avoid; }
              .rag-red, .rag-amber, .rag-green, th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
            }
            </style>
            </head>
            <body>
            <main>
            <h1>{{E(options.Title)}}</h1>

            """);
        if (options.Facts.Count > 0)
        {
            html.Append("<dl class=\"facts\">\n");
            foreach (var (label, value) in options.Facts)
            {
                html.Append(CultureInfo.InvariantCulture, $"<dt>{E(label)}</dt><dd>{E(value)}</dd>\n");
            }

            html.Append("</dl>\n");
        }

        if (options.Note is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(options.Note)}</p>\n");
        }
    }

    private static void AppendSummary(StringBuilder html, ProgressPageOptions options, IReadOnlyList<ProgressSection> sections)
    {
        var rows = sections.SelectMany(s => s.Rows).ToList();
        html.Append("<h2>Summary</h2>\n");
        var overdue = rows.Count(r => r.DaysOverdue > 0);
        html.Append("<p>");
        html.AppendJoin("; ", sections.Select(s => $"{E(s.Heading)}: {s.Rows.Count}"));
        html.Append(CultureInfo.InvariantCulture, $"; overdue: {overdue}.</p>\n");

        html.Append("<div class=\"summary-tables\">\n<table>\n<caption class=\"visually-hidden\">Findings by status</caption>\n<thead><tr><th scope=\"col\">Status</th><th scope=\"col\" class=\"n\">Findings</th></tr></thead>\n<tbody>\n");
        foreach (var group in rows.GroupBy(r => r.Status).OrderBy(g => g.Key))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(Words.Of(group.Key))}</th><td class=\"n\">{group.Count()}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<table>\n<caption class=\"visually-hidden\">Findings by RAG rating</caption>\n<thead><tr><th scope=\"col\">RAG</th><th scope=\"col\" class=\"n\">Recorded</th><th scope=\"col\" class=\"n\">By the rules</th></tr></thead>\n<tbody>\n");
        foreach (var (name, css, _) in Bands)
        {
            Rag? rag = Enum.TryParse<Rag>(name, out var parsed) ? parsed : null;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><th scope=\"row\" class=\"{css}\">{E(name)}</th><td class=\"n\">{rows.Count(r => r.Rag == rag)}</td><td class=\"n\">{rows.Count(r => r.DerivedRag == rag)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
        AppendChart(html, rows);
    }

    /// <summary>A bar per report of its recorded RAG split: patterned bands with counts written beside, no script.</summary>
    private static void AppendChart(StringBuilder html, IReadOnlyList<ProgressRow> rows)
    {
        var reports = rows.GroupBy(r => r.Report).OrderBy(g => g.Key.PublishedOn ?? DateOnly.MaxValue).ThenBy(g => g.Key.Reference, StringComparer.Ordinal).ToList();
        if (reports.Count == 0)
        {
            return;
        }

        const int labelWidth = 190, barWidth = 300, countsX = labelWidth + barWidth + 8, rowHeight = 13, top = 18;
        var height = top + (reports.Count * rowHeight) + 4;
        var most = reports.Max(g => g.Count());
        html.Append(CultureInfo.InvariantCulture, $"""
            <h3>RAG rating by report</h3>
            <figure class="chart" style="margin:0">
            <svg xmlns="http://www.w3.org/2000/svg" width="720" height="{height}" viewBox="0 0 720 {height}" role="img" aria-labelledby="chart-title">
            <title id="chart-title">Recorded RAG ratings of the findings of each report; the counts are written beside each bar.</title>
            <defs>
            <pattern id="p-red" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f4c7c3"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="2"/></pattern>
            <pattern id="p-amber" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#fce8b2"/><circle cx="2.5" cy="2.5" r="1" fill="#000"/></pattern>
            <pattern id="p-green" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#b7e1cd"/></pattern>
            </defs>
            <text x="0" y="10">Report</text><text x="{labelWidth}" y="10">Red (hatched) · Amber (dotted) · Green (plain) · Not rated (white)</text>

            """);
        var y = top;
        foreach (var report in reports)
        {
            var label = report.Key.Reference.Length > 34 ? report.Key.Reference[..33] + "…" : report.Key.Reference;
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 9}\">{E(label)}</text>");
            double x = labelWidth;
            var counts = new List<string>();
            foreach (var (name, _, fill) in Bands)
            {
                Rag? rag = Enum.TryParse<Rag>(name, out var parsed) ? parsed : null;
                var count = report.Count(r => r.Rag == rag);
                if (count == 0)
                {
                    continue;
                }

                var width = barWidth * (double)count / most;
                html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y}\" width=\"{width:0.#}\" height=\"{rowHeight - 3}\" fill=\"{fill}\" stroke=\"#000\" stroke-width=\"0.6\"/>");
                x += width;
                counts.Add($"{name[0]} {count}");
            }

            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{countsX}\" y=\"{y + 9}\">{E(string.Join(", ", counts))}</text>\n");
            y += rowHeight;
        }

        html.Append("</svg>\n<figcaption class=\"small\">R red, A amber, G green, N not rated: the number of findings of each report with that recorded rating.</figcaption>\n</figure>\n");
    }

    private static void AppendSection(StringBuilder html, ProgressPageOptions options, ProgressSection section, bool showForce)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(section.Heading)} ({section.Rows.Count})</h2>\n");
        if (section.Rows.Count == 0)
        {
            html.Append("<p>None.</p>\n");
            return;
        }

        var groups = section.Rows.GroupBy(r => r.Report)
            .OrderBy(g => g.Key.PublishedOn ?? DateOnly.MaxValue).ThenBy(g => g.Key.Reference, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var report = group.Key;
            var deadlines = group.Select(r => r.DeadlineText).Distinct().ToList();
            var sharedDeadline = deadlines.Count == 1 ? deadlines[0] : null;
            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(report.Title)}</h3>\n<p class=\"meta\">{E(report.Reference)}");
            if (report.PublishedOn is { } published)
            {
                html.Append(CultureInfo.InvariantCulture, $", published {E(Words.Of(published))}");
            }

            if (sharedDeadline is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"; deadline: {E(sharedDeadline)}");
            }

            html.Append(CultureInfo.InvariantCulture, $"; {Count(group.Count(), "finding")}</p>\n");
            AppendTable(html, options, [.. group.OrderBy(r => r.FindingReference, InReportOrder).ThenBy(r => r.ForceName, StringComparer.Ordinal)],
                showForce, showDeadline: sharedDeadline is null && deadlines.Any(d => d is not null));
        }
    }

    private static void AppendTable(StringBuilder html, ProgressPageOptions options, IReadOnlyList<ProgressRow> rows, bool showForce, bool showDeadline)
    {
        var columns = new List<(string Css, string Header)> { ("ref", "Reference") };
        if (showForce)
        {
            columns.Add(("force", "Force"));
        }

        columns.Add(("text", "Finding"));
        if (options.ShowOwner)
        {
            columns.Add(("owner", "Owner"));
        }

        columns.AddRange([("status", "Status and RAG"), ("dates", "Dates"), ("position", options.PositionHeading)]);
        if (options.ShowChange)
        {
            columns.Add(("change", "Since last statement"));
        }

        html.Append("<table class=\"findings\">\n<colgroup>");
        foreach (var (css, _) in columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<col class=\"{css}\">");
        }

        html.Append("</colgroup>\n<thead><tr>");
        foreach (var (_, header) in columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(header)}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            // "Recommendation 8" says its kind already; "AFI 3" or "3.1" does not.
            var kind = Words.Of(row.Kind);
            var kindLine = row.FindingReference.StartsWith(kind, StringComparison.OrdinalIgnoreCase) ? "" : $"<br><span class=\"small\">{E(kind)}</span>";
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\" data-label=\"Reference\">{E(row.FindingReference)}{kindLine}</th>");
            if (showForce)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td data-label=\"Force\">{E(row.ForceName)}</td>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<td data-label=\"Finding\" class=\"text\">{E(row.Text)}</td>");
            if (options.ShowOwner)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td data-label=\"Owner\">{string.Join("<br>", (row.Owner ?? "").Split(", ", 2).Select(E))}</td>");
            }

            var ragCss = row.Rag is { } rag ? $" rag-{rag.ToString().ToLowerInvariant()}" : "";
            html.Append(CultureInfo.InvariantCulture, $"<td data-label=\"Status and RAG\" class=\"status{ragCss}\">{E(Words.Of(row.Status))}<br><span class=\"rag\">{E(row.Rag is { } r ? Words.Of(r) : "Not rated")}</span>");
            if (row.DerivedRag is { } derived && derived != row.Rag)
            {
                html.Append(CultureInfo.InvariantCulture, $" <span class=\"small\">(by the rules: {E(Words.Of(derived))})</span>");
            }

            // In the same cell, so the printed table keeps its columns and widths.
            if (row.InspectorateStatus is { } inspectorate)
            {
                var assessed = row.InspectorateAssessedOn is { } a ? $", {Words.Of(a)}" : "";
                html.Append(CultureInfo.InvariantCulture, $"<br><span class=\"small\">Inspectorate: {E(Words.Of(inspectorate))}{E(assessed)}</span>");
                if (row.DisagreesWithInspectorate)
                {
                    html.Append("<br><strong class=\"small\">Not closed by the inspectorate</strong>");
                }
            }

            html.Append(CultureInfo.InvariantCulture, $"</td><td data-label=\"Dates\">");
            var dates = new List<string>();
            if (row.DueDate is { } due)
            {
                dates.Add($"Due {E(Words.Of(due))}");
            }

            if (showDeadline && row.DeadlineText is not null)
            {
                dates.Add($"<span class=\"small\">{E(row.DeadlineText)}</span>");
            }

            if (row.RevisedDueDate is { } revised)
            {
                dates.Add($"Revised to {E(Words.Of(revised))}");
            }

            if (row.DaysOverdue > 0)
            {
                dates.Add($"<strong>Overdue by {E(Words.Days(row.DaysOverdue))}</strong>");
            }

            html.AppendJoin("<br>", dates);
            html.Append(CultureInfo.InvariantCulture, $"</td><td data-label=\"{E(options.PositionHeading)}\" class=\"text\">{E(row.Position)}");
            if (row.PositionOn is { } on && !string.IsNullOrEmpty(row.Position))
            {
                html.Append(CultureInfo.InvariantCulture, $" <span class=\"small\">({E(Words.Of(on))})</span>");
            }

            html.Append("</td>");
            if (options.ShowChange)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td data-label=\"Since last statement\">{E(row.Changed)}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>Text for a CSS string inside a style element: quotes, backslashes, line breaks and '&lt;' escaped.</summary>
    private static string CssString(string text)
    {
        var css = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '"' or '\\' or '<' or '>' or '&' || char.IsControl(c))
            {
                css.Append(CultureInfo.InvariantCulture, $"\\{(int)c:x} ");
            }
            else
            {
                css.Append(c);
            }
        }

        return css.ToString();
    }
}
