using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;

namespace ComplianceApi.Features.InspectorateAssessments;

/// <summary>A dated entry of the inspectorate's assessment of a response. Entries are never edited or deleted; a correction is a new entry.</summary>
/// <param name="Id">The entry's id.</param>
/// <param name="ResponseId">The response it assesses.</param>
/// <param name="ForceCode">The force whose response it is.</param>
/// <param name="AssessedOn">The date the inspectorate's entry bears: its status stands from then until a later entry.</param>
/// <param name="Status">The inspectorate's status: AwaitingReview, BeingProgressed, Complete or NoFurtherAction.</param>
/// <param name="Comment">The inspectorate's comment, such as "authorised for closure on the basis of the re-inspection".</param>
/// <param name="Source">Where it was read: the register page's name or address.</param>
/// <param name="SourceShownOn">The day the source was seen showing it.</param>
/// <param name="RecordedBy">The client that recorded the entry (its API key's client name).</param>
/// <param name="RecordedAt">When the entry was recorded in this service.</param>
public sealed record InspectorateAssessmentView(
    Guid Id,
    Guid ResponseId,
    string ForceCode,
    DateOnly AssessedOn,
    InspectorateStatus Status,
    string Comment,
    string Source,
    DateOnly? SourceShownOn,
    string RecordedBy,
    DateTimeOffset RecordedAt)
    : ITaggedView
{
    /// <summary>The entry's strong entity tag, as in the ETag header.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }
}

public sealed class InspectorateAssessmentViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<InspectorateAssessment, InspectorateAssessmentView>();
}
