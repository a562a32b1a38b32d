using System.ComponentModel.DataAnnotations;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;

namespace ComplianceApi.Data.Responses;

/// <summary>
/// One force's response to one finding, as it stands today or as it stood on the list's <c>asOf</c> date,
/// with the flags the rules derive on that date.
/// </summary>
/// <param name="Id">The response's id.</param>
/// <param name="FindingId">The finding it answers.</param>
/// <param name="FindingReference">The finding's reference as printed in the report, such as "Recommendation 8".</param>
/// <param name="InspectionId">The inspection whose report carries the finding.</param>
/// <param name="ForceCode">The force whose response it is.</param>
/// <param name="OwnerName">The named officer or member of staff who owns it.</param>
/// <param name="OwnerRole">The owner's role.</param>
/// <param name="Status">The status given by the latest progress update; NotAssessed before the first.</param>
/// <param name="Rag">The RAG rating the force recorded with the latest progress update.</param>
/// <param name="PositionStatement">The narrative of the latest progress update.</param>
/// <param name="StatusEffectiveOn">The date the latest progress update took effect.</param>
/// <param name="ClosedBy">Who signed the response off, while it is closed.</param>
/// <param name="ClosedOn">When it was closed, while it is closed.</param>
/// <param name="SupersededByFindingId">The finding that supersedes this one, while superseded.</param>
/// <param name="GovernanceBoard">The board that watches progress.</param>
/// <param name="Constraints">What stops or limits compliance.</param>
/// <param name="TargetDate">The force's target date: as first set, or as last re-baselined.</param>
/// <param name="NextReviewOn">When its governance board next reviews it.</param>
/// <param name="CreatedAt">When the response was recorded.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Version">Bumped on every change.</param>
/// <param name="RevisedTargetDate">The target date set by the latest re-baselining; null when the force has not re-baselined.</param>
/// <param name="DueDate">The date the response is judged against: the re-baselined target date when there is one, else the finding's due date.</param>
/// <param name="AsOf">The date this state and the flags below are for: the list's asOf, or today.</param>
/// <param name="IsOverdue">The due date had passed on asOf and the response was not implemented, closed, not applicable or superseded.</param>
/// <param name="DaysOverdue">Days past the due date on asOf while overdue; 0 otherwise.</param>
/// <param name="DaysUntilDue">Days left until the due date on asOf, while open and not overdue; null otherwise.</param>
/// <param name="DerivedRag">The RAG rating the rules give: red when overdue; green when implemented with evidence; amber when in progress, re-baselined, or implemented without evidence; none otherwise.</param>
/// <param name="RagDisagrees">True when the rules give a rating and the force recorded a different one.</param>
/// <param name="InspectorateStatus">The inspectorate's status from its latest assessment dated on or before asOf; null when none is recorded.</param>
/// <param name="InspectorateAssessedOn">The date that assessment bears.</param>
/// <param name="InspectorateComment">That assessment's comment.</param>
/// <param name="DisagreesWithInspectorate">True when the force's status is Implemented, PendingSignOff or Closed but the inspectorate's latest assessment is neither Complete nor NoFurtherAction. False when no assessment is recorded.</param>
/// <param name="Tags">The force's own tags (its themes, such as "MoPI" or "vetting"), in the order given; as they are now, whatever asOf says.</param>
/// <param name="SignOffRequestedBy">While the response awaits sign-off (PendingSignOff): the authenticated name of the client that requested closure; another identity with an admin role for the force signs it off.</param>
// Built from ResponseSnapshot rather than straight from the entities, so the three members whose
// lengths the contract cannot trace to a column or to ForceResponseRequest carry them here.
public sealed record ForceResponseView(
    Guid Id,
    Guid FindingId,
    [property: MaxLength(Lengths.Reference)] string FindingReference,
    Guid InspectionId,
    string ForceCode,
    string? OwnerName,
    string? OwnerRole,
    ResponseStatus Status,
    Rag? Rag,
    [property: MaxLength(Lengths.LongText)] string? PositionStatement,
    DateOnly? StatusEffectiveOn,
    [property: MaxLength(Lengths.Name)] string? ClosedBy,
    DateOnly? ClosedOn,
    Guid? SupersededByFindingId,
    string? GovernanceBoard,
    string? Constraints,
    DateOnly? TargetDate,
    DateOnly? NextReviewOn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    DateOnly? RevisedTargetDate,
    DateOnly? DueDate,
    DateOnly AsOf,
    bool IsOverdue,
    int DaysOverdue,
    int? DaysUntilDue,
    Rag? DerivedRag,
    bool RagDisagrees,
    [property: MaxLength(Lengths.Name)] string? SignOffRequestedBy,
    InspectorateStatus? InspectorateStatus,
    DateOnly? InspectorateAssessedOn,
    [property: MaxLength(Lengths.LongText)] string? InspectorateComment,
    bool DisagreesWithInspectorate,
    [property: MaxLength(Domain.Tags.MaxCount), ItemMaxLength(Domain.Tags.MaxLength)] IReadOnlyList<string> Tags)
    : ITaggedView
{
    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since. Absent in lists.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }
}

