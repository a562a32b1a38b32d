using System.ComponentModel.DataAnnotations;
using ComplianceApi.Domain;
using ComplianceApi.Support;

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
    bool RagDisagrees)
{
    public static ForceResponseView From(ResponseSnapshot row, DateOnly on)
    {
        var state = row.ToState(on);
        var closed = state.Status == ResponseStatus.Closed;
        return new ForceResponseView(
            row.Id, row.FindingId, row.FindingReference, row.InspectionId, row.ForceCode, state.OwnerName, state.OwnerRole,
            state.Status, state.Rag, state.PositionStatement, state.StatusEffectiveOn,
            closed ? row.SignedOffBy : null, closed ? state.StatusEffectiveOn : null,
            state.Status == ResponseStatus.Superseded ? row.SupersededByFindingId : null,
            row.GovernanceBoard, row.Constraints, state.TargetDate, row.NextReviewOn, row.CreatedAt, row.UpdatedAt, row.Version,
            state.RevisedTargetDate, state.DueDate, on, state.IsOverdue, state.DaysOverdue, state.DaysUntilDue, state.DerivedRag,
            state.RagDisagrees);
    }
}
