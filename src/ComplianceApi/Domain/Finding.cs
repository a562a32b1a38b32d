namespace ComplianceApi.Domain;

/// <summary>A recommendation, area for improvement, cause of concern or point of note in a report.</summary>
public sealed class Finding
{
    private readonly List<FindingAddressee> _addressees = [];

    private Finding() { }

    public Finding(Guid id, Inspection inspection, string reference, FindingDetails details, DateTimeOffset now, Finding? causeOfConcern = null)
    {
        Id = id;
        InspectionId = inspection.Id;
        Inspection = inspection;
        Reference = reference;
        CreatedAt = now;
        Revise(details, now, causeOfConcern);
    }

    public Guid Id { get; private set; }
    public Guid InspectionId { get; private set; }
    public Inspection Inspection { get; private set; } = null!;

    /// <summary>The reference as printed in the report, such as "Recommendation 8"; unique within it.</summary>
    public string Reference { get; private set; } = "";

    public FindingKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public BusinessArea BusinessArea { get; private set; }

    /// <summary>The deadline exactly as the report wrote it ("Immediately", "by November 2015").</summary>
    public string? DeadlineText { get; private set; }

    /// <summary>The date the deadline resolves to, or the one the caller gave (see <see cref="DeadlineKind"/>).</summary>
    public DateOnly? DueDate { get; private set; }

    public DeadlineKind DeadlineKind { get; private set; }
    public DeadlinePrecision? DeadlinePrecision { get; private set; }

    public Deadline Deadline => new(DeadlineText, DeadlineKind, DueDate, DeadlinePrecision);

    /// <summary>For a recommendation: the cause of concern in the same report that it answers.</summary>
    public Guid? CauseOfConcernId { get; private set; }

    public IReadOnlyList<FindingAddressee> Addressees => _addressees;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The national tags, as <see cref="Domain.Tags.Text"/>: national records, so set by national admins.</summary>
    public string TagText { get; private set; } = "";

    /// <summary>The same tags folded for filters (<see cref="Domain.Tags.Keys"/>).</summary>
    public string TagKeys { get; private set; } = "";

    /// <summary>Replaces the finding's tags; true when that changed them.</summary>
    public bool Retag(Tags tags, DateTimeOffset now)
    {
        if (tags.SameAs(Tags.Stored(TagText)))
        {
            return false;
        }

        TagText = tags.Text;
        TagKeys = tags.Keys;
        UpdatedAt = now;
        return true;
    }

    public void Revise(FindingDetails details, DateTimeOffset now, Finding? causeOfConcern = null)
    {
        if (details.Addressees.Count == 0)
        {
            throw new DomainRuleException("A finding is addressed to someone: give at least one addressee.");
        }

        if (details.Addressees.Any(a => a.Kind == AddresseeKind.Force != (a.ForceCode is not null)))
        {
            throw new DomainRuleException("A force addressee names its force, and only a force addressee does.");
        }

        if (causeOfConcern is not null)
        {
            if (details.Kind != FindingKind.Recommendation)
            {
                throw new DomainRuleException("Only a recommendation answers a cause of concern.");
            }

            if (causeOfConcern.Id == Id || causeOfConcern.Kind != FindingKind.CauseOfConcern || causeOfConcern.InspectionId != InspectionId)
            {
                throw new DomainRuleException(
                    $"{causeOfConcern.Reference} is not a cause of concern in the same inspection.");
            }
        }

        // Resolved before anything changes, so words that cannot be resolved leave the finding as it was.
        var deadline = Deadline.Record(details.DeadlineText, details.SuppliedDueDate, Inspection.PublishedOn);
        Kind = details.Kind;
        Text = details.Text;
        BusinessArea = details.BusinessArea;
        Apply(deadline);
        CauseOfConcernId = causeOfConcern?.Id;
        _addressees.Clear();
        _addressees.AddRange(details.Addressees.Distinct().Select(a => new FindingAddressee(Id, a.Kind, a.ForceCode, a.Name)));
        UpdatedAt = now;
    }

    /// <summary>
    /// Called when the inspection's publication date has been corrected: deadlines counted from it
    /// ("Immediately", "within six months") move with it; fixed and explicit ones stay.
    /// </summary>
    public void FollowPublicationDate(DateTimeOffset now)
    {
        if (!Deadline.CountsFromPublication)
        {
            return;
        }

        if (Inspection.PublishedOn is null)
        {
            throw new DomainRuleException(
                $"{Reference}'s deadline \"{DeadlineText}\" counts from the report's publication date, which cannot be removed "
                + "while it does; give that finding an explicit due date first.");
        }

        var moved = Deadline.FollowingPublication(Inspection.PublishedOn);
        if (moved != Deadline)
        {
            Apply(moved);
            UpdatedAt = now;
        }
    }

    private void Apply(Deadline deadline)
    {
        DeadlineText = deadline.Text;
        DeadlineKind = deadline.Kind;
        DueDate = deadline.DueDate;
        DeadlinePrecision = deadline.Precision;
    }

    /// <summary>
    /// Findings to chief constables concern every force in the inspection's scope; findings to a named
    /// force concern that force. Only concerned forces keep a response.
    /// </summary>
    public bool Concerns(string forceCode) =>
        _addressees.Any(a =>
            (a.Kind == AddresseeKind.ChiefConstables && Inspection.HasInScope(forceCode))
            || (a.Kind == AddresseeKind.Force && a.ForceCode == forceCode));
}

public sealed record FindingDetails(
    FindingKind Kind,
    string Text,
    BusinessArea BusinessArea,
    string? DeadlineText,
    DateOnly? SuppliedDueDate,
    IReadOnlyCollection<Addressee> Addressees);

public sealed record Addressee(AddresseeKind Kind, string? ForceCode, string? Name);

public sealed class FindingAddressee
{
    private FindingAddressee() { }

    public FindingAddressee(Guid findingId, AddresseeKind kind, string? forceCode, string? name)
    {
        Id = Guid.CreateVersion7();
        FindingId = findingId;
        Kind = kind;
        ForceCode = forceCode;
        Name = name;
    }

    public Guid Id { get; private set; }
    public Guid FindingId { get; private set; }
    public AddresseeKind Kind { get; private set; }
    public string? ForceCode { get; private set; }

    /// <summary>Who exactly, where the kind alone does not say: "NPCC lead for information management".</summary>
    public string? Name { get; private set; }
}
