using ComplianceApi.Domain;

namespace ComplianceApi.Features.PublicProgress;

/// <summary>The public page: the Appendix A's groups and summary, with the force's public statements in place of its internal positions.</summary>
public static class PublicProgressPage
{
    public static string ToHtml(PublicProgressView view)
    {
        var rows = view.Reports.SelectMany(report =>
        {
            var heading = new ProgressReport(report.Reference, report.Title, report.PublishedOn);
            return report.Findings.Select(f => new ProgressRow(heading, view.ForceName, f.Reference, f.Kind, f.Text, f.DeadlineText, null,
                f.Status, f.Rag, f.DerivedRag, f.DueDate, f.RevisedDueDate, f.DaysOverdue, f.PublicStatement, null, null));
        }).ToList();
        var sections = new[]
        {
            new ProgressSection("Open findings", [.. rows.Where(r => !ResponseRules.StopsTheClock(r.Status))]),
            new ProgressSection("Implemented, closed or no longer applicable", [.. rows.Where(r => ResponseRules.StopsTheClock(r.Status))]),
        };
        var title = $"{view.ForceName}: progress on the inspectorate's findings";
        return ProgressPages.Render(
            new ProgressPageOptions(title, [("As of", Words.Of(view.AsOf)), ("Reports", $"{view.Reports.Count} published inspection reports")],
                ShowOwner: false, ShowChange: false, "What the force says", SummaryOnly: false,
                "The findings of published HMIC and HMICFRS inspection reports that concern the force, with the force's own status and RAG "
                + "(red, amber, green) rating and what it has chosen to publish about each."),
            sections);
    }
}
