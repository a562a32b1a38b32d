using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;

namespace ComplianceApi.Features.ActionPlans;

/// <summary>An action in a force's plan; one action can serve several findings.</summary>
/// <param name="Id">The action's id.</param>
/// <param name="PlanId">The plan it belongs to.</param>
/// <param name="ForceCode">The force whose plan it is.</param>
/// <param name="Title">What is to be done.</param>
/// <param name="OwnerName">Who is responsible for it.</param>
/// <param name="OwnerRole">The owner's role.</param>
/// <param name="DueOn">When it is due.</param>
/// <param name="Status">Not started, in progress, completed or cancelled.</param>
/// <param name="CompletedOn">When it was completed, for a completed action.</param>
/// <param name="FindingIds">The findings it serves.</param>
/// <param name="CreatedAt">When the action was recorded.</param>
/// <param name="UpdatedAt">When the action last changed.</param>
public sealed record PlanActionView(
    Guid Id,
    Guid PlanId,
    string ForceCode,
    string Title,
    string? OwnerName,
    string? OwnerRole,
    DateOnly? DueOn,
    ActionStatus Status,
    DateOnly? CompletedOn,
    IReadOnlyList<Guid> FindingIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
    : ITaggedView
{
    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since. Absent in lists.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }
}

public sealed class PlanActionViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<PlanAction, PlanActionView>()
        .Map(v => v.FindingIds, a => a.Findings.Select(f => f.FindingId).OrderBy(id => id).ToList());
}
