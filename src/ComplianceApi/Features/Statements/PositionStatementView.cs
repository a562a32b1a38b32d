using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;

namespace ComplianceApi.Features.Statements;

/// <summary>
/// A force's position statement for a committee on a date: every open finding, the implemented ones not
/// yet reported green to the committee, and, against the previous statement issued to it, what changed.
/// </summary>
/// <param name="Id">The issued statement's id; null for a preview.</param>
/// <param name="CommitteeId">The committee it is for.</param>
/// <param name="CommitteeName">The committee's name.</param>
/// <param name="CommitteeBody">The kind of body.</param>
/// <param name="ForceCode">The force reporting; a collaboration's statement covers its members' responses.</param>
/// <param name="ReportId">The report it was issued with; null for a preview.</param>
/// <param name="ReportReference">That report's reference, such as "Pol 49/15".</param>
/// <param name="ReportedOn">The date of that report's meeting.</param>
/// <param name="AsOf">The date every response is read as of.</param>
/// <param name="IssuedAt">When it was issued; null for a preview.</param>
/// <param name="IssuedBy">The client application that issued it.</param>
/// <param name="PreviousStatementId">The statement issued before to the committee, which the changes are against; null when none was.</param>
/// <param name="PreviousReportReference">That statement's report reference.</param>
/// <param name="PreviousAsOf">That statement's date.</param>
/// <param name="Changes">How many lines moved in each way since the previous statement.</param>
/// <param name="Lines">The lines: open findings, then implemented ones, then those no longer reported; at most 50,000.</param>
/// <param name="ForceName">The reporting force's name, as people write it.</param>
/// <param name="Reports">The inspection reports the lines come from, with their publication dates, in the order the printed statement groups them.</param>
public sealed record PositionStatementView(
    Guid? Id,
    Guid CommitteeId,
    [property: MaxLength(Lengths.Name)] string CommitteeName,
    CommitteeBody CommitteeBody,
    [property: MaxLength(Lengths.Code)] string ForceCode,
    Guid? ReportId,
    [property: MaxLength(Lengths.Reference)] string? ReportReference,
    DateOnly? ReportedOn,
    DateOnly AsOf,
    DateTimeOffset? IssuedAt,
    [property: MaxLength(Lengths.Name)] string? IssuedBy,
    Guid? PreviousStatementId,
    [property: MaxLength(Lengths.Reference)] string? PreviousReportReference,
    DateOnly? PreviousAsOf,
    StatementChangeCountsView Changes,
    [property: MaxLength(PositionStatementView.MostLines)] IReadOnlyList<StatementLineView> Lines,
    [property: MaxLength(Lengths.Name)] string ForceName,
    [property: MaxLength(PositionStatementView.MostLines)] IReadOnlyList<StatementReportView> Reports)
{
    /// <summary>More lines than a committee could read; a statement that would list more is refused.</summary>
    public const int MostLines = 50_000;

    /// <summary>The lines on the statement by status, pending sign-offs apart from closed ones ("20 closed, 17 pending sign off").</summary>
    public StatementStatusCountsView ByStatus => StatementStatusCountsView.From(Lines);
}

/// <summary>The lines a statement lists (not those no longer reported) by status.</summary>
/// <param name="Open">Not assessed, not started or in progress.</param>
/// <param name="Implemented">Implemented, closure not requested.</param>
/// <param name="PendingSignOff">Closure requested, awaiting another identity's sign-off.</param>
/// <param name="Closed">Closed: signed off.</param>
public sealed record StatementStatusCountsView(int Open, int Implemented, int PendingSignOff, int Closed)
{
    public static StatementStatusCountsView From(IEnumerable<StatementLineView> lines)
    {
        var listed = lines.Where(l => l.Section != StatementSection.NoLongerReported).ToList();
        int Of(params ResponseStatus[] statuses) => listed.Count(l => statuses.Contains(l.Status));
        return new StatementStatusCountsView(
            Of(ResponseStatus.NotAssessed, ResponseStatus.NotStarted, ResponseStatus.InProgress),
            Of(ResponseStatus.Implemented), Of(ResponseStatus.PendingSignOff), Of(ResponseStatus.Closed));
    }
}

/// <summary>An inspection report a statement's lines come from.</summary>
/// <param name="InspectionId">The inspection.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="Title">Its title.</param>
/// <param name="PublishedOn">The date the report was published; null when not recorded.</param>
public sealed record StatementReportView(
    Guid InspectionId,
    [property: MaxLength(Lengths.Reference)] string Reference,
    [property: MaxLength(Lengths.Title)] string Title,
    DateOnly? PublishedOn);

