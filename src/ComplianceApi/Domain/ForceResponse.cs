namespace ComplianceApi.Domain;

/// <summary>
/// One force's response to one finding. Its status, RAG and position are those of the latest progress
/// update; the updates themselves are never edited, so the history cannot be rewritten.
/// </summary>
public sealed class ForceResponse
{
    private readonly List<ProgressUpdate> _updates = [];

    private ForceResponse() { }

    public ForceResponse(Guid id, Finding finding, string forceCode, ResponseDetails details, DateTimeOffset now)
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
        Revise(details, now);
    }

    public Guid Id { get; private set; }
    public Guid FindingId { get; private set; }
    public Finding Finding { get; private set; } = null!;
    public string ForceCode { get; private set; } = "";
    public string? OwnerName { get; private set; }
    public string? OwnerRole { get; private set; }
    public string? GovernanceBoard { get; private set; }
    public string? Constraints { get; private set; }
    public DateOnly? TargetDate { get; private set; }
    public DateOnly? NextReviewOn { get; private set; }

    public ResponseStatus Status { get; private set; }
    public Rag? Rag { get; private set; }
    public string? PositionStatement { get; private set; }
    public DateOnly? StatusEffectiveOn { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public Guid? SupersededByFindingId { get; private set; }

    public IReadOnlyList<ProgressUpdate> Updates => _updates;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Bumped on every change so that two concurrent writers cannot both win.</summary>
    public int Version { get; private set; }

    public void Revise(ResponseDetails details, DateTimeOffset now)
    {
        OwnerName = details.OwnerName;
        OwnerRole = details.OwnerRole;
        GovernanceBoard = details.GovernanceBoard;
        Constraints = details.Constraints;
        TargetDate = details.TargetDate;
        NextReviewOn = details.NextReviewOn;
        Touch(now);
    }

    public ProgressUpdate RecordProgress(ProgressEntry entry, DateTimeOffset now)
    {
        if (Status == ResponseStatus.Closed)
        {
            throw new DomainRuleException("The response is closed; reopen it before recording progress.");
        }

        EnsureDatedInOrder(entry.EffectiveOn, now);

        switch (entry.Status)
        {
            case ResponseStatus.Closed when string.IsNullOrWhiteSpace(entry.SignedOffBy):
                throw new DomainRuleException("Closing a response needs who signed it off (signedOffBy).");
            case ResponseStatus.Closed when Status != ResponseStatus.Implemented:
                throw new DomainRuleException(
                    $"Only an implemented response can be signed off and closed; this one is {Status}.");
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

        return Append(entry, now);
    }

    public ProgressUpdate Reopen(string reason, string author, DateTimeOffset now)
    {
        if (Status != ResponseStatus.Closed)
        {
            throw new DomainRuleException($"Only a closed response can be reopened; this one is {Status}.");
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        EnsureDatedInOrder(today, now);
        return Append(new ProgressEntry(today, ResponseStatus.InProgress, Rag, $"Reopened: {reason}", author, null, null), now);
    }

    private void EnsureDatedInOrder(DateOnly effectiveOn, DateTimeOffset now)
    {
        if (effectiveOn > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainRuleException("A progress update cannot take effect in the future.");
        }

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
        Touch(now);
        return update;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

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
    Guid? SupersededByFindingId);

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
    public DateTimeOffset RecordedAt { get; private set; }
}
