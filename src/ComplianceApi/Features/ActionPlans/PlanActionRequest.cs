using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;

namespace ComplianceApi.Features.ActionPlans;

/// <summary>An action to add to a plan, or its new details.</summary>
/// <param name="Title">What is to be done, such as "Recruit a Force Records Manager".</param>
/// <param name="OwnerName">Who is responsible for it.</param>
/// <param name="OwnerRole">The owner's role, such as "Head of Information Management".</param>
/// <param name="DueOn">When it is due.</param>
/// <param name="Status">Not started, in progress, completed or cancelled.</param>
/// <param name="CompletedOn">When it was completed: given for a completed action, and only then; not in the future.</param>
/// <param name="FindingIds">The findings the action serves, at least one; each must concern the plan's force.</param>
public sealed record PlanActionRequest(
    string Title,
    string? OwnerName,
    string? OwnerRole,
    DateOnly? DueOn,
    ActionStatus Status,
    DateOnly? CompletedOn,
    IReadOnlyList<Guid>? FindingIds)
{
    public PlanActionDetails ToDetails() => new(Title, OwnerName, OwnerRole, DueOn, Status, CompletedOn);
}

public sealed class PlanActionRequestValidator : AbstractValidator<PlanActionRequest>
{
    public PlanActionRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Lengths.Title);
        RuleFor(r => r.OwnerName).MaximumLength(Lengths.Name);
        RuleFor(r => r.OwnerRole).MaximumLength(Lengths.Name);
        RuleFor(r => r.Status).IsInEnum();
        RuleFor(r => r.FindingIds).NotEmpty().WithMessage("An action serves at least one finding.")
            .MaximumCount(100).WithMessage("At most 100 findings.");
        RuleForEach(r => r.FindingIds).NotEmpty();
    }
}
