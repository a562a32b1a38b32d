using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Features.Responses;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Statements;

/// <summary>The position statement a committee would get on a date, compared with the last one issued to it; nothing is stored.</summary>
/// <param name="CommitteeId">The committee.</param>
/// <param name="AsOf">The date to read every response as of; today when omitted. The last statement issued on or before it is the previous one.</param>
/// <param name="Format">json (the default), csv, xlsx or html; the Accept header chooses when this is omitted.</param>
public sealed record PreviewPositionStatementQuery(Guid CommitteeId, DateOnly? AsOf, StatementFormat? Format) : IRequest<PositionStatementView>, ICostlyRequest;

public sealed class PreviewPositionStatementHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<PreviewPositionStatementQuery, PositionStatementView>
{
    public async Task<PositionStatementView> Handle(PreviewPositionStatementQuery query, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.CommitteeId, cancellationToken)
            ?? throw NotFoundException.For("committee", query.CommitteeId);
        var on = query.AsOf ?? clock.Today();
        var composed = await StatementSources.ComposeAsync(db, committee, on, issuing: false, cancellationToken);
        var lines = composed.Lines.Select(l => l.Adapt<StatementLineView>(mapping)).ToList();
        var context = await StatementContext.ReadAsync(db, committee.ForceCode, lines.Select(l => l.InspectionId), cancellationToken);
        return new PositionStatementView(
            null, committee.Id, committee.Name, committee.Body, committee.ForceCode, null, null, null, on, null, null,
            composed.Previous?.Id, composed.PreviousReportReference, composed.Previous?.AsOf, StatementChangeCountsView.From(lines), lines, context.ForceName, context.Reports);
    }
}