/// <summary>A response's row with its state on a date, which the domain's rules derive the flags from.</summary>
public sealed record ResponseOnDate(ResponseSnapshot Row, ResponseState State)
{
    public static ResponseOnDate Of(ResponseSnapshot row, DateOnly on) => new(row, row.ToState(on));
}

public sealed class ForceResponseViewMapping : IRegister
{
    // The state on the date gives the status, owner and dates in effect and the flags its rules derive
    // (due date, overdue, derived RAG); the row gives what no history changes.
    public void Register(TypeAdapterConfig config) => config.NewConfig<ResponseOnDate, ForceResponseView>()
        .Map(v => v, s => s.State)
        .Map(v => v.AsOf, s => s.State.On)
        .Map(v => v.Id, s => s.Row.Id)
        .Map(v => v.FindingId, s => s.Row.FindingId)
        .Map(v => v.FindingReference, s => s.Row.FindingReference)
        .Map(v => v.InspectionId, s => s.Row.InspectionId)
        .Map(v => v.ForceCode, s => s.Row.ForceCode)
        .Map(v => v.ClosedBy, s => s.State.Status == ResponseStatus.Closed ? s.Row.SignedOffBy : null)
        .Map(v => v.ClosedOn, s => s.State.Status == ResponseStatus.Closed ? s.State.StatusEffectiveOn : null)
        .Map(v => v.SignOffRequestedBy, s => s.State.Status == ResponseStatus.PendingSignOff ? s.Row.SignOffRequestedBy : null)
        .Map(v => v.SupersededByFindingId, s => s.State.Status == ResponseStatus.Superseded ? s.Row.SupersededByFindingId : null)
        .Map(v => v.GovernanceBoard, s => s.Row.GovernanceBoard)
        .Map(v => v.Constraints, s => s.Row.Constraints)
        .Map(v => v.NextReviewOn, s => s.Row.NextReviewOn)
        .Map(v => v.CreatedAt, s => s.Row.CreatedAt)
        .Map(v => v.UpdatedAt, s => s.Row.UpdatedAt)
        .Map(v => v.Version, s => s.Row.Version)
        .Map(v => v.InspectorateStatus, s => s.Row.InspectorateStatus)
        .Map(v => v.InspectorateAssessedOn, s => s.Row.InspectorateAssessedOn)
        .Map(v => v.InspectorateComment, s => s.Row.InspectorateComment)
        .Map(v => v.DisagreesWithInspectorate, s => InspectorateRules.Disagrees(s.State.Status, s.Row.InspectorateStatus))
        .Map(v => v.Tags, s => Domain.Tags.Split(s.Row.TagText));
}
