namespace ComplianceApi.Domain;

/// <summary>A published (or restricted) inspection report.</summary>
public sealed class Inspection
{
    private readonly List<InspectionForce> _forcesInScope = [];
    private readonly List<InspectionCirculation> _circulatedTo = [];

    private Inspection() { }

    public Inspection(Guid id, string reference, InspectionDetails details, DateTimeOffset now)
    {
        Id = id;
        Reference = reference;
        CreatedAt = now;
        Revise(details, now);
    }

    public Guid Id { get; private set; }

    /// <summary>A stable slug, unique across inspections, used by spreadsheets and other systems.</summary>
    public string Reference { get; private set; } = "";

    public Inspectorate Inspectorate { get; private set; }
    public string Title { get; private set; } = "";
    public InspectionType Type { get; private set; }
    public DateOnly? PublishedOn { get; private set; }
    public DateOnly? FieldworkStartedOn { get; private set; }
    public DateOnly? FieldworkEndedOn { get; private set; }
    public PublicationStatus PublicationStatus { get; private set; }
    public string? Link { get; private set; }

    /// <summary>National thematic reports address every force, not only those visited in fieldwork.</summary>
    public bool AllForcesInScope { get; private set; }

    public IReadOnlyList<InspectionForce> ForcesInScope => _forcesInScope;

    /// <summary>
    /// The forces a restricted report was circulated to: only they (with national callers) see it, its
    /// findings and every force's records about them (Data/RestrictedReports.cs). Kept while the report is
    /// published too, so restricting it again restores the circulation the inspectorate recorded.
    /// </summary>
    public IReadOnlyList<InspectionCirculation> CirculatedTo => _circulatedTo;

    public bool IsRestricted => PublicationStatus == PublicationStatus.Restricted;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Revise(InspectionDetails details, DateTimeOffset now)
    {
        if (details.FieldworkStartedOn > details.FieldworkEndedOn)
        {
            throw new DomainRuleException("Fieldwork cannot end before it starts.");
        }

        if (details.AllForcesInScope && details.ForceCodesInScope.Count > 0)
        {
            throw new DomainRuleException("List forces in scope, or mark every force in scope, not both.");
        }

        Inspectorate = details.Inspectorate;
        Title = details.Title;
        Type = details.Type;
        PublishedOn = details.PublishedOn;
        FieldworkStartedOn = details.FieldworkStartedOn;
        FieldworkEndedOn = details.FieldworkEndedOn;
        PublicationStatus = details.PublicationStatus;
        Link = details.Link;
        AllForcesInScope = details.AllForcesInScope;
        _forcesInScope.RemoveAll(f => !details.ForceCodesInScope.Contains(f.ForceCode));
        foreach (var code in details.ForceCodesInScope.Where(c => _forcesInScope.All(f => f.ForceCode != c)))
        {
            _forcesInScope.Add(new InspectionForce(Id, code));
        }

        UpdatedAt = now;
    }

    /// <summary>Replaces the forces the report was circulated to.</summary>
    public void Circulate(IReadOnlyCollection<string> forceCodes, DateTimeOffset now)
    {
        _circulatedTo.RemoveAll(c => !forceCodes.Contains(c.ForceCode));
        foreach (var code in forceCodes.Distinct().Where(c => _circulatedTo.All(f => f.ForceCode != c)))
        {
            _circulatedTo.Add(new InspectionCirculation(Id, code));
        }

        UpdatedAt = now;
    }

    public bool HasInScope(string forceCode) =>
        AllForcesInScope || _forcesInScope.Any(f => f.ForceCode == forceCode);
}

public sealed record InspectionDetails(
    Inspectorate Inspectorate,
    string Title,
    InspectionType Type,
    DateOnly? PublishedOn,
    DateOnly? FieldworkStartedOn,
    DateOnly? FieldworkEndedOn,
    PublicationStatus PublicationStatus,
    string? Link,
    bool AllForcesInScope,
    IReadOnlyCollection<string> ForceCodesInScope);

public sealed class InspectionForce(Guid inspectionId, string forceCode)
{
    public Guid InspectionId { get; private set; } = inspectionId;
    public string ForceCode { get; private set; } = forceCode;
}

/// <summary>A force a restricted report was circulated to.</summary>
public sealed class InspectionCirculation(Guid inspectionId, string forceCode)
{
    public Guid InspectionId { get; private set; } = inspectionId;
    public string ForceCode { get; private set; } = forceCode;
}
