namespace ComplianceApi.Domain;

/// <summary>
/// One force's response to one finding. Its status, RAG and position are those of the latest progress
/// update; its owner and other details those of the latest revision; its revised target date that of
/// the latest re-baselining. None of those histories is ever edited, so the past cannot be rewritten:
/// <see cref="ResponseHistory"/> folds them into the state on any date.
/// </summary>
public sealed class ForceResponse
{
    private readonly List<ProgressUpdate> _updates = [];
    private readonly List<ResponseRevision> _revisions = [];
    private readonly List<TargetDateChange> _targetDateChanges = [];

    private ForceResponse() { }

    /// <summary>
    /// A new response. Its details hold from <c>detailsEffectiveOn</c>; when that is null they hold from the
    /// start of the response's history, however far back its progress updates are later dated.
    /// </summary>
    public ForceResponse(Guid id, Finding finding, string forceCode, ResponseDetails details, DateOnly? detailsEffectiveOn, string recordedBy, DateTimeOffset now)
    {
        if (!finding.Concerns(forceCode))
        {
            throw new DomainRuleException(
                $"{finding.Reference} does not concern force '{forceCode}': it is neither addressed to it nor to chief constables of forces in scope.");
        }

        Id = id;
        FindingId = finding.Id;
        Finding = finding;
        ForceCode = forceCode;
        Status = ResponseStatus.NotAssessed;
        CreatedAt = now;
        TrackedSince = Today(now);
        EnsureNotInTheFuture(detailsEffectiveOn, now, "The details");
        TargetDate = details.TargetDate;
        DueOn = ResponseRules.DueDate(RevisedTargetDate, finding.DueDate);
        Apply(details, detailsEffectiveOn, recordedBy, now);
    }

    public Guid Id { get; private set; }
    public Guid FindingId { get; private set; }
    public Finding Finding { get; private set; } = null!;
    public string ForceCode { get; private set; } = "";
    public string? OwnerName { get; private set; }
    public string? OwnerRole { get; private set; }
    public string? GovernanceBoard { get; private set; }
    public string? Constraints { get; private set; }
    /// <summary>The force's target: as first set, or as last re-baselined.</summary>
    public DateOnly? TargetDate { get; private set; }

    /// <summary>The target date set by the latest re-baselining; null until the force first re-baselines.</summary>
    public DateOnly? RevisedTargetDate { get; private set; }

    /// <summary>
    /// The date the response is judged against today: the latest re-baselined target, else the finding's
    /// due date. Kept on the response so that a force's overdue list is an index range instead of a join
    /// to every finding; <see cref="FollowDueDateOf"/> keeps it in step when the finding's deadline moves.
    /// Lists as of a past date cannot use it: a later re-baselining may have moved it since.
    /// </summary>
    public DateOnly? DueOn { get; private set; }

    public DateOnly? NextReviewOn { get; private set; }

    /// <summary>
    /// The first date of the response's history: when it was recorded, or the earliest date any entry of
    /// its history takes effect, whichever is earlier. Before it the response did not exist.
    /// </summary>
    public DateOnly TrackedSince { get; private set; }

    /// <summary>When the latest revision of the details took effect; null while the first details stand.</summary>
    public DateOnly? DetailsEffectiveOn { get; private set; }

    /// <summary>When the latest re-baselining took effect.</summary>
    public DateOnly? TargetRevisedOn { get; private set; }

    public ResponseStatus Status { get; private set; }
    public Rag? Rag { get; private set; }
    public string? PositionStatement { get; private set; }

