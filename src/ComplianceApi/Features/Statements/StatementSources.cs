using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Features.Responses;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Statements;

/// <summary>A statement's lines composed from the data, with the previous statement they were compared to.</summary>
public sealed record ComposedStatement(IssuedStatement? Previous, string? PreviousReportReference, List<StatementLine> Lines);

/// <summary>Reads what a committee's statement on a date is made of, in a fixed number of queries, and composes it.</summary>
public static class StatementSources
{
    /// <param name="db">The database.</param>
    /// <param name="committee">The committee the statement is for.</param>
    /// <param name="asOf">The statement's date; null for today, read from the responses' own columns.</param>
    /// <param name="on">The statement's date.</param>
    /// <param name="issuing">True when issuing: the previous statement is the latest issued, whatever its date (the domain refuses an earlier date).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<ComposedStatement> ComposeAsync(
        ComplianceDbContext db, Committee committee, DateOnly? asOf, DateOnly on, bool issuing, CancellationToken cancellationToken)
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

        var rows = await new ResponseFilter(ForceCodes: codes).Apply(db, db.ResponsesAsOf(asOf), on)
            .Where(s => !ResponseRules.Unrated.Contains(s.Status))
            .Select(s => new
            {
                Snapshot = s,
                Finding = db.Findings.Where(f => f.Id == s.FindingId)
                    .Select(f => new { f.Text, f.DeadlineText, InspectionTitle = f.Inspection.Title }).First(),
            })
            .ToListAsync(cancellationToken);

        var candidates = rows.Select(r => new StatementCandidate(
            r.Snapshot.Id, r.Snapshot.ForceCode, r.Snapshot.FindingId, r.Snapshot.FindingKind, r.Snapshot.FindingReference, r.Finding.Text,
            r.Finding.DeadlineText, r.Snapshot.InspectionId, r.Snapshot.InspectionReference, r.Finding.InspectionTitle, r.Snapshot.ToState(on)));
        var lines = PositionStatements.Compose(candidates, previousLines, reportedGreen);
        if (lines.Count > PositionStatementView.MostLines)
        {
            throw new DomainRuleException(
                $"The statement would list {lines.Count} findings, more than the {PositionStatementView.MostLines} a statement holds.");
        }

        return new ComposedStatement(previous, previousReference, lines);
    }
}