/// <summary>How many lines moved in each way since the previous statement; all 0 when there was none.</summary>
public sealed record StatementChangeCountsView(int New, int Moved, int NewlyGreen, int Closed, int Unchanged)
{
    public static StatementChangeCountsView From(IReadOnlyCollection<StatementLineView> lines)
    {
        int Of(StatementChange change) => lines.Count(l => l.Change == change);
        return new StatementChangeCountsView(
            Of(StatementChange.New), Of(StatementChange.Moved), Of(StatementChange.NewlyGreen), Of(StatementChange.Closed), Of(StatementChange.Unchanged));
    }
}

/// <summary>One finding on a position statement, with the force's response as it stood on the statement's date.</summary>
/// <param name="Section">Open, Implemented (not yet reported green to the committee) or NoLongerReported (on the previous statement, not on this one).</param>
/// <param name="Change">How it moved since the previous statement: New, Moved (status, RAG or due date changed), NewlyGreen, Closed or Unchanged; absent when no statement was issued before.</param>
/// <param name="ResponseId">The force's response.</param>
/// <param name="ForceCode">The force whose response it is.</param>
/// <param name="FindingId">The finding.</param>
/// <param name="FindingKind">Recommendation, area for improvement, cause of concern or point of note.</param>
/// <param name="FindingReference">The finding's reference, such as "Recommendation 8".</param>
/// <param name="FindingText">The finding's text.</param>
/// <param name="DeadlineText">The deadline as the report wrote it.</param>
/// <param name="InspectionId">The inspection whose report carries the finding.</param>
/// <param name="InspectionReference">That inspection's reference.</param>
/// <param name="InspectionTitle">That inspection's title.</param>
/// <param name="OwnerName">The owner on the date.</param>
/// <param name="OwnerRole">The owner's role.</param>
/// <param name="Status">The status on the date.</param>
/// <param name="Rag">The RAG rating the force recorded.</param>
/// <param name="DerivedRag">The RAG rating the rules give.</param>
/// <param name="FindingDueDate">The finding's due date.</param>
/// <param name="RevisedDueDate">The force's re-baselined target date; null when not re-baselined.</param>
/// <param name="DueDate">The date the response is judged against: the revised date, else the finding's.</param>
/// <param name="PositionStatement">The latest position on the date.</param>
/// <param name="StatusEffectiveOn">The date of that position.</param>
/// <param name="IsOverdue">The due date had passed and the finding was not implemented, closed, not applicable or superseded.</param>
/// <param name="DaysOverdue">Days past the due date while overdue; 0 otherwise.</param>
/// <param name="PreviousStatus">The status on the previous statement.</param>
/// <param name="PreviousRag">The recorded RAG rating on the previous statement.</param>
/// <param name="PreviousDueDate">The due date on the previous statement.</param>
/// <param name="InspectorateStatus">The inspectorate's status from its latest assessment dated on or before the statement's date; absent when none was recorded by then. An issued statement keeps what it was when issued.</param>
/// <param name="InspectorateAssessedOn">The date of that assessment.</param>
/// <param name="DisagreesWithInspectorate">The force says implemented, pending sign-off or closed, but the inspectorate's assessment is neither complete nor no further action; false when none was recorded.</param>
public sealed record StatementLineView(
    StatementSection Section,
    StatementChange? Change,
    Guid ResponseId,
    string ForceCode,
    Guid FindingId,
    FindingKind FindingKind,
    string FindingReference,
    string FindingText,
    string? DeadlineText,
    Guid InspectionId,
    string InspectionReference,
    string InspectionTitle,
    string? OwnerName,
    string? OwnerRole,
    ResponseStatus Status,
    Rag? Rag,
    Rag? DerivedRag,
    DateOnly? FindingDueDate,
    DateOnly? RevisedDueDate,
    DateOnly? DueDate,
    string? PositionStatement,
    DateOnly? StatusEffectiveOn,
    bool IsOverdue,
    int DaysOverdue,
    ResponseStatus? PreviousStatus,
    Rag? PreviousRag,
    DateOnly? PreviousDueDate,
    InspectorateStatus? InspectorateStatus,
    DateOnly? InspectorateAssessedOn,
    bool DisagreesWithInspectorate);

public sealed class StatementLineViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<StatementLine, StatementLineView>()
        // The rule, not the line's property: issued lines are projected in SQL, where the property is no column.
        .Map(v => v.DisagreesWithInspectorate, l => InspectorateRules.Disagrees(l.Status, l.InspectorateStatus));
}
