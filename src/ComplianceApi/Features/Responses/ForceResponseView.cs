using System.Linq.Expressions;
using ComplianceApi.Domain;

namespace ComplianceApi.Features.Responses;

/// <summary>One force's response to one finding, with the state its latest progress update left it in.</summary>
/// <param name="Id">The response's id.</param>
/// <param name="FindingId">The finding it answers.</param>
/// <param name="FindingReference">The finding's reference as printed in the report, such as "Recommendation 8".</param>
/// <param name="InspectionId">The inspection whose report carries the finding.</param>
/// <param name="ForceCode">The force whose response it is.</param>
/// <param name="OwnerName">The named officer or member of staff who owns it.</param>
/// <param name="OwnerRole">The owner's role.</param>
/// <param name="Status">The status given by the latest progress update; NotAssessed before the first.</param>
/// <param name="Rag">The RAG rating given by the latest progress update.</param>
/// <param name="PositionStatement">The narrative of the latest progress update.</param>
/// <param name="StatusEffectiveOn">The date the latest progress update took effect.</param>
/// <param name="ClosedBy">Who signed the response off, while it is closed.</param>
/// <param name="ClosedOn">When it was closed, while it is closed.</param>
/// <param name="SupersededByFindingId">The finding that supersedes this one, while superseded.</param>
/// <param name="GovernanceBoard">The board that watches progress.</param>
/// <param name="Constraints">What stops or limits compliance.</param>
/// <param name="TargetDate">When the force expects to have implemented it.</param>
/// <param name="NextReviewOn">When its governance board next reviews it.</param>
/// <param name="CreatedAt">When the response was recorded.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Version">Bumped on every change.</param>
public sealed record ForceResponseView(
    Guid Id,
    Guid FindingId,
    string FindingReference,
    Guid InspectionId,
    string ForceCode,
    string? OwnerName,
    string? OwnerRole,
    ResponseStatus Status,
    Rag? Rag,
    string? PositionStatement,
    DateOnly? StatusEffectiveOn,
    string? ClosedBy,
    DateOnly? ClosedOn,
    Guid? SupersededByFindingId,
    string? GovernanceBoard,
    string? Constraints,
    DateOnly? TargetDate,
    DateOnly? NextReviewOn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static readonly Expression<Func<ForceResponse, ForceResponseView>> Projection = r => new ForceResponseView(
        r.Id, r.FindingId, r.Finding.Reference, r.Finding.InspectionId, r.ForceCode, r.OwnerName, r.OwnerRole,
        r.Status, r.Rag, r.PositionStatement, r.StatusEffectiveOn, r.ClosedBy, r.ClosedOn, r.SupersededByFindingId,
        r.GovernanceBoard, r.Constraints, r.TargetDate, r.NextReviewOn, r.CreatedAt, r.UpdatedAt, r.Version);

    private static readonly Func<ForceResponse, ForceResponseView> Compiled = Projection.Compile();

    /// <summary>The view of a response whose finding is loaded.</summary>
    public static ForceResponseView From(ForceResponse response) => Compiled(response);
}
