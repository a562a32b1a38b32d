using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;

namespace ComplianceApi.Features.ActionPlans;

/// <summary>Actions across plans, in the order they were added; a force-scoped key sees only its force's.</summary>
/// <param name="ForceCode">Only this force's actions.</param>
/// <param name="PlanId">Only actions in this plan.</param>
/// <param name="Status">Only actions with this status.</param>
/// <param name="FindingId">Only actions serving this finding.</param>
/// <param name="DueBefore">Only actions due before this date.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListActionsQuery(
    string? ForceCode,
    Guid? PlanId,
    ActionStatus? Status,
    Guid? FindingId,
    DateOnly? DueBefore,
    int? Limit,
    string? Cursor) : IRequest<Page<PlanActionView>>, IPagedQuery;

public sealed class ListActionsValidator : AbstractValidator<ListActionsQuery>
{
    public ListActionsValidator()
    {
        this.ValidatesPaging();
        RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
    }
}

public sealed class ListActionsHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListActionsQuery, Page<PlanActionView>>
{
    public Task<Page<PlanActionView>> Handle(ListActionsQuery query, CancellationToken cancellationToken) =>
        db.PlanActions
            .Where(a => query.ForceCode == null || a.ForceCode == query.ForceCode)
            .Where(a => query.PlanId == null || a.PlanId == query.PlanId)
            .Where(a => query.Status == null || a.Status == query.Status)
            .Where(a => query.FindingId == null || a.Findings.Any(f => f.FindingId == query.FindingId))
            .Where(a => query.DueBefore == null || a.DueOn < query.DueBefore)
            .ToPageByIdAsync(query, a => a.Id, mapping.ProjectionOf<PlanAction, PlanActionView>(), v => v.Id, cancellationToken);
}
