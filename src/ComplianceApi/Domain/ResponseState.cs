namespace ComplianceApi.Domain;

/// <summary>
/// A response as it stood on one date, with the flags derived from it on that date. Folded by
/// <see cref="ResponseFold"/> (from loaded entities through <see cref="ResponseHistory.StateOn"/>, or from
/// rows read in bulk, Data/Responses/ResponseHistories.cs), or from a database row folded the same way in SQL
/// (Data/Responses/ResponseSnapshots.cs); either way the flags below are computed here, once.
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

/// <summary>The rules that judge a response on a date. The query path (Data/Responses/ResponseSnapshots.cs) states the same rules in SQL.</summary>
public static class ResponseRules
{
    /// <summary>Statuses that stop the clock: a response in one of them is never overdue and has no RAG of its own to earn.</summary>
    public static readonly ResponseStatus[] Finished =
        [ResponseStatus.Implemented, ResponseStatus.PendingSignOff, ResponseStatus.Closed, ResponseStatus.NotApplicable, ResponseStatus.Superseded];

    /// <summary>Statuses that count as implemented: green when evidence backs them.</summary>
    public static readonly ResponseStatus[] Implemented = [ResponseStatus.Implemented, ResponseStatus.PendingSignOff, ResponseStatus.Closed];

    /// <summary>Statuses the rules give no RAG rating: the finding no longer asks anything of the force.</summary>
    public static readonly ResponseStatus[] Unrated = [ResponseStatus.NotApplicable, ResponseStatus.Superseded];

    public static bool StopsTheClock(ResponseStatus status) => Finished.Contains(status);

    /// <summary>
    /// Statuses a client's update cannot set on its own word: closing needs a second identity's sign-off
    /// (<see cref="ForceResponse.Record"/> turns such an update into a closure request).
    /// </summary>
    public static bool NeedsSignOff(ResponseStatus status) => status is ResponseStatus.Closed or ResponseStatus.PendingSignOff;

    /// <summary>
    /// Whether a response in <paramref name="stored"/> already holds what an entry asking for <paramref name="asked"/>
    /// would record: the same status, or a closure asked for and awaiting sign-off.
    /// </summary>
    public static bool Holds(ResponseStatus stored, ResponseStatus asked) =>
        stored == asked || (stored == ResponseStatus.PendingSignOff && NeedsSignOff(asked));

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

/// <summary>What the fold needs of a details revision; <see cref="EffectiveOn"/> is null for the first details.</summary>
public sealed record RevisionInEffect(DateOnly? EffectiveOn, DateTimeOffset RecordedAt, string? OwnerName, string? OwnerRole, DateOnly? TargetDate)
{
    public static RevisionInEffect From(ResponseRevision revision) =>
        new(revision.EffectiveOn, revision.RecordedAt, revision.OwnerName, revision.OwnerRole, revision.TargetDate);
}

/// <summary>What the fold needs of a re-baselining.</summary>
public sealed record TargetChangeInEffect(DateOnly EffectiveOn, DateTimeOffset RecordedAt, DateOnly NewTargetDate)
{
    public static TargetChangeInEffect From(TargetDateChange change) => new(change.EffectiveOn, change.RecordedAt, change.NewTargetDate);
}

/// <summary>Evidence behind a response as the fold needs it: the date it counts from, its review and its expiry.</summary>
public sealed record EvidenceInEffect(DateOnly CountsFrom, EvidenceReviewState ReviewState, DateOnly? ExpiresOn);

/// <summary>
/// One response's history entries, offered in any order, folded to its state on one date: of each kind,
/// the entry in effect on the date with the latest date wins, and among entries of one date the one
/// recorded last (entries are appended in date order). Exact ties go to the entry offered first.
/// </summary>
/// <remarks>
/// The <c>Takes…</c> questions let a reader of many histories at once leave the rest of a row unread
/// when it would not stand.
/// </remarks>
public sealed class ResponseFold(DateOnly on, DateOnly trackedSince, DateOnly? findingDueDate)
{
    private UpdateInEffect? _update;
    private RevisionInEffect? _revision;
    private TargetChangeInEffect? _targetChange;
    private bool _hasEvidence;

    public DateOnly On => on;

    /// <summary>The state on the date; null before the response's history begins.</summary>
    public ResponseState? State => on < trackedSince
        ? null
        : new ResponseState(
            on,
            _update?.Status ?? ResponseStatus.NotAssessed,
            _update?.Rag,
            _update?.Narrative,
            _update?.EffectiveOn,
            _revision?.OwnerName,
            _revision?.OwnerRole,
            _targetChange?.NewTargetDate ?? _revision?.TargetDate,
            _targetChange?.NewTargetDate,
            findingDueDate,
            _hasEvidence);

    public bool TakesUpdate(DateOnly effectiveOn, DateTimeOffset recordedAt) =>
        effectiveOn <= on && (_update is null || StandsOver(effectiveOn, recordedAt, _update.EffectiveOn, _update.RecordedAt));

