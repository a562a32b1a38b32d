using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Statements;

/// <summary>The position statement issued with a committee report, exactly as issued.</summary>
/// <param name="ReportId">The committee report.</param>
/// <param name="Format">json (the default), csv, xlsx or html; the Accept header chooses when this is omitted.</param>
public sealed record GetIssuedStatementQuery(Guid ReportId, StatementFormat? Format) : IRequest<PositionStatementView>;

public sealed class GetIssuedStatementHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<GetIssuedStatementQuery, PositionStatementView>
{
    public async Task<PositionStatementView> Handle(GetIssuedStatementQuery query, CancellationToken cancellationToken)
    {
        var issued = await db.IssuedStatements.AsNoTracking()
            .Where(s => s.ReportId == query.ReportId)
            .Select(s => new
            {
                Statement = s,
                Committee = db.Committees.Single(c => c.Id == s.CommitteeId),
                Report = db.CommitteeReports.Single(r => r.Id == s.ReportId),
                Previous = db.IssuedStatements.Where(p => p.Id == s.PreviousStatementId)
                    .Select(p => new { p.AsOf, Reference = db.CommitteeReports.Where(r => r.Id == p.ReportId).Select(r => r.Reference).Single() })
                    .SingleOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (issued is null)
        {
            throw await db.CommitteeReports.AnyAsync(r => r.Id == query.ReportId, cancellationToken)
                ? new NotFoundException($"No position statement has been issued with committee report '{query.ReportId}'.")
                : NotFoundException.For("committee report", query.ReportId);
        }

        var lines = await db.StatementLines.AsNoTracking().Where(l => l.StatementId == issued.Statement.Id).OrderBy(l => l.Position)
            .Select(mapping.ProjectionOf<StatementLine, StatementLineView>()).ToListAsync(cancellationToken);
        var (statement, committee, report) = (issued.Statement, issued.Committee, issued.Report);
        var context = await StatementContext.ReadAsync(db, committee.ForceCode, lines.Select(l => l.InspectionId), cancellationToken);
        return new PositionStatementView(
            statement.Id, committee.Id, committee.Name, committee.Body, committee.ForceCode, report.Id, report.Reference, report.ReportedOn,
            statement.AsOf, statement.IssuedAt, statement.IssuedBy, statement.PreviousStatementId, issued.Previous?.Reference, issued.Previous?.AsOf,
            StatementChangeCountsView.From(lines), lines, context.ForceName, context.Reports);
    }
}
