using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;

namespace ComplianceApi.Features.ActionPlans;

/// <summary>A force's action plan to record, or its corrected details.</summary>
/// <param name="ForceCode">The force whose plan it is; cannot change once created.</param>
/// <param name="Title">The plan's title, such as "Crime data integrity action plan".</param>
/// <param name="InspectionId">The inspection the plan answers as a whole, if it answers one.</param>
/// <param name="OwnerName">Who owns the plan, such as the chief officer lead.</param>
/// <param name="Description">What the plan sets out to do, and how it is governed.</param>
public sealed record ActionPlanRequest(
    string ForceCode,
    string Title,
    Guid? InspectionId,
    string? OwnerName,
    string? Description)
{
    public ActionPlanDetails ToDetails() => new(Title, InspectionId, OwnerName, Description);
}

public sealed class ActionPlanRequestValidator : AbstractValidator<ActionPlanRequest>
{
    public ActionPlanRequestValidator()
    {
        RuleFor(r => r.ForceCode).NotEmpty().MaximumLength(Lengths.Code);
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Lengths.Title);
        RuleFor(r => r.InspectionId).NotEqual(Guid.Empty);
        RuleFor(r => r.OwnerName).MaximumLength(Lengths.Name);
        RuleFor(r => r.Description).MaximumLength(Lengths.LongText);
    }
}
