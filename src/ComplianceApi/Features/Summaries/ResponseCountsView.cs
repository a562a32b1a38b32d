using ComplianceApi.Domain;

namespace ComplianceApi.Features.Summaries;

/// <summary>How many responses stood in each status, RAG rating and deadline position on the summary's date.</summary>
/// <param name="Total">Responses counted.</param>
/// <param name="Overdue">Of those, how many were overdue: due date passed and not implemented, closed, not applicable or superseded.</param>
/// <param name="ByStatus">Counts by status.</param>
/// <param name="ByRecordedRag">Counts by the RAG rating the forces recorded.</param>
/// <param name="ByDerivedRag">Counts by the RAG rating the rules give (red when overdue; green when implemented with evidence; amber when in progress, re-baselined or implemented without evidence).</param>
/// <param name="OldestOverdueDueDate">The earliest due date among the overdue responses; null when none is overdue.</param>
/// <param name="MostDaysOverdue">Days past that date on the summary's date; 0 when none is overdue.</param>
/// <param name="ByInspectorateStatus">Counts by the inspectorate's latest assessment on the summary's date.</param>
/// <param name="DisagreeWithInspectorate">Responses the force called implemented or closed while the inspectorate's latest assessment was neither Complete nor NoFurtherAction.</param>
public sealed record ResponseCountsView(
    int Total,
    int Overdue,
    StatusCountsView ByStatus,
    RagCountsView ByRecordedRag,
    RagCountsView ByDerivedRag,
    DateOnly? OldestOverdueDueDate,
    int MostDaysOverdue,
    InspectorateStatusCountsView ByInspectorateStatus,
    int DisagreeWithInspectorate)
{
    /// <summary>Adds up tallies of responses sharing a state; the rules derive each tally's RAG once.</summary>
    public static ResponseCountsView From(IEnumerable<ResponseTally> tallies, DateOnly on)
    {
        var list = tallies.ToList();
        var oldest = list.Where(t => t.IsOverdue).Select(t => (DateOnly?)t.EarliestDueDate).Min();
        return new ResponseCountsView(
            list.Sum(t => t.Count),
            list.Where(t => t.IsOverdue).Sum(t => t.Count),
            StatusCountsView.From(list),
            RagCountsView.From(list.Select(t => (t.Rag, t.Count))),
            RagCountsView.From(list.Select(t => (t.DerivedRag, t.Count))),
            oldest,
            oldest is { } due ? on.DayNumber - due.DayNumber : 0,
            InspectorateStatusCountsView.From(list),
            list.Where(t => InspectorateRules.Disagrees(t.Status, t.InspectorateStatus)).Sum(t => t.Count));
    }
}

/// <summary>Responses by the inspectorate's latest assessment, and those it has none recorded for.</summary>
public sealed record InspectorateStatusCountsView(int AwaitingReview, int BeingProgressed, int Complete, int NoFurtherAction, int NotRecorded)
{
    public static InspectorateStatusCountsView From(IReadOnlyCollection<ResponseTally> tallies)
    {
        int Of(InspectorateStatus? status) => tallies.Where(t => t.InspectorateStatus == status).Sum(t => t.Count);
        return new InspectorateStatusCountsView(
            Of(InspectorateStatus.AwaitingReview), Of(InspectorateStatus.BeingProgressed), Of(InspectorateStatus.Complete), Of(InspectorateStatus.NoFurtherAction), Of(null));
    }
}

/// <summary>Responses in each status; those awaiting sign-off of their closure are counted apart from the closed ones.</summary>
/// <param name="NotAssessed">Not yet assessed by the force.</param>
/// <param name="NotStarted">Assessed, not started.</param>
/// <param name="InProgress">In progress.</param>
/// <param name="Implemented">Implemented, closure not requested.</param>
/// <param name="Closed">Closed: signed off by a second identity.</param>
/// <param name="NotApplicable">Not applicable to the force.</param>
/// <param name="Superseded">Superseded by a later finding.</param>
/// <param name="PendingSignOff">Closure requested, awaiting sign-off ("pending sign off" in committee papers).</param>
public sealed record StatusCountsView(int NotAssessed, int NotStarted, int InProgress, int Implemented, int Closed, int NotApplicable, int Superseded, int PendingSignOff)
{
    public static StatusCountsView From(IReadOnlyCollection<ResponseTally> tallies)
    {
        int Of(ResponseStatus status) => tallies.Where(t => t.Status == status).Sum(t => t.Count);
        return new StatusCountsView(
            Of(ResponseStatus.NotAssessed), Of(ResponseStatus.NotStarted), Of(ResponseStatus.InProgress), Of(ResponseStatus.Implemented),
            Of(ResponseStatus.Closed), Of(ResponseStatus.NotApplicable), Of(ResponseStatus.Superseded), Of(ResponseStatus.PendingSignOff));
    }
}

/// <summary>Responses with each RAG rating, and those without one.</summary>
public sealed record RagCountsView(int Red, int Amber, int Green, int Unrated)
{
    public static RagCountsView From(IEnumerable<(Rag? Rag, int Count)> counts)
    {
        var list = counts.ToList();
        int Of(Rag? rag) => list.Where(c => c.Rag == rag).Sum(c => c.Count);
        return new RagCountsView(Of(Rag.Red), Of(Rag.Amber), Of(Rag.Green), Of(null));
    }
}

/// <summary>
/// Responses that share everything a summary counts by, as one aggregate query groups them; the RAG rating
/// the rules give follows from the group's key (<see cref="ResponseRules.DerivedRag"/>), so SQL need not restate it.
/// </summary>
public sealed record ResponseTally(
    Guid InspectionId,
    string InspectionReference,
    ResponseStatus Status,
    Rag? Rag,
    bool IsOverdue,
    bool IsRebaselined,
    bool HasEvidence,
    int Count,
    DateOnly EarliestDueDate,
    InspectorateStatus? InspectorateStatus)
{
    public Rag? DerivedRag => ResponseRules.DerivedRag(Status, IsOverdue, IsRebaselined, HasEvidence);

    public static ResponseTally Of(ResponseState state, Guid inspectionId, string inspectionReference, InspectorateStatus? inspectorateStatus) => new(
        inspectionId, inspectionReference, state.Status, state.Rag, state.IsOverdue, state.IsRebaselined, state.HasEvidence, 1,
        state.DueDate ?? DateOnly.MaxValue, inspectorateStatus);
}
