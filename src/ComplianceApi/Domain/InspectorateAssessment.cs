namespace ComplianceApi.Domain;

/// <summary>The inspectorate's own status for a force's response, as its public register gives it.</summary>
public enum InspectorateStatus { AwaitingReview, BeingProgressed, Complete, NoFurtherAction }

/// <summary>What a force recorded of the inspectorate's assessment of one response.</summary>
public sealed record AssessmentEntry(
    DateOnly AssessedOn,
    InspectorateStatus Status,
    string Comment,
    string Source,
    DateOnly? SourceShownOn);

/// <summary>
/// One dated entry of the inspectorate's assessment of a response, copied by a force from what the inspectorate
/// published (HMICFRS's register). Append-only like progress updates: a correction is a new entry, so what stood
/// on a past date can always be read back.
/// </summary>
public sealed class InspectorateAssessment
{
    private InspectorateAssessment() { }

    private InspectorateAssessment(Guid id, ForceResponse response, AssessmentEntry entry, string recordedBy, DateTimeOffset now)
    {
        Id = id;
        ResponseId = response.Id;
        ForceCode = response.ForceCode;
        AssessedOn = entry.AssessedOn;
        Status = entry.Status;
        Comment = entry.Comment;
        Source = entry.Source;
        SourceShownOn = entry.SourceShownOn;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ResponseId { get; private set; }
    public string ForceCode { get; private set; } = "";

    /// <summary>The date the inspectorate's entry bears: from it the status stands, until a later entry.</summary>
    public DateOnly AssessedOn { get; private set; }
    public InspectorateStatus Status { get; private set; }
    public string Comment { get; private set; } = "";

    /// <summary>Where it was read: the register page's name or address.</summary>
    public string Source { get; private set; } = "";

    /// <summary>The day the source was seen showing it.</summary>
    public DateOnly? SourceShownOn { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Appends an entry after <paramref name="latestAssessedOn"/> (the response's latest entry's date, if any): a
    /// later entry dated before it would rewrite what a past date's reads already said.
    /// </summary>
    public static InspectorateAssessment Record(ForceResponse response, AssessmentEntry entry, DateOnly? latestAssessedOn, string recordedBy, DateTimeOffset now)
    {
        var today = ServiceDay.DateAt(now);
        if (entry.AssessedOn > today)
        {
            throw new DomainRuleException($"An assessment cannot be dated after today ({today:yyyy-MM-dd}).");
        }

        if (entry.SourceShownOn > today)
        {
            throw new DomainRuleException($"The source cannot have shown the assessment after today ({today:yyyy-MM-dd}).");
        }

        if (entry.SourceShownOn < entry.AssessedOn)
        {
            throw new DomainRuleException("The source cannot have shown the assessment before the date it bears (sourceShownOn is before assessedOn).");
        }

        if (entry.AssessedOn < latestAssessedOn)
        {
            throw new DomainRuleException(
                $"The latest assessment is dated {latestAssessedOn:yyyy-MM-dd}; a later entry cannot be dated before it. Record a correction as a new entry.");
        }

        return new InspectorateAssessment(Guid.CreateVersion7(now), response, entry, recordedBy, now);
    }
}

public static class InspectorateRules
{
    /// <summary>The inspectorate's statuses that end its interest in a finding: only these close it for good.</summary>
    public static readonly InspectorateStatus[] Closes = [InspectorateStatus.Complete, InspectorateStatus.NoFurtherAction];

    /// <summary>
    /// The force says implemented or closed (<see cref="ResponseRules.Implemented"/>), but the inspectorate's latest
    /// assessment, where one is recorded, does not close it. With none recorded there is nothing to disagree with.
    /// </summary>
    /// <summary>The entry in effect on a date: the latest dated on or before it, and of those the last recorded.</summary>
    public static InspectorateAssessment? LatestOn(IEnumerable<InspectorateAssessment> entries, DateOnly on) =>
        entries.Where(a => a.AssessedOn <= on).OrderBy(a => a.AssessedOn).ThenBy(a => a.RecordedAt).LastOrDefault();

    public static bool Disagrees(ResponseStatus force, InspectorateStatus? inspectorate) =>
        inspectorate is { } status && ResponseRules.Implemented.Contains(force) && !Closes.Contains(status);
}
