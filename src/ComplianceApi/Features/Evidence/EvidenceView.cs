using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;

namespace ComplianceApi.Features.Evidence;

/// <summary>Evidence backing a force's response or one of its actions.</summary>
/// <param name="Id">The evidence's id.</param>
/// <param name="ForceCode">The force whose response or action it backs.</param>
/// <param name="ResponseId">The response it backs, if it backs a response.</param>
/// <param name="ActionId">The action it backs, if it backs an action.</param>
/// <param name="Title">What it is.</param>
/// <param name="Kind">Document, minutes, audit report, policy or link.</param>
/// <param name="Reference">Where it is kept.</param>
/// <param name="Url">Where it can be read.</param>
/// <param name="Date">Its date.</param>
/// <param name="Description">What it shows.</param>
/// <param name="RecordedAt">When it was recorded in this service.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="ReviewState">Submitted until a reviewer accepts or rejects it; only accepted evidence counts towards a rule-based green. A new file sends it back to submitted.</param>
/// <param name="ReviewedBy">The reviewer, as authenticated (an API key's name, or a token's application).</param>
/// <param name="ReviewedAt">When it was reviewed.</param>
/// <param name="ReviewReason">The reviewer's reason.</param>
/// <param name="ExpiresOn">The day it stops counting towards a rule-based green.</param>
public sealed record EvidenceView(
    Guid Id,
    string ForceCode,
    Guid? ResponseId,
    Guid? ActionId,
    string Title,
    EvidenceKind Kind,
    string? Reference,
    string? Url,
    DateOnly? Date,
    string? Description,
    DateTimeOffset RecordedAt,
    DateTimeOffset UpdatedAt,
    EvidenceReviewState ReviewState,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? ReviewReason,
    DateOnly? ExpiresOn)
    : ITaggedView
{
    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since. Absent in lists.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }
}

public sealed class EvidenceViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Domain.Evidence, EvidenceView>();
}
