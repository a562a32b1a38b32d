using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;

namespace ComplianceApi.Features.ActionPlans;

/// <summary>Action plans in the order they were recorded; a force-scoped key sees only its force's.</summary>
/// <param name="ForceCode">Only this force's plans.</param>
/// <param name="InspectionId">Only plans answering this inspection.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListActionPlansQuery(
    string? ForceCode,
    Guid? InspectionId,
    int? Limit,
    string? Cursor) : IRequest<Page<ActionPlanView>>, IPagedQuery;

public sealed class ListActionPlansValidator : AbstractValidator<ListActionPlansQuery>
{
    public ListActionPlansValidator()
    {
        this.ValidatesPaging();
        RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
    }
}

public sealed class ListActionPlansHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListActionPlansQuery, Page<ActionPlanView>>
{
    public Task<Page<ActionPlanView>> Handle(ListActionPlansQuery query, CancellationToken cancellationToken) =>
        db.ActionPlans
            .Where(p => query.ForceCode == null || p.ForceCode == query.ForceCode)
            .Where(p => query.InspectionId == null || p.InspectionId == query.InspectionId)
            .ToPageByIdAsync(query, p => p.Id, mapping.ProjectionOf<ActionPlan, ActionPlanView>(), v => v.Id, cancellationToken);
}
