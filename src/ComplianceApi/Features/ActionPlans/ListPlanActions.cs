using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.ActionPlans;

/// <summary>One plan's actions, in the order they were added.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListPlanActionsQuery(Guid PlanId, int? Limit, string? Cursor) : IRequest<Page<PlanActionView>>, IPagedQuery;

public sealed class ListPlanActionsValidator : AbstractValidator<ListPlanActionsQuery>
{
    public ListPlanActionsValidator() => this.ValidatesPaging();
}

public sealed class ListPlanActionsHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListPlanActionsQuery, Page<PlanActionView>>
{
    public async Task<Page<PlanActionView>> Handle(ListPlanActionsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.ActionPlans.AnyAsync(p => p.Id == query.PlanId, cancellationToken))
        {
            throw NotFoundException.For("action plan", query.PlanId);
        }

        return await db.PlanActions
            .Where(a => a.PlanId == query.PlanId)
            .ToPageByIdAsync(query, a => a.Id, mapping.ProjectionOf<PlanAction, PlanActionView>(), v => v.Id, cancellationToken);
    }
}
