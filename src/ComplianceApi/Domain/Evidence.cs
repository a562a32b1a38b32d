namespace ComplianceApi.Domain;

/// <summary>What backs a claim: minutes, an audit report, a policy. Belongs to a response or an action.</summary>
public sealed class Evidence
{
    private Evidence() { }

    private Evidence(Guid id, string forceCode, Guid? responseId, Guid? actionId, EvidenceDetails details, DateTimeOffset now)
    {
        Id = id;
        ForceCode = forceCode;
        ResponseId = responseId;
        ActionId = actionId;
        RecordedAt = now;
        Revise(details, now);
    }

    public static Evidence ForResponse(Guid id, ForceResponse response, EvidenceDetails details, DateTimeOffset now) =>
        new(id, response.ForceCode, response.Id, null, details, now);

    public static Evidence ForAction(Guid id, PlanAction action, EvidenceDetails details, DateTimeOffset now) =>
        new(id, action.ForceCode, null, action.Id, details, now);

    public Guid Id { get; private set; }
    public string ForceCode { get; private set; } = "";
    public Guid? ResponseId { get; private set; }
    public Guid? ActionId { get; private set; }
    public string Title { get; private set; } = "";
    public EvidenceKind Kind { get; private set; }
    public string? Reference { get; private set; }
    public string? Url { get; private set; }
    public DateOnly? Date { get; private set; }
    public string? Description { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public EvidenceReviewState ReviewState { get; private set; } = EvidenceReviewState.Submitted;

    /// <summary>The reviewer's name as authenticated (the key's or token's client), never one typed in a body.</summary>
    public string? ReviewedBy { get; private set; }

    /// <summary>The reviewer's authenticated identity: the key's id, or a token's client and subject.</summary>
    public string? ReviewedByClient { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewReason { get; private set; }

    /// <summary>The day it no longer counts: accepted evidence backs a claim up to the day before.</summary>
    public DateOnly? ExpiresOn { get; private set; }

    /// <summary>
    /// Whether the evidence counts on a date towards a rule-based green: accepted, not expired on the date,
    /// and counting from its own date (<paramref name="countsFrom"/>). The review judges the evidence itself,
    /// so accepted evidence counts from its date, as before reviews existed; the expiry is judged on the date
    /// asked. The SQL form is Data/Responses/ResponseSnapshots.cs's EvidenceCounts.
    /// </summary>
    public static bool CountsOn(DateOnly on, DateOnly countsFrom, EvidenceReviewState state, DateOnly? expiresOn) =>
        state == EvidenceReviewState.Accepted && (expiresOn is null || expiresOn > on) && countsFrom <= on;

    public void Accept(AuditClient reviewer, string? reason, DateOnly? expiresOn, DateTimeOffset now)
    {
        if (expiresOn is { } expiry && Date is { } date && expiry <= date)
        {
            throw new DomainRuleException("Evidence cannot expire on or before its own date.");
        }

        Review(EvidenceReviewState.Accepted, reviewer, reason, now);
        ExpiresOn = expiresOn;
    }

    public void Reject(AuditClient reviewer, string reason, DateTimeOffset now) =>
        Review(EvidenceReviewState.Rejected, reviewer, reason, now);

    /// <summary>A new file is something no reviewer has seen: the evidence goes back to be reviewed.</summary>
    public void Resubmit(DateTimeOffset now)
    {
        ReviewState = EvidenceReviewState.Submitted;
        ReviewedBy = null;
        ReviewedByClient = null;
        ReviewedAt = null;
        ReviewReason = null;
        UpdatedAt = now;
    }

    private void Review(EvidenceReviewState state, AuditClient reviewer, string? reason, DateTimeOffset now)
    {
        ReviewState = state;
        ReviewedBy = reviewer.Name;
        ReviewedByClient = reviewer.Id;
        ReviewedAt = now;
        ReviewReason = reason;
        UpdatedAt = now;
    }

    public void Revise(EvidenceDetails details, DateTimeOffset now)
    {
        if (details.Kind == EvidenceKind.Link && details.Url is null)
        {
            throw new DomainRuleException("Link evidence needs its url.");
        }

        if (details.Reference is null && details.Url is null)
        {
            throw new DomainRuleException("Evidence says where it can be found: give a reference or a url.");
        }

        Title = details.Title;
        Kind = details.Kind;
        Reference = details.Reference;
        Url = details.Url;
        Date = details.Date;
        Description = details.Description;
        UpdatedAt = now;
    }
}

public sealed record EvidenceDetails(
    string Title,
    EvidenceKind Kind,
    string? Reference,
    string? Url,
    DateOnly? Date,
    string? Description);
