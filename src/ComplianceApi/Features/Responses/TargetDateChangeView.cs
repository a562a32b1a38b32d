using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;

namespace ComplianceApi.Features.Responses;

/// <summary>One re-baselining of a response's target date. Kept for good: a later change is a new entry.</summary>
/// <param name="Id">The change's id.</param>
/// <param name="ResponseId">The response whose target moved.</param>
/// <param name="ForceCode">The force whose response it is.</param>
/// <param name="PreviousTargetDate">The target date before the change; null when none had been set.</param>
/// <param name="NewTargetDate">The target date from the change on.</param>
/// <param name="Reason">Why the target moved.</param>
/// <param name="EffectiveOn">The date from which the new target holds.</param>
/// <param name="ChangedBy">The client application (API key) that made the change.</param>
/// <param name="RecordedAt">When the change was recorded in this service.</param>
public sealed record TargetDateChangeView(
    Guid Id,
    Guid ResponseId,
    string ForceCode,
    DateOnly? PreviousTargetDate,
    DateOnly NewTargetDate,
    string Reason,
    DateOnly EffectiveOn,
    string ChangedBy,
    DateTimeOffset RecordedAt)
    : ITaggedView
{
    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since. Absent in lists.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }
}

public sealed class TargetDateChangeViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<TargetDateChange, TargetDateChangeView>();
}
