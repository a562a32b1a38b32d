namespace ComplianceApi.Domain;

/// <summary>The parts of a position statement, in the order a committee paper prints them.</summary>
public enum StatementSection
{
    /// <summary>Findings not yet implemented, closed, not applicable or superseded.</summary>
    Open,

    /// <summary>Findings implemented (or closed) that have not yet been reported green to this committee.</summary>
    Implemented,

    /// <summary>Findings on the previous statement that this one no longer lists.</summary>
    NoLongerReported,
}

/// <summary>How a line moved since the previous statement issued to the same committee.</summary>
public enum StatementChange
{
    Unchanged,

    /// <summary>Not on the previous statement.</summary>
    New,

    /// <summary>Its status, recorded RAG or due date changed.</summary>
    Moved,

    /// <summary>Recorded green now, and not green on the previous statement.</summary>
    NewlyGreen,

    /// <summary>Closed, or finished and dropped from the statement, since the previous one.</summary>
    Closed,
}

/// <summary>
/// What a statement is made from: a response as it stood on the statement's date, with its finding and the
/// inspectorate's latest assessment on that date (null when none was recorded by then).
/// </summary>
public sealed record StatementCandidate(
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
    ResponseState State,
    InspectorateStatus? InspectorateStatus = null,
    DateOnly? InspectorateAssessedOn = null);

/// <summary>
/// One line of a position statement. Issued lines are stored as they were printed and never change;
/// a preview's lines are the same objects, never stored.
/// </summary>
public sealed class StatementLine
{
    private StatementLine() { }

    public StatementLine(StatementCandidate source, StatementSection section, StatementLine? previous, bool hasPrevious)
    {
        ResponseId = source.ResponseId;
        ForceCode = source.ForceCode;
        FindingId = source.FindingId;
        FindingKind = source.FindingKind;
        FindingReference = source.FindingReference;
        FindingText = source.FindingText;
        DeadlineText = source.DeadlineText;
        InspectionId = source.InspectionId;
        InspectionReference = source.InspectionReference;
        InspectionTitle = source.InspectionTitle;
        var state = source.State;
        OwnerName = state.OwnerName;
        OwnerRole = state.OwnerRole;
        Status = state.Status;
        Rag = state.Rag;
        DerivedRag = state.DerivedRag;
        FindingDueDate = state.FindingDueDate;
        RevisedDueDate = state.RevisedTargetDate;
        DueDate = state.DueDate;
        PositionStatement = state.PositionStatement;
        StatusEffectiveOn = state.StatusEffectiveOn;
        IsOverdue = state.IsOverdue;
        DaysOverdue = state.DaysOverdue;
        InspectorateStatus = source.InspectorateStatus;
        InspectorateAssessedOn = source.InspectorateAssessedOn;
        Section = section;
        PreviousStatus = previous?.Status;
        PreviousRag = previous?.Rag;
        PreviousDueDate = previous?.DueDate;
        Change = hasPrevious ? PositionStatements.ChangeSince(this, previous) : null;
    }

    /// <summary>A line of the previous statement that this one no longer lists: as it was printed then, with today's status when known.</summary>
    private StatementLine(StatementLine dropped, StatementCandidate? now)
    {
        ResponseId = dropped.ResponseId;
        ForceCode = dropped.ForceCode;
        FindingId = dropped.FindingId;
        FindingKind = dropped.FindingKind;
        FindingReference = dropped.FindingReference;
        FindingText = dropped.FindingText;
        DeadlineText = dropped.DeadlineText;
        InspectionId = dropped.InspectionId;
        InspectionReference = dropped.InspectionReference;
        InspectionTitle = dropped.InspectionTitle;
        var state = now?.State;
        OwnerName = state?.OwnerName ?? dropped.OwnerName;
        OwnerRole = state?.OwnerRole ?? dropped.OwnerRole;
        Status = state?.Status ?? dropped.Status;
        Rag = state is null ? dropped.Rag : state.Rag;
        DerivedRag = state is null ? dropped.DerivedRag : state.DerivedRag;
        FindingDueDate = dropped.FindingDueDate;
        RevisedDueDate = state is null ? dropped.RevisedDueDate : state.RevisedTargetDate;
        DueDate = state is null ? dropped.DueDate : state.DueDate;
        PositionStatement = state is null ? dropped.PositionStatement : state.PositionStatement;
        StatusEffectiveOn = state is null ? dropped.StatusEffectiveOn : state.StatusEffectiveOn;
        InspectorateStatus = now is null ? dropped.InspectorateStatus : now.InspectorateStatus;
        InspectorateAssessedOn = now is null ? dropped.InspectorateAssessedOn : now.InspectorateAssessedOn;
        Section = StatementSection.NoLongerReported;
        Change = StatementChange.Closed;
        PreviousStatus = dropped.Status;
        PreviousRag = dropped.Rag;
        PreviousDueDate = dropped.DueDate;
    }

