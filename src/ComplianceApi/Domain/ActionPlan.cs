namespace ComplianceApi.Domain;

/// <summary>A force's plan of actions, which may answer a whole report (the "CDI action plan").</summary>
public sealed class ActionPlan
{
    private ActionPlan() { }

    public ActionPlan(Guid id, string forceCode, ActionPlanDetails details, DateTimeOffset now)
    {
        Id = id;
        ForceCode = forceCode;
        CreatedAt = now;
        Revise(details, now);
    }

    public Guid Id { get; private set; }
    public string ForceCode { get; private set; } = "";
    public string Title { get; private set; } = "";
    public Guid? InspectionId { get; private set; }
    public string? OwnerName { get; private set; }
    public string? Description { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Revise(ActionPlanDetails details, DateTimeOffset now)
    {
        Title = details.Title;
        InspectionId = details.InspectionId;
        OwnerName = details.OwnerName;
        Description = details.Description;
        UpdatedAt = now;
    }
}

public sealed record ActionPlanDetails(string Title, Guid? InspectionId, string? OwnerName, string? Description);

/// <summary>An action in a plan; one action can serve several findings.</summary>
public sealed class PlanAction
{
    private readonly List<ActionFinding> _findings = [];

    private PlanAction() { }

    public PlanAction(Guid id, ActionPlan plan, PlanActionDetails details, IReadOnlyCollection<Finding> serves, DateTimeOffset now)
    {
        Id = id;
        PlanId = plan.Id;
        ForceCode = plan.ForceCode;
        CreatedAt = now;
        Revise(details, serves, now);
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public string ForceCode { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? OwnerName { get; private set; }
    public string? OwnerRole { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public ActionStatus Status { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public IReadOnlyList<ActionFinding> Findings => _findings;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Revise(PlanActionDetails details, IReadOnlyCollection<Finding> serves, DateTimeOffset now)
    {
        if (details.Status == ActionStatus.Completed && details.CompletedOn is null)
        {
            throw new DomainRuleException("A completed action records when it was completed (completedOn).");
        }

        if (details.Status != ActionStatus.Completed && details.CompletedOn is not null)
        {
            throw new DomainRuleException("completedOn is recorded only for a completed action.");
        }

        if (details.CompletedOn > ServiceDay.DateAt(now))
        {
            throw new DomainRuleException("An action cannot be completed in the future.");
        }

        var unconcerned = serves.Where(f => !f.Concerns(ForceCode)).Select(f => f.Reference).ToList();
        if (unconcerned.Count > 0)
        {
            throw new DomainRuleException(
                $"An action serves findings that concern its force; {string.Join(", ", unconcerned)} do not concern '{ForceCode}'.");
        }

        Title = details.Title;
        OwnerName = details.OwnerName;
        OwnerRole = details.OwnerRole;
        DueOn = details.DueOn;
        Status = details.Status;
        CompletedOn = details.CompletedOn;
        _findings.RemoveAll(link => serves.All(f => f.Id != link.FindingId));
        foreach (var finding in serves.Where(f => _findings.All(link => link.FindingId != f.Id)))
        {
            _findings.Add(new ActionFinding(Id, finding.Id));
        }

        UpdatedAt = now;
    }
}

public sealed record PlanActionDetails(
    string Title,
    string? OwnerName,
    string? OwnerRole,
    DateOnly? DueOn,
    ActionStatus Status,
    DateOnly? CompletedOn);

public sealed class ActionFinding(Guid actionId, Guid findingId)
{
    public Guid ActionId { get; private set; } = actionId;
    public Guid FindingId { get; private set; } = findingId;
}