    /// <summary>
    /// What the force chooses to tell the public about its progress, shown on its public page; separate from
    /// the internal position, which is never published. Empty until the force sets it; not part of the
    /// dated history, because it is what the force says now.
    /// </summary>
    public string? PublicStatement { get; private set; }
    public DateOnly? StatusEffectiveOn { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public Guid? SupersededByFindingId { get; private set; }

    /// <summary>Where the latest closure request stands; null when closure was never requested.</summary>
    public SignOffStep? SignOff { get; private set; }

    /// <summary>The authenticated identity (API key id, or a token's "{client}:{subject}") that requested the latest closure.</summary>
    public string? SignOffRequestedBy { get; private set; }

    /// <summary>That identity's name as authenticated (the key's or the token client's), for people to read.</summary>
    public string? SignOffRequestedByName { get; private set; }

    public DateTimeOffset? SignOffRequestedAt { get; private set; }

    /// <summary>The status the response is sent back to: the one it had when closure was requested.</summary>
    public ResponseStatus? SignOffReturnsTo { get; private set; }

    /// <summary>The authenticated identity that signed the latest request off or sent it back.</summary>
    public string? SignOffDecidedBy { get; private set; }

    public string? SignOffDecidedByName { get; private set; }
    public DateTimeOffset? SignOffDecidedAt { get; private set; }

    /// <summary>Why the latest request was sent back; null unless it was.</summary>
    public string? SentBackReason { get; private set; }

    public IReadOnlyList<ProgressUpdate> Updates => _updates;
    public IReadOnlyList<ResponseRevision> Revisions => _revisions;
    public IReadOnlyList<TargetDateChange> TargetDateChanges => _targetDateChanges;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Bumped on every change so that two concurrent writers cannot both win.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// The force's own tags (its themes: "MoPI", "vetting"), as <see cref="Domain.Tags.Text"/>. Like the public
    /// statement, not part of the dated history: they say how the force groups its work now, so as-of reads show today's.
    /// </summary>
    public string TagText { get; private set; } = "";

    /// <summary>The same tags folded for filters (<see cref="Domain.Tags.Keys"/>).</summary>
    public string TagKeys { get; private set; } = "";

    /// <summary>Replaces the response's tags; true when that changed them.</summary>
    public bool Retag(Tags tags, DateTimeOffset now)
    {
        if (tags.SameAs(Tags.Stored(TagText)))
        {
            return false;
        }

        TagText = tags.Text;
        TagKeys = tags.Keys;
        Touch(now);
        return true;
    }

    /// <summary>Sets, replaces or (with nothing) removes what the public page says for this finding.</summary>
    public void SetPublicStatement(string? statement, DateTimeOffset now)
    {
        PublicStatement = string.IsNullOrWhiteSpace(statement) ? null : statement.Trim();
        Touch(now);
    }

    /// <summary>
    /// Replaces the owner, governance board, constraints and next review from a date, keeping the
    /// details that stood before as history. The target date is set here only once: after that it
    /// moves by <see cref="Rebaseline"/>, which keeps the reason.
    /// </summary>
    /// <remarks>The new details hold from <c>effectiveOn</c>, or today when it is null.</remarks>
    public ResponseRevision Revise(ResponseDetails details, DateOnly? effectiveOn, string changedBy, DateTimeOffset now)
    {
        if (TargetDate is { } target && details.TargetDate != target)
        {
            throw new DomainRuleException(
                $"The target date is {target:yyyy-MM-dd}; once set it moves only by re-baselining with a reason "
                + "(POST /api/v1/responses/{id}/target-date-changes). Send the current target date unchanged.");
        }

        var from = effectiveOn ?? Today(now);
        EnsureNotInTheFuture(from, now, "A revision");
        if (from < DetailsEffectiveOn)
        {
            throw new DomainRuleException(
                $"The latest revision of the details took effect on {DetailsEffectiveOn:yyyy-MM-dd}; a later one cannot take effect before it.");
        }

        // Otherwise a revision recorded after a re-baselining, carrying the new target, would put that
        // target in force on dates before the re-baselining did.
        if (from < TargetRevisedOn)
        {
            throw new DomainRuleException(
                $"The target date was re-baselined with effect from {TargetRevisedOn:yyyy-MM-dd}; the details cannot be revised with effect before it.");
        }

        TargetDate = details.TargetDate;
        return Apply(details, from, changedBy, now);
    }

    /// <summary>
    /// Moves the force's own target date, keeping the old and new dates, the reason and who moved it. The
    /// new target holds from <c>effectiveOn</c>, or today when it is null.
    /// </summary>
    public TargetDateChange Rebaseline(DateOnly newTargetDate, string reason, DateOnly? effectiveOn, string changedBy, DateTimeOffset now)
    {
        if (ResponseRules.StopsTheClock(Status))
        {
            throw new DomainRuleException($"Only an open response can be re-baselined; this one is {Status}.");
        }

        if (newTargetDate == TargetDate)
        {
            throw new DomainRuleException($"The target date is already {newTargetDate:yyyy-MM-dd}.");
        }

        var from = effectiveOn ?? Today(now);
        EnsureNotInTheFuture(from, now, "A re-baselining");
        if (from < TargetRevisedOn)
        {
            throw new DomainRuleException(
                $"The latest re-baselining took effect on {TargetRevisedOn:yyyy-MM-dd}; a later one cannot take effect before it.");
        }

        var change = new TargetDateChange(Guid.CreateVersion7(now), this, TargetDate, newTargetDate, reason, from, changedBy, now);
        _targetDateChanges.Add(change);
        TargetDate = newTargetDate;
        RevisedTargetDate = newTargetDate;
        DueOn = newTargetDate;
        TargetRevisedOn = from;
        Track(from);
        Touch(now);
        return change;
    }

    /// <summary>
    /// Called when the finding's due date has moved (its deadline revised, or its report's publication
    /// date corrected): a response the force has not re-baselined falls due with the finding. Only the
    /// derived due date changes, not the response's own record, so its version stays.
    /// </summary>
    public void FollowDueDateOf(Finding finding)
    {
        if (finding.Id != FindingId)
        {
            throw new InvalidOperationException($"Response {Id} answers finding {FindingId}, not {finding.Id}.");
        }

        DueOn = ResponseRules.DueDate(RevisedTargetDate, finding.DueDate);
    }

    private ResponseRevision Apply(ResponseDetails details, DateOnly? effectiveOn, string changedBy, DateTimeOffset now)
    {
        OwnerName = details.OwnerName;
        OwnerRole = details.OwnerRole;
        GovernanceBoard = details.GovernanceBoard;
        Constraints = details.Constraints;
        NextReviewOn = details.NextReviewOn;
        DetailsEffectiveOn = effectiveOn;
        if (effectiveOn is { } from)
        {
            Track(from);
        }

        var revision = new ResponseRevision(Guid.CreateVersion7(now), this, details, effectiveOn, changedBy, now);
        _revisions.Add(revision);
        Touch(now);
        return revision;
    }

    /// <summary>
    /// A progress update as a client records it: an entry that would close the response (Closed, or
    /// PendingSignOff named outright) becomes a closure request by <paramref name="by"/>, never a closure, so
    /// that whoever says a response is done cannot also close it. Anything else is recorded as it is.
    /// </summary>
    public ProgressUpdate Record(ProgressEntry entry, Signatory by, DateTimeOffset now) =>
        ResponseRules.NeedsSignOff(entry.Status) ? RequestClosure(entry, by, now) : RecordProgress(entry, now);

    /// <summary>
    /// Appends an entry as given. A Closed entry here is history already signed off elsewhere, with the
    /// signatory's name typed in it: only the national data set generator loads such history; clients'
    /// updates and sheet loads go through <see cref="Record"/>.
    /// </summary>
    public ProgressUpdate RecordProgress(ProgressEntry entry, DateTimeOffset now)
    {
        EnsureOpenForProgress();
        EnsureDatedInOrder(entry.EffectiveOn, now);

        switch (entry.Status)
        {
            case ResponseStatus.PendingSignOff:
                throw new DomainRuleException("A response awaits sign-off only once its closure is requested (an update with status Closed).");
            case ResponseStatus.Closed when string.IsNullOrWhiteSpace(entry.SignedOffBy):
                throw new DomainRuleException("Closing a response needs who signed it off (signedOffBy).");
            case ResponseStatus.Closed when Status != ResponseStatus.Implemented:
                throw new DomainRuleException(
                    $"Only an implemented response can be signed off and closed; this one is {Status}.");
        }

        EnsureLinksFit(entry);
        return Append(entry, now);
    }

    /// <summary>
    /// The force says an implemented response is done: it awaits sign-off (PendingSignOff) by another
    /// identity with an admin role for the force. The entry's narrative is the position put forward; a
    /// signatory typed in it is not kept, since only the sign-off names who signed.
    /// </summary>
    public ProgressUpdate RequestClosure(ProgressEntry entry, Signatory by, DateTimeOffset now)
    {
        EnsureOpenForProgress();
        if (Status != ResponseStatus.Implemented)
        {
            throw new DomainRuleException(
                $"Only an implemented response can be put forward for closure; this one is {Status}. Record it as Implemented first.");
        }

        if (entry.SupersededByFindingId is not null)
        {
            throw new DomainRuleException("supersededByFindingId is recorded only when a response is superseded.");
        }

        EnsureDatedInOrder(entry.EffectiveOn, now);
        var returnsTo = Status;
        var update = Append(entry with { Status = ResponseStatus.PendingSignOff, SignedOffBy = null, RecordedBy = by.Name }, now);
        SignOff = SignOffStep.Requested;
        SignOffRequestedBy = by.Id;
        SignOffRequestedByName = by.Name;
        SignOffRequestedAt = now;
        SignOffReturnsTo = returnsTo;
        SignOffDecidedBy = null;
        SignOffDecidedByName = null;
        SignOffDecidedAt = null;
        SentBackReason = null;
        return update;
    }

    /// <summary>
    /// Another identity than the requester's signs the closure off: the response is closed from today, with
    /// the signatory's authenticated name as who closed it. The caller's admin role for the force is the
    /// HTTP edge's to check; which identity decides is this rule's.
    /// </summary>
    public ProgressUpdate SignOffClosure(Signatory by, DateTimeOffset now)
    {
        EnsureDecidableBy(by, "sign off");
        var today = Today(now);
        EnsureDatedInOrder(today, now);
        var update = Append(new ProgressEntry(today, ResponseStatus.Closed, Rag, PositionStatement ?? "", by.Name, by.Name, null, by.Name), now);
        Decide(SignOffStep.SignedOff, by, null, now);
        return update;
    }

    /// <summary>Another identity than the requester's sends the closure back: the response returns, from today, to the status it had.</summary>
    public ProgressUpdate SendBackClosure(string reason, Signatory by, DateTimeOffset now)
    {
        EnsureDecidableBy(by, "send back");
        var today = Today(now);
        EnsureDatedInOrder(today, now);
        var update = Append(
            new ProgressEntry(today, SignOffReturnsTo ?? ResponseStatus.Implemented, Rag, $"Sent back: {reason}", by.Name, null, null, by.Name), now);
        Decide(SignOffStep.SentBack, by, reason, now);
        return update;
    }

    private void EnsureDecidableBy(Signatory by, string decision)
    {
        if (Status != ResponseStatus.PendingSignOff)
        {
            throw new DomainRuleException($"Only a response awaiting sign-off can be signed off or sent back; this one is {Status}.");
        }

        if (by.Id == SignOffRequestedBy)
        {
            throw new FourEyesException(
                $"Closure was requested with this same identity ({by.Name}); another identity with an admin role for force '{ForceCode}' must {decision}.");
        }
    }

    private void Decide(SignOffStep step, Signatory by, string? reason, DateTimeOffset now)
    {
        SignOff = step;
        SignOffDecidedBy = by.Id;
        SignOffDecidedByName = by.Name;
        SignOffDecidedAt = now;
        SentBackReason = reason;
    }

    private void EnsureOpenForProgress()
    {
        switch (Status)
        {
            case ResponseStatus.Closed:
                throw new DomainRuleException("The response is closed; reopen it before recording progress.");
            case ResponseStatus.PendingSignOff:
                throw new DomainRuleException(
                    $"The response awaits sign-off of its closure, requested by {SignOffRequestedByName}; sign it off or send it back before recording progress.");
        }
    }

    private void EnsureLinksFit(ProgressEntry entry)
    {
        switch (entry.Status)
        {
            case ResponseStatus.Superseded when entry.SupersededByFindingId is null:
                throw new DomainRuleException("A superseded response names the finding that supersedes it (supersededByFindingId).");
            case ResponseStatus.Superseded when entry.SupersededByFindingId == FindingId:
                throw new DomainRuleException("A finding cannot supersede itself.");
        }

        if (entry.Status != ResponseStatus.Closed && entry.SignedOffBy is not null)
        {
            throw new DomainRuleException("signedOffBy is recorded only when a response is closed.");
        }

        if (entry.Status != ResponseStatus.Superseded && entry.SupersededByFindingId is not null)
        {
            throw new DomainRuleException("supersededByFindingId is recorded only when a response is superseded.");
        }
    }

    public ProgressUpdate Reopen(string reason, string author, string recordedBy, DateTimeOffset now)
    {
        if (Status != ResponseStatus.Closed)
        {
            throw new DomainRuleException($"Only a closed response can be reopened; this one is {Status}.");
        }

        var today = Today(now);
        EnsureDatedInOrder(today, now);
        return Append(new ProgressEntry(today, ResponseStatus.InProgress, Rag, $"Reopened: {reason}", author, null, null, recordedBy), now);
    }

    private void EnsureDatedInOrder(DateOnly effectiveOn, DateTimeOffset now)
    {
        EnsureNotInTheFuture(effectiveOn, now, "A progress update");

        if (effectiveOn < StatusEffectiveOn)
        {
            throw new DomainRuleException(
                $"The latest update took effect on {StatusEffectiveOn:yyyy-MM-dd}; a later entry cannot be dated before it. Record a correction as a new entry.");
        }
    }

    private ProgressUpdate Append(ProgressEntry entry, DateTimeOffset now)
    {
        var update = new ProgressUpdate(Guid.CreateVersion7(now), this, entry, now);
        _updates.Add(update);
        Status = entry.Status;
        Rag = entry.Rag;
        PositionStatement = entry.Narrative;
        StatusEffectiveOn = entry.EffectiveOn;
        ClosedBy = entry.Status == ResponseStatus.Closed ? entry.SignedOffBy : null;
        ClosedOn = entry.Status == ResponseStatus.Closed ? entry.EffectiveOn : null;
        SupersededByFindingId = entry.SupersededByFindingId;
        Track(entry.EffectiveOn);
        Touch(now);
        return update;
    }

    private void Track(DateOnly effectiveOn)
    {
        if (effectiveOn < TrackedSince)
        {
            TrackedSince = effectiveOn;
        }
    }

    private static void EnsureNotInTheFuture(DateOnly? effectiveOn, DateTimeOffset now, string what)
    {
        if (effectiveOn > Today(now))
        {
            throw new DomainRuleException($"{what} cannot take effect in the future.");
        }
    }

    private static DateOnly Today(DateTimeOffset now) => ServiceDay.DateAt(now);

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>An authenticated identity: its id (API key id, or a token's "{client}:{subject}") decides; its name is for people.</summary>
public sealed record Signatory(string Id, string Name);

public sealed record ResponseDetails(
    string? OwnerName,
    string? OwnerRole,
    string? GovernanceBoard,
    string? Constraints,
    DateOnly? TargetDate,
    DateOnly? NextReviewOn);

public sealed record ProgressEntry(
    DateOnly EffectiveOn,
    ResponseStatus Status,
    Rag? Rag,
    string Narrative,
    string Author,
    string? SignedOffBy,
    Guid? SupersededByFindingId,
    string? RecordedBy = null);

/// <summary>An append-only, dated entry in a response's history: the state after it, and why.</summary>
public sealed class ProgressUpdate
{
    private ProgressUpdate() { }

    internal ProgressUpdate(Guid id, ForceResponse response, ProgressEntry entry, DateTimeOffset now)
    {
        Id = id;
        ResponseId = response.Id;
        ForceCode = response.ForceCode;
        EffectiveOn = entry.EffectiveOn;
        Status = entry.Status;
        Rag = entry.Rag;
        Narrative = entry.Narrative;
        Author = entry.Author;
        SignedOffBy = entry.SignedOffBy;
        SupersededByFindingId = entry.SupersededByFindingId;
        RecordedBy = entry.RecordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ResponseId { get; private set; }
    public string ForceCode { get; private set; } = "";
    public DateOnly EffectiveOn { get; private set; }
    public ResponseStatus Status { get; private set; }
    public Rag? Rag { get; private set; }
    public string Narrative { get; private set; } = "";
    public string Author { get; private set; } = "";
    public string? SignedOffBy { get; private set; }
    public Guid? SupersededByFindingId { get; private set; }

    /// <summary>The client application that recorded the entry, beside the author and signatory typed in it.</summary>
    public string? RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>The owner and other details of a response from a date; a new revision replaces them, never edits them.</summary>
public sealed class ResponseRevision
{
    private ResponseRevision() { }

    internal ResponseRevision(Guid id, ForceResponse response, ResponseDetails details, DateOnly? effectiveOn, string changedBy, DateTimeOffset now)
    {
        Id = id;
        ResponseId = response.Id;
        ForceCode = response.ForceCode;
        EffectiveOn = effectiveOn;
        OwnerName = details.OwnerName;
        OwnerRole = details.OwnerRole;
        GovernanceBoard = details.GovernanceBoard;
        Constraints = details.Constraints;
        TargetDate = details.TargetDate;
        NextReviewOn = details.NextReviewOn;
        ChangedBy = changedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ResponseId { get; private set; }
    public string ForceCode { get; private set; } = "";

    /// <summary>The date from which these details held; null for the first details, which hold from the start.</summary>
    public DateOnly? EffectiveOn { get; private set; }

    public string? OwnerName { get; private set; }
    public string? OwnerRole { get; private set; }
    public string? GovernanceBoard { get; private set; }
    public string? Constraints { get; private set; }
    public DateOnly? TargetDate { get; private set; }
    public DateOnly? NextReviewOn { get; private set; }

    /// <summary>The client application (API key name) that made the change.</summary>
    public string ChangedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>A force moving its own target date for a response (re-baselining), with why and who.</summary>
public sealed class TargetDateChange
{
    private TargetDateChange() { }

    internal TargetDateChange(
        Guid id, ForceResponse response, DateOnly? previousTargetDate, DateOnly newTargetDate, string reason, DateOnly effectiveOn, string changedBy, DateTimeOffset now)
    {
        Id = id;
        ResponseId = response.Id;
        ForceCode = response.ForceCode;
        PreviousTargetDate = previousTargetDate;
        NewTargetDate = newTargetDate;
        Reason = reason;
        EffectiveOn = effectiveOn;
        ChangedBy = changedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ResponseId { get; private set; }
    public string ForceCode { get; private set; } = "";
    public DateOnly? PreviousTargetDate { get; private set; }
    public DateOnly NewTargetDate { get; private set; }
    public string Reason { get; private set; } = "";
    public DateOnly EffectiveOn { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
}