    public static StatementLine NoLongerReported(StatementLine dropped, StatementCandidate? now) => new(dropped, now);

    public Guid Id { get; private set; }
    public Guid? StatementId { get; private set; }

    /// <summary>The line's place in the statement, from 1.</summary>
    public int Position { get; private set; }

    public StatementSection Section { get; private set; }
    public StatementChange? Change { get; private set; }
    public Guid ResponseId { get; private set; }
    public string ForceCode { get; private set; } = "";
    public Guid FindingId { get; private set; }
    public FindingKind FindingKind { get; private set; }
    public string FindingReference { get; private set; } = "";
    public string FindingText { get; private set; } = "";
    public string? DeadlineText { get; private set; }
    public Guid InspectionId { get; private set; }
    public string InspectionReference { get; private set; } = "";
    public string InspectionTitle { get; private set; } = "";
    public string? OwnerName { get; private set; }
    public string? OwnerRole { get; private set; }
    public ResponseStatus Status { get; private set; }
    public Rag? Rag { get; private set; }
    public Rag? DerivedRag { get; private set; }
    public DateOnly? FindingDueDate { get; private set; }
    public DateOnly? RevisedDueDate { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public string? PositionStatement { get; private set; }
    public DateOnly? StatusEffectiveOn { get; private set; }
    public bool IsOverdue { get; private set; }
    public int DaysOverdue { get; private set; }
    public ResponseStatus? PreviousStatus { get; private set; }
    public Rag? PreviousRag { get; private set; }
    public DateOnly? PreviousDueDate { get; private set; }

    /// <summary>
    /// The inspectorate's status from its latest assessment on the statement's date; null when none was recorded
    /// by then (and on lines issued before the column existed). Stored with the line, so an issued statement
    /// keeps what the inspectorate had said when it was issued, whatever is recorded later.
    /// </summary>
    public InspectorateStatus? InspectorateStatus { get; private set; }

    /// <summary>The date of that assessment.</summary>
    public DateOnly? InspectorateAssessedOn { get; private set; }

    /// <summary>The force says implemented or closed and the inspectorate does not (<see cref="InspectorateRules.Disagrees"/>).</summary>
    public bool DisagreesWithInspectorate => InspectorateRules.Disagrees(Status, InspectorateStatus);

    /// <summary>Reported implemented and green: once issued to a committee, such a line is not repeated to it.</summary>
    public bool IsReportedGreen => Section == StatementSection.Implemented && Rag == Domain.Rag.Green;

    // A line becomes a record of its own when it is issued. A preview's lines are never stored, and drawing
    // a version 7 id (a clock read and random bytes) for each of them was half the cost of composing them.
    internal void PlaceAt(int position, Guid? statementId)
    {
        Id = Guid.CreateVersion7();
        Position = position;
        StatementId = statementId;
    }
}

/// <summary>A position statement issued with a committee report: a frozen record of what the committee was told.</summary>
public sealed class IssuedStatement
{
    private readonly List<StatementLine> _lines = [];

    private IssuedStatement() { }

