namespace ComplianceApi.Domain;

/// <summary>
/// A response as it stood on one date, with the flags derived from it on that date. Built in memory by
/// <see cref="ResponseHistory.StateOn"/>, or from a database row folded the same way
/// (Data/ResponseSnapshots.cs); either way the flags below are computed here, once.
/// </summary>
/// <param name="On">The date the state is for; the flags are derived on it.</param>
/// <param name="Status">The status of the latest progress update in effect; NotAssessed before the first.</param>
/// <param name="Rag">The RAG rating the force recorded with that update.</param>
/// <param name="PositionStatement">That update's narrative.</param>
/// <param name="StatusEffectiveOn">The date that update took effect.</param>
/// <param name="OwnerName">The owner of the details revision in effect.</param>
/// <param name="OwnerRole">The owner's role.</param>
/// <param name="TargetDate">The force's target: the latest re-baselined date, else the one set with the details.</param>
/// <param name="RevisedTargetDate">The target date set by the latest re-baselining in effect; null when none.</param>
/// <param name="FindingDueDate">The finding's own due date.</param>
/// <param name="HasEvidence">Whether evidence dated on or before the date backs the response.</param>
public sealed record ResponseState(
    DateOnly On,
    ResponseStatus Status,
    Rag? Rag,
    string? PositionStatement,
    DateOnly? StatusEffectiveOn,
    string? OwnerName,
    string? OwnerRole,
    DateOnly? TargetDate,
    DateOnly? RevisedTargetDate,
    DateOnly? FindingDueDate,
    bool HasEvidence)
{
    /// <summary>The date the response is judged against: the re-baselined target when there is one, else the finding's due date.</summary>
    public DateOnly? DueDate => ResponseRules.DueDate(RevisedTargetDate, FindingDueDate);

    public bool IsOverdue => ResponseRules.IsOverdue(Status, DueDate, On);

    /// <summary>Days since the due date while overdue; 0 otherwise.</summary>
    public int DaysOverdue => IsOverdue ? On.DayNumber - DueDate!.Value.DayNumber : 0;

    /// <summary>Days left until the due date while open and not yet overdue; null when finished, overdue or without a due date.</summary>
    public int? DaysUntilDue => DueDate is { } due && !ResponseRules.StopsTheClock(Status) && due >= On ? due.DayNumber - On.DayNumber : null;

    public bool IsDueWithin(int days) => DaysUntilDue <= days;

    public bool IsRebaselined => RevisedTargetDate is not null;

    /// <summary>The RAG rating the rules give, to set beside the one the force recorded.</summary>
    public Rag? DerivedRag => ResponseRules.DerivedRag(Status, IsOverdue, IsRebaselined, HasEvidence);

    /// <summary>True when the rules give a rating and the force recorded a different one (or none).</summary>
    public bool RagDisagrees => DerivedRag is { } derived && Rag != derived;
}

/// <summary>The rules that judge a response on a date. The query path (Data/ResponseSnapshots.cs) states the same rules in SQL.</summary>
public static class ResponseRules
{
    /// <summary>Statuses that stop the clock: a response in one of them is never overdue and has no RAG of its own to earn.</summary>
    public static readonly ResponseStatus[] Finished =
        [ResponseStatus.Implemented, ResponseStatus.Closed, ResponseStatus.NotApplicable, ResponseStatus.Superseded];

    /// <summary>Statuses that count as implemented: green when evidence backs them.</summary>
    public static readonly ResponseStatus[] Implemented = [ResponseStatus.Implemented, ResponseStatus.Closed];

    /// <summary>Statuses the rules give no RAG rating: the finding no longer asks anything of the force.</summary>
    public static readonly ResponseStatus[] Unrated = [ResponseStatus.NotApplicable, ResponseStatus.Superseded];

    public static bool StopsTheClock(ResponseStatus status) => Finished.Contains(status);

    public static DateOnly? DueDate(DateOnly? revisedTargetDate, DateOnly? findingDueDate) => revisedTargetDate ?? findingDueDate;

    /// <summary>Overdue: the due date has passed (it is before the date) and the response is not finished.</summary>
    public static bool IsOverdue(ResponseStatus status, DateOnly? dueDate, DateOnly on) =>
        dueDate < on && !StopsTheClock(status);

