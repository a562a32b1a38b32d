using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Features.Responses;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Statements;

/// <summary>When to read the responses for an issued statement.</summary>
/// <param name="AsOf">The date every response is read as of; the report's meeting date when omitted. Not in the future, nor before the last statement issued to the committee.</param>
public sealed record IssueStatementRequest(DateOnly? AsOf);

// Not an ICostlyRequest, though it composes a statement: it runs inside the write's transaction, which on SQLite
// holds the database's one write lock, and waiting there for a slot behind previews would stall every writer.
public sealed record IssuePositionStatementCommand(Guid ReportId, IssueStatementRequest Body) : ICommand<PositionStatementView>;

public sealed class IssuePositionStatementHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping, ServiceMetrics metrics)
    : IRequestHandler<IssuePositionStatementCommand, PositionStatementView>
{
    public async Task<PositionStatementView> Handle(IssuePositionStatementCommand command, CancellationToken cancellationToken)
    {
        var report = await db.CommitteeReports.SingleOrDefaultAsync(r => r.Id == command.ReportId, cancellationToken)
            ?? throw NotFoundException.For("committee report", command.ReportId);
        caller.EnsureMayWriteFor(report.ForceCode);
        var committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == report.CommitteeId, cancellationToken);
        var today = clock.Today();
        var on = command.Body.AsOf ?? report.ReportedOn;
        if (on > today)
        {
            throw Invalid.Field("asOf", $"A statement reads responses as they stood; {on:yyyy-MM-dd} is in the future. Give a date up to {today:yyyy-MM-dd}.");
        }

        var composed = await StatementSources.ComposeAsync(db, committee, on, issuing: true, cancellationToken);
        var now = clock.GetUtcNow();
        var statement = report.Issue(Guid.CreateVersion7(now), on, composed.Previous, composed.Lines, caller.Name, now);
        db.IssuedStatements.Add(statement);
        await db.SaveChangesAsync(cancellationToken);
        metrics.StatementIssued();

        var lines = statement.Lines.Select(l => l.Adapt<StatementLineView>(mapping)).ToList();
        var context = await StatementContext.ReadAsync(db, committee.ForceCode, lines.Select(l => l.InspectionId), cancellationToken);
        return new PositionStatementView(
            statement.Id, committee.Id, committee.Name, committee.Body, committee.ForceCode, report.Id, report.Reference, report.ReportedOn,
            on, statement.IssuedAt, statement.IssuedBy, statement.PreviousStatementId, composed.PreviousReportReference, composed.Previous?.AsOf,
            StatementChangeCountsView.From(lines), lines, context.ForceName, context.Reports);
    }
}
