using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.ActionPlans;

public sealed record GetActionQuery(Guid Id) : IRequest<PlanActionView>;

public sealed class GetActionHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<GetActionQuery, PlanActionView>
{
    public async Task<PlanActionView> Handle(GetActionQuery query, CancellationToken cancellationToken) =>
        await db.PlanActions.AsNoTracking().Where(a => a.Id == query.Id).Select(mapping.ProjectionOf<PlanAction, PlanActionView>()).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("action", query.Id);
}
