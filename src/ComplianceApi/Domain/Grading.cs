namespace ComplianceApi.Domain;

/// <summary>A graded judgement of one force in one inspection, for a PEEL pillar or the whole report.</summary>
public sealed class Grading
{
    public const string WholeReport = "Overall";

    private Grading() { }

    public Grading(Guid id, Inspection inspection, string forceCode, string area, Grade grade, DateOnly givenOn, DateTimeOffset now)
    {
        if (!inspection.HasInScope(forceCode))
        {
            throw new DomainRuleException($"Force '{forceCode}' is not in the scope of inspection '{inspection.Reference}'.");
        }

        Id = id;
        InspectionId = inspection.Id;
        ForceCode = forceCode;
        Area = area;
        CreatedAt = now;
        Regrade(grade, givenOn, now);
    }

    public Guid Id { get; private set; }
    public Guid InspectionId { get; private set; }
    public string ForceCode { get; private set; } = "";
    public string Area { get; private set; } = WholeReport;
    public Grade Grade { get; private set; }
    public DateOnly GivenOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Regrade(Grade grade, DateOnly givenOn, DateTimeOffset now)
    {
        Grade = grade;
        GivenOn = givenOn;
        UpdatedAt = now;
    }
}