    // The first details (no date) hold from the start of the history, whatever date it begins on.
    public bool TakesRevision(DateOnly? effectiveOn, DateTimeOffset recordedAt) =>
        (effectiveOn is null || effectiveOn <= on)
        && (_revision is null || StandsOver(effectiveOn ?? DateOnly.MinValue, recordedAt, _revision.EffectiveOn ?? DateOnly.MinValue, _revision.RecordedAt));

    public bool TakesTargetChange(DateOnly effectiveOn, DateTimeOffset recordedAt) =>
        effectiveOn <= on && (_targetChange is null || StandsOver(effectiveOn, recordedAt, _targetChange.EffectiveOn, _targetChange.RecordedAt));

    /// <summary>
    /// Takes the response's latest update as its own row holds it (<see cref="ForceResponse.Status"/> and the
    /// columns beside it, which every update sets), when that update took effect by the date: updates are dated
    /// in order (a later entry is never dated before the latest), so none stands over it and the history need not
    /// be read. Nothing is taken when it took effect after the date, or there is none: then the history decides.
    /// </summary>
    public void TakeLatest(DateOnly? effectiveOn, ResponseStatus status, Rag? rag, string? narrative)
    {
        if (effectiveOn is { } latestOn && latestOn <= on)
        {
            _update = new UpdateInEffect(latestOn, DateTimeOffset.MaxValue, status, rag, narrative);
        }
    }

    public void Take(UpdateInEffect update)
    {
        if (TakesUpdate(update.EffectiveOn, update.RecordedAt))
        {
            _update = update;
        }
    }

    public void Take(RevisionInEffect revision)
    {
        if (TakesRevision(revision.EffectiveOn, revision.RecordedAt))
        {
            _revision = revision;
        }
    }

    public void Take(TargetChangeInEffect change)
    {
        if (TakesTargetChange(change.EffectiveOn, change.RecordedAt))
        {
            _targetChange = change;
        }
    }

    /// <summary>Evidence counts from its date (see <see cref="ResponseHistory.EvidenceDate(DateOnly?, DateTimeOffset)"/>) while accepted and not expired (<see cref="Evidence.CountsOn"/>).</summary>
    public void TakeEvidence(EvidenceInEffect evidence) =>
        _hasEvidence |= Evidence.CountsOn(on, evidence.CountsFrom, evidence.ReviewState, evidence.ExpiresOn);

    private static bool StandsOver(DateOnly effectiveOn, DateTimeOffset recordedAt, DateOnly heldOn, DateTimeOffset heldRecordedAt) =>
        effectiveOn > heldOn || (effectiveOn == heldOn && recordedAt > heldRecordedAt);
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
    private readonly List<RevisionInEffect> _revisions;
    private readonly List<TargetChangeInEffect> _targetDateChanges;
    private readonly List<EvidenceInEffect> _evidence;

    public ResponseHistory(
        DateOnly trackedSince,
        DateOnly? findingDueDate,
        IEnumerable<UpdateInEffect> updates,
        IEnumerable<ResponseRevision> revisions,
        IEnumerable<TargetDateChange> targetDateChanges,
        IEnumerable<EvidenceInEffect> evidence)
    {
        _trackedSince = trackedSince;
        _findingDueDate = findingDueDate;
        _updates = [.. updates];
        _revisions = [.. revisions.Select(RevisionInEffect.From)];
        _targetDateChanges = [.. targetDateChanges.Select(TargetChangeInEffect.From)];
        _evidence = [.. evidence];
    }

    /// <summary>The history of a response whose updates, revisions, target date changes and finding are loaded.</summary>
    public static ResponseHistory Of(ForceResponse response, IEnumerable<Evidence> evidence) =>
        new(response.TrackedSince, response.Finding.DueDate, response.Updates.Select(UpdateInEffect.From), response.Revisions, response.TargetDateChanges,
            evidence.Select(e => new EvidenceInEffect(EvidenceDate(e), e.ReviewState, e.ExpiresOn)));

    /// <summary>The date evidence counts from: the date it bears, else the day it was recorded.</summary>
    public static DateOnly EvidenceDate(Evidence evidence) => EvidenceDate(evidence.Date, evidence.RecordedAt);

    /// <inheritdoc cref="EvidenceDate(Evidence)"/>
    public static DateOnly EvidenceDate(DateOnly? date, DateTimeOffset recordedAt) => date ?? ServiceDay.DateAt(recordedAt);

    /// <summary>The state on a date; null before the response's history begins.</summary>
    public ResponseState? StateOn(DateOnly on)
    {
        var fold = new ResponseFold(on, _trackedSince, _findingDueDate);
        foreach (var update in _updates)
        {
            fold.Take(update);
        }

        foreach (var revision in _revisions)
        {
            fold.Take(revision);
        }

        foreach (var change in _targetDateChanges)
        {
            fold.Take(change);
        }

        foreach (var evidence in _evidence)
        {
            fold.TakeEvidence(evidence);
        }

        return fold.State;
    }
}
