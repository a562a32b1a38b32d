using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.ActionPlans;

public sealed record GetActionPlanQuery(Guid Id) : IRequest<ActionPlanView>;

public sealed class GetActionPlanHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<GetActionPlanQuery, ActionPlanView>
{
    public async Task<ActionPlanView> Handle(GetActionPlanQuery query, CancellationToken cancellationToken) =>
        await db.ActionPlans.AsNoTracking().Where(p => p.Id == query.Id).Select(mapping.ProjectionOf<ActionPlan, ActionPlanView>()).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("action plan", query.Id);
}
