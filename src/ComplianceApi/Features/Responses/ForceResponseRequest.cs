using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;

namespace ComplianceApi.Features.Responses;

/// <summary>A force's response to a finding: who owns it, who watches it, and when it is next reviewed.</summary>
/// <param name="ForceCode">The force whose response it is, such as "city-of-london"; cannot change once created.</param>
/// <param name="OwnerName">The named officer or member of staff who owns it.</param>
/// <param name="OwnerRole">The owner's role, such as "Head of Information Management".</param>
/// <param name="GovernanceBoard">The board that watches progress, such as "Information Management Board".</param>
/// <param name="Constraints">What stops or limits compliance, such as "records on NSPIS systems cannot be deleted due to system constraints".</param>
/// <param name="TargetDate">When the force expects to have implemented it. Set once; after that a revision sends it unchanged, and the force moves it by re-baselining (POST /responses/{id}/target-date-changes).</param>
/// <param name="NextReviewOn">When its governance board next reviews it.</param>
/// <param name="EffectiveOn">The date from which these details hold: not in the future, nor before the previous revision's. When omitted, a revision holds from today, and the details a response is created with hold from the start of its history.</param>
public sealed record ForceResponseRequest(
    string ForceCode,
    string? OwnerName,
    string? OwnerRole,
    string? GovernanceBoard,
    string? Constraints,
    DateOnly? TargetDate,
    DateOnly? NextReviewOn,
    DateOnly? EffectiveOn = null)
{
    public ResponseDetails ToDetails() => new(OwnerName, OwnerRole, GovernanceBoard, Constraints, TargetDate, NextReviewOn);
}

public sealed class ForceResponseRequestValidator : AbstractValidator<ForceResponseRequest>
{
    public ForceResponseRequestValidator()
    {
        RuleFor(r => r.ForceCode).NotEmpty().MaximumLength(Lengths.Code);
        RuleFor(r => r.OwnerName).MaximumLength(Lengths.Name);
        RuleFor(r => r.OwnerRole).MaximumLength(Lengths.Name);
        RuleFor(r => r.GovernanceBoard).MaximumLength(Lengths.Name);
        RuleFor(r => r.Constraints).MaximumLength(Lengths.LongText);
    }
}
