using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Statements;

/// <summary>A statement's lines composed from the data, with the previous statement they were compared to.</summary>
public sealed record ComposedStatement(IssuedStatement? Previous, string? PreviousReportReference, List<StatementLine> Lines);

/// <summary>What a printed statement names besides its lines: the force, and the reports the lines come from.</summary>
public sealed record StatementContext(string ForceName, IReadOnlyList<StatementReportView> Reports)
{
    /// <summary>Reads them in two queries: the reports by publication date, oldest first, then by reference.</summary>
    public static async Task<StatementContext> ReadAsync(ComplianceDbContext db, string forceCode, IEnumerable<Guid> inspectionIds, CancellationToken cancellationToken)
    {
        var ids = inspectionIds.Distinct().ToList();
        var name = await db.Forces.Where(f => f.Code == forceCode).Select(f => f.Name).SingleAsync(cancellationToken);
        var reports = await db.Inspections.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new StatementReportView(i.Id, i.Reference, i.Title, i.PublishedOn)).ToListAsync(cancellationToken);
        return new StatementContext(name, [.. reports.OrderBy(r => r.PublishedOn ?? DateOnly.MaxValue).ThenBy(r => r.Reference, StringComparer.Ordinal)]);
    }
}

/// <summary>Reads what a committee's statement on a date is made of, in a fixed number of queries, and composes it.</summary>
public static class StatementSources
{
    /// <param name="db">The database.</param>
    /// <param name="committee">The committee the statement is for.</param>
    /// <param name="on">The statement's date.</param>
    /// <param name="issuing">True when issuing: the previous statement is the latest issued, whatever its date (the domain refuses an earlier date).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<ComposedStatement> ComposeAsync(
        ComplianceDbContext db, Committee committee, DateOnly on, bool issuing, CancellationToken cancellationToken)
    {
        var force = await db.Forces.AsNoTracking().SingleAsync(f => f.Code == committee.ForceCode, cancellationToken);
        List<string> codes = [force.Code, .. force.Members.Select(m => m.MemberCode)];

        var issued = db.IssuedStatements.AsNoTracking().Where(s => s.CommitteeId == committee.Id && (issuing || s.AsOf <= on));
        var previous = await issued.OrderByDescending(s => s.AsOf).ThenByDescending(s => s.IssuedAt).FirstOrDefaultAsync(cancellationToken);
        List<StatementLine>? previousLines = null;
        string? previousReference = null;
        if (previous is not null)
        {
            previousLines = await db.StatementLines.AsNoTracking().Where(l => l.StatementId == previous.Id).ToListAsync(cancellationToken);
            previousReference = await db.CommitteeReports.Where(r => r.Id == previous.ReportId).Select(r => r.Reference).SingleAsync(cancellationToken);
        }

        var reportedGreen = (await db.StatementLines
            .Where(l => issued.Any(s => s.Id == l.StatementId) && l.Section == StatementSection.Implemented && l.Rag == Rag.Green)
            .Select(l => l.ResponseId).Distinct().ToListAsync(cancellationToken)).ToHashSet();

        // Folded in memory (Data/Responses/ResponseHistories.cs): the SQL fold of ResponseSnapshots seeks each
        // response's history once per column, which a force's ~2,300 responses made the slowest view.
        var responses = await db.StatesOnAsync(db.ForceResponses.Where(r => codes.Contains(r.ForceCode)), r => new StatementFinding(
                r.ForceCode, r.FindingId, r.Finding.Kind, r.Finding.Reference, r.Finding.Text, r.Finding.DeadlineText,
                r.Finding.InspectionId, r.Finding.Inspection.Reference, r.Finding.Inspection.Title),
            on, cancellationToken);

        // The inspectorate's entries dated by then, one query for the force: its latest on the date stands beside the force's status.
        var assessments = (await db.InspectorateAssessments.AsNoTracking()
                .Where(a => codes.Contains(a.ForceCode) && a.AssessedOn <= on)
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.ResponseId)
            .ToDictionary(g => g.Key, g => InspectorateRules.LatestOn(g, on));

        var candidates = responses.Where(r => !ResponseRules.Unrated.Contains(r.State.Status)).Select(r =>
        {
            var inspectorate = assessments.GetValueOrDefault(r.Id);
            return new StatementCandidate(
                r.Id, r.Details.ForceCode, r.Details.FindingId, r.Details.FindingKind, r.Details.FindingReference, r.Details.FindingText,
                r.Details.DeadlineText, r.Details.InspectionId, r.Details.InspectionReference, r.Details.InspectionTitle, r.State,
                inspectorate?.Status, inspectorate?.AssessedOn);
        });
        var lines = PositionStatements.Compose(candidates, previousLines, reportedGreen);
        if (lines.Count > PositionStatementView.MostLines)
        {
            throw new DomainRuleException(
                $"The statement would list {lines.Count} findings, more than the {PositionStatementView.MostLines} a statement holds.");
        }

        return new ComposedStatement(previous, previousReference, lines);
    }
}

/// <summary>What a statement line says about the finding a response answers.</summary>
internal sealed record StatementFinding(
    string ForceCode,
    Guid FindingId,
    FindingKind FindingKind,
    string FindingReference,
    string FindingText,
    string? DeadlineText,
    Guid InspectionId,
    string InspectionReference,
    string InspectionTitle);