    /// <summary>
    /// Red when overdue; green when implemented with evidence; amber when in progress, re-baselined, or
    /// implemented without evidence; no rating when not applicable, superseded, or not yet started and on time.
    /// </summary>
    public static Rag? DerivedRag(ResponseStatus status, bool isOverdue, bool isRebaselined, bool hasEvidence)
    {
        if (Unrated.Contains(status))
        {
            return null;
        }

        if (isOverdue)
        {
            return Rag.Red;
        }

        if (Implemented.Contains(status))
        {
            return hasEvidence ? Rag.Green : Rag.Amber;
        }

        return status == ResponseStatus.InProgress || isRebaselined ? Rag.Amber : null;
    }
}

/// <summary>
/// What the fold needs of a progress update: read straight from the table when many histories are
/// folded at once (materialising whole entities costs several times more).
/// </summary>
public sealed record UpdateInEffect(DateOnly EffectiveOn, DateTimeOffset RecordedAt, ResponseStatus Status, Rag? Rag, string? Narrative)
{
    public static UpdateInEffect From(ProgressUpdate update) => new(update.EffectiveOn, update.RecordedAt, update.Status, update.Rag, update.Narrative);
}

/// <summary>
/// A response's whole history, folded to its state on any date. Pure: give it the entries (from loaded
/// entities with <see cref="Of"/>, or from rows read in bulk) and ask for dates.
/// </summary>
public sealed class ResponseHistory
{
    private readonly DateOnly _trackedSince;
    private readonly DateOnly? _findingDueDate;
    private readonly List<UpdateInEffect> _updates;
    private readonly List<ResponseRevision> _revisions;
    private readonly List<TargetDateChange> _targetDateChanges;
    private readonly List<DateOnly> _evidenceDates;

    public ResponseHistory(
        DateOnly trackedSince,
        DateOnly? findingDueDate,
        IEnumerable<UpdateInEffect> updates,
        IEnumerable<ResponseRevision> revisions,
        IEnumerable<TargetDateChange> targetDateChanges,
        IEnumerable<DateOnly> evidenceDates)
    {
        _trackedSince = trackedSince;
        _findingDueDate = findingDueDate;

        // Latest first: the first entry in effect on a date is the one that stands on it. Entries are
        // appended in date order, so among those of one date the one recorded last wins.
        _updates = [.. updates.OrderByDescending(u => u.EffectiveOn).ThenByDescending(u => u.RecordedAt)];
        _revisions = [.. revisions.OrderByDescending(r => r.EffectiveOn ?? DateOnly.MinValue).ThenByDescending(r => r.RecordedAt)];
        _targetDateChanges = [.. targetDateChanges.OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.RecordedAt)];
        _evidenceDates = [.. evidenceDates];
    }

    /// <summary>The history of a response whose updates, revisions, target date changes and finding are loaded.</summary>
    public static ResponseHistory Of(ForceResponse response, IEnumerable<Evidence> evidence) =>
        new(response.TrackedSince, response.Finding.DueDate, response.Updates.Select(UpdateInEffect.From), response.Revisions, response.TargetDateChanges,
            evidence.Select(EvidenceDate));

    /// <summary>The date evidence counts from: the date it bears, else the day it was recorded.</summary>
    public static DateOnly EvidenceDate(Evidence evidence) => evidence.Date ?? DateOnly.FromDateTime(evidence.RecordedAt.UtcDateTime);

    /// <summary>The state on a date; null before the response's history begins.</summary>
    public ResponseState? StateOn(DateOnly on)
    {
        if (on < _trackedSince)
        {
            return null;
        }

        var update = _updates.FirstOrDefault(u => u.EffectiveOn <= on);

        // The first details hold from the start of the history, whatever date it begins on.
        var revision = _revisions.FirstOrDefault(r => r.EffectiveOn is null || r.EffectiveOn <= on);
        var change = _targetDateChanges.FirstOrDefault(c => c.EffectiveOn <= on);
        return new ResponseState(
            on,
            update?.Status ?? ResponseStatus.NotAssessed,
            update?.Rag,
            update?.Narrative,
            update?.EffectiveOn,
            revision?.OwnerName,
            revision?.OwnerRole,
            change?.NewTargetDate ?? revision?.TargetDate,
            change?.NewTargetDate,
            _findingDueDate,
            _evidenceDates.Any(d => d <= on));
    }
}