    internal IssuedStatement(Guid id, CommitteeReport report, DateOnly asOf, IssuedStatement? previous, IEnumerable<StatementLine> lines, string issuedBy, DateTimeOffset now)
    {
        Id = id;
        CommitteeId = report.CommitteeId;
        ReportId = report.Id;
        ForceCode = report.ForceCode;
        AsOf = asOf;
        PreviousStatementId = previous?.Id;
        IssuedBy = issuedBy;
        IssuedAt = now;
        var position = 0;
        foreach (var line in lines)
        {
            line.PlaceAt(++position, id);
            _lines.Add(line);
        }
    }

    public Guid Id { get; private set; }
    public Guid CommitteeId { get; private set; }
    public Guid ReportId { get; private set; }
    public string ForceCode { get; private set; } = "";
    public DateOnly AsOf { get; private set; }
    public Guid? PreviousStatementId { get; private set; }
    public string IssuedBy { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public IReadOnlyList<StatementLine> Lines => _lines;
}

/// <summary>The rules that decide what a position statement lists, as the forces' committee papers apply them.</summary>
public static class PositionStatements
{
    /// <summary>
    /// The lines of a statement on a date: every open finding; every implemented one, except those already
    /// reported implemented and green to the committee ("those recommendations that have been implemented
    /// and are GREEN and which have previously been reported to Members are not included"); and, when a
    /// statement was issued before, the lines it had that this one drops. Not applicable and superseded
    /// findings are not listed.
    /// </summary>
    /// <param name="candidates">The force's responses as they stood on the date, with their findings.</param>
    /// <param name="previous">The lines of the latest statement issued to the committee; null when none was.</param>
    /// <param name="reportedGreen">Responses any earlier statement to the committee reported implemented and green.</param>
    public static List<StatementLine> Compose(
        IEnumerable<StatementCandidate> candidates,
        IReadOnlyCollection<StatementLine>? previous,
        IReadOnlySet<Guid> reportedGreen)
    {
        var before = previous?.ToDictionary(l => l.ResponseId) ?? [];
        var states = new Dictionary<Guid, StatementCandidate>();
        var lines = new List<StatementLine>();
        foreach (var candidate in candidates)
        {
            states[candidate.ResponseId] = candidate;
            var section = SectionOf(candidate.State.Status, reportedGreen.Contains(candidate.ResponseId));
            if (section is { } listed)
            {
                lines.Add(new StatementLine(candidate, listed, before.GetValueOrDefault(candidate.ResponseId), previous is not null));
            }
        }

        var listedNow = lines.Select(l => l.ResponseId).ToHashSet();
        lines.AddRange((previous ?? [])
            .Where(l => l.Section != StatementSection.NoLongerReported && !listedNow.Contains(l.ResponseId))
            .Select(l => StatementLine.NoLongerReported(l, states.GetValueOrDefault(l.ResponseId))));

        return
        [
            .. lines.OrderBy(l => l.Section)
                .ThenBy(l => l.InspectionReference, StringComparer.Ordinal)
                .ThenBy(l => l.FindingDueDate ?? DateOnly.MaxValue)
                .ThenBy(l => l.FindingReference, StringComparer.Ordinal)
                .ThenBy(l => l.ForceCode, StringComparer.Ordinal),
        ];
    }

    /// <summary>Where a response goes on the statement; null when it is left out.</summary>
    public static StatementSection? SectionOf(ResponseStatus status, bool reportedGreenBefore) =>
        !ResponseRules.StopsTheClock(status) ? StatementSection.Open
        : ResponseRules.Implemented.Contains(status) && !reportedGreenBefore ? StatementSection.Implemented
        : null;

    /// <summary>How a listed line moved since the previous statement; <paramref name="previous"/> is its line there, if any.</summary>
    public static StatementChange ChangeSince(StatementLine line, StatementLine? previous)
    {
        if (previous is null || previous.Section == StatementSection.NoLongerReported)
        {
            return StatementChange.New;
        }

        if (line.Status == ResponseStatus.Closed && previous.Status != ResponseStatus.Closed)
        {
            return StatementChange.Closed;
        }

        if (line.Rag == Rag.Green && previous.Rag != Rag.Green)
        {
            return StatementChange.NewlyGreen;
        }

        return line.Status != previous.Status || line.Rag != previous.Rag || line.DueDate != previous.DueDate
            ? StatementChange.Moved
            : StatementChange.Unchanged;
    }
}
