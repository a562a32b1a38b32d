using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;

namespace ComplianceApi.Features.ActionPlans;

/// <summary>A force's plan of actions, which may answer a whole inspection report.</summary>
/// <param name="Id">The plan's id.</param>
/// <param name="ForceCode">The force whose plan it is.</param>
/// <param name="Title">The plan's title.</param>
/// <param name="InspectionId">The inspection the plan answers as a whole, if it answers one.</param>
/// <param name="OwnerName">Who owns the plan.</param>
/// <param name="Description">What the plan sets out to do.</param>
/// <param name="CreatedAt">When the plan was recorded.</param>
/// <param name="UpdatedAt">When the plan's details last changed.</param>
public sealed record ActionPlanView(
    Guid Id,
    string ForceCode,
    string Title,
    Guid? InspectionId,
    string? OwnerName,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
    : ITaggedView
{
    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since. Absent in lists.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }
}

public sealed class ActionPlanViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<ActionPlan, ActionPlanView>();
}
