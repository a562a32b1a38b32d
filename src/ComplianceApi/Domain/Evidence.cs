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
