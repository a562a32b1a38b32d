namespace ComplianceApi.Domain;

/// <summary>Who answers for a force under Police Act 1996 s55: the local policing body.</summary>
public enum LocalPolicingBodyKind
{
    PoliceAndCrimeCommissioner,
    PoliceFireAndCrimeCommissioner,
    MayorsOfficeForPolicingAndCrime,
    CommonCouncil,
    Mayor,
    Other,
}

/// <summary>What a local policing body says of one recommendation: action taken, action to be taken, or none (and why).</summary>
public enum RecommendationAction { Taken, ToBeTaken, None }

/// <summary>A force's local policing body: its kind and its name as it signs its response.</summary>
public sealed record LocalPolicingBody(LocalPolicingBodyKind Kind, string Name)
{
    // Mayors who took on the commissioner's functions, and the day they did; before it, the area had a PCC.
    private static readonly Dictionary<string, (DateOnly From, string Name)> Mayors = new()
    {
        ["greater-manchester"] = (new DateOnly(2017, 5, 8), "Mayor of Greater Manchester"),
        ["west-yorkshire"] = (new DateOnly(2021, 5, 10), "Mayor of West Yorkshire"),
        ["south-yorkshire"] = (new DateOnly(2024, 5, 7), "Mayor of South Yorkshire"),
        ["north-yorkshire"] = (new DateOnly(2024, 5, 7), "Mayor of York and North Yorkshire"),
    };

    /// <summary>
    /// The body a territorial force answers through on the day a report was published: MOPAC for the
    /// Metropolitan Police, the Common Council for the City of London, a mayor where one holds the
    /// commissioner's functions, otherwise the area's police and crime commissioner. Null for national forces
    /// and collaborations, which have no s55 body; the caller names one when it records a response.
    /// </summary>
    public static LocalPolicingBody? DefaultFor(Force force, DateOnly on)
    {
        if (force.Kind != ForceKind.Territorial)
        {
            return null;
        }

        return force.Code switch
        {
            "metropolitan" => new(LocalPolicingBodyKind.MayorsOfficeForPolicingAndCrime, "Mayor's Office for Policing and Crime"),
            "city-of-london" => new(LocalPolicingBodyKind.CommonCouncil, "Common Council of the City of London"),
            _ when Mayors.TryGetValue(force.Code, out var mayor) && on >= mayor.From => new(LocalPolicingBodyKind.Mayor, mayor.Name),
            _ => new(LocalPolicingBodyKind.PoliceAndCrimeCommissioner, $"Police and Crime Commissioner for {AreaOf(force.Name)}"),
        };
    }

    private static string AreaOf(string forceName)
    {
        foreach (var suffix in new[] { " Police Service", " Constabulary", " Police" })
        {
            if (forceName.EndsWith(suffix, StringComparison.Ordinal))
            {
                return forceName[..^suffix.Length];
            }
        }

        return forceName;
    }
}

/// <summary>
/// Police Act 1996 s55(5): the body publishes its comments "within the period of 56 days beginning with the
/// day on which the report is published", so publication day is day 1 and day 56 is the last day on time.
/// </summary>
public readonly record struct PublicationDeadline(DateOnly ReportPublishedOn)
{
    public const int Days = 56;

    /// <summary>The last day a response may be published on time.</summary>
    public DateOnly DueOn => ReportPublishedOn.AddDays(Days - 1);

    /// <summary>Which day of the period a date is: the report's publication day is day 1.</summary>
    public int DayOf(DateOnly date) => date.DayNumber - ReportPublishedOn.DayNumber + 1;

    public bool IsOnTime(DateOnly publishedOn) => publishedOn <= DueOn;

    /// <summary>Days from <paramref name="today"/> to the last day on time: 0 on it, negative once it has passed.</summary>
    public int DaysLeft(DateOnly today) => DueOn.DayNumber - today.DayNumber;
}

/// <summary>
/// A local policing body's response to an inspectorate report on its force (Police Act 1996 s55, as amended
/// in 2017): the chief officer's comments it asked for, and its own, published within 56 days of the report.
/// </summary>
public sealed class ReportResponse
{
    private readonly List<RecommendationResponse> _recommendations = [];

    private ReportResponse() { }

    public ReportResponse(Guid id, Inspection inspection, Force force, ReportResponseDetails details, IReadOnlyCollection<Finding> recommendations, DateTimeOffset now)
    {
        if (inspection.PublicationStatus != PublicationStatus.Published || inspection.PublishedOn is null)
        {
            throw new DomainRuleException(
                $"Inspection '{inspection.Reference}' has not been published, so no local policing body has to respond to it under s55.");
        }

        if (!inspection.HasInScope(force.Code))
        {
            throw new DomainRuleException($"Force '{force.Code}' is not in the scope of inspection '{inspection.Reference}'.");
        }

        Id = id;
        InspectionId = inspection.Id;
        ForceCode = force.Code;
        CreatedAt = now;
        FollowPublication(inspection, now);
        Revise(details, force, recommendations, now);
    }

    public Guid Id { get; private set; }
    public Guid InspectionId { get; private set; }
    public string ForceCode { get; private set; } = "";
    public LocalPolicingBodyKind BodyKind { get; private set; }
    public string BodyName { get; private set; } = "";

    /// <summary>The report's publication date, kept with the response so its deadline is a column lists filter on.</summary>
    public DateOnly ReportPublishedOn { get; private set; }

    /// <summary>The last day the body's response is on time (<see cref="PublicationDeadline"/>).</summary>
    public DateOnly PublicationDueOn { get; private set; }

    public DateOnly? CommentsRequestedOn { get; private set; }
    public DateOnly? CommentsDueOn { get; private set; }
    public DateOnly? CommentsReceivedOn { get; private set; }
    public DateOnly? PublishedOn { get; private set; }

    /// <summary>Where the response was published: its address, or the meeting or publication it appeared in.</summary>
    public string? PublishedAt { get; private set; }

    public IReadOnlyList<RecommendationResponse> Recommendations => _recommendations;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public PublicationDeadline Deadline => new(ReportPublishedOn);

    /// <summary>Records the response's details; with no body named, the force's default body on the report's publication day.</summary>
    public void Revise(ReportResponseDetails details, Force force, IReadOnlyCollection<Finding> recommendations, DateTimeOffset now)
    {
        var body = details.Body ?? LocalPolicingBody.DefaultFor(force, ReportPublishedOn)
            ?? throw new DomainRuleException(
                $"Force '{force.Code}' is a {force.Kind.ToString().ToLowerInvariant()} force with no s55 local policing body by default; name the body that responds.");

        if (details.CommentsDueOn < details.CommentsRequestedOn)
        {
            throw new DomainRuleException("The chief officer's comments cannot be due before they were asked for.");
        }

        if (details.CommentsReceivedOn < details.CommentsRequestedOn)
        {
            throw new DomainRuleException("The chief officer's comments cannot have come before they were asked for.");
        }

        if (details.PublishedOn < ReportPublishedOn)
        {
            throw new DomainRuleException($"The response cannot be published before the report was ({ReportPublishedOn:yyyy-MM-dd}).");
        }

        if (details.PublishedOn is null && details.PublishedAt is not null)
        {
            throw new DomainRuleException("Say when the response was published as well as where.");
        }

        foreach (var recommendation in recommendations)
        {
            if (recommendation.InspectionId != InspectionId || recommendation.Kind != FindingKind.Recommendation || !recommendation.Concerns(ForceCode))
            {
                throw new DomainRuleException($"{recommendation.Reference} is not a recommendation of this report that concerns force '{ForceCode}'.");
            }
        }

        if (details.Recommendations.GroupBy(r => r.FindingId).Any(g => g.Count() > 1))
        {
            throw new DomainRuleException("Answer each recommendation once.");
        }

        BodyKind = body.Kind;
        BodyName = body.Name;
        CommentsRequestedOn = details.CommentsRequestedOn;
        CommentsDueOn = details.CommentsDueOn;
        CommentsReceivedOn = details.CommentsReceivedOn;
        PublishedOn = details.PublishedOn;
        PublishedAt = details.PublishedAt;
        _recommendations.RemoveAll(r => details.Recommendations.All(d => d.FindingId != r.FindingId));
        foreach (var answer in details.Recommendations)
        {
            if (_recommendations.Find(r => r.FindingId == answer.FindingId) is { } kept)
            {
                kept.Revise(answer.Action, answer.Explanation);
            }
            else
            {
                _recommendations.Add(new RecommendationResponse(Id, answer.FindingId, answer.Action, answer.Explanation));
            }
        }

        UpdatedAt = now;
    }

    /// <summary>Called when the report's publication date is recorded or corrected: the deadline moves with it.</summary>
    public void FollowPublication(Inspection inspection, DateTimeOffset now)
    {
        if (inspection.PublishedOn is not { } published)
        {
            throw new DomainRuleException(
                $"Inspection '{inspection.Reference}' has local policing bodies' responses whose deadline counts from its publication date, which therefore cannot be removed.");
        }

        if (published != ReportPublishedOn)
        {
            ReportPublishedOn = published;
            PublicationDueOn = new PublicationDeadline(published).DueOn;
            UpdatedAt = now;
        }
    }
}

public sealed record ReportResponseDetails(
    LocalPolicingBody? Body,
    DateOnly? CommentsRequestedOn,
    DateOnly? CommentsDueOn,
    DateOnly? CommentsReceivedOn,
    DateOnly? PublishedOn,
    string? PublishedAt,
    IReadOnlyCollection<RecommendationAnswer> Recommendations);

public sealed record RecommendationAnswer(Guid FindingId, RecommendationAction Action, string Explanation);

/// <summary>What the body says has been or will be done about one recommendation, or why nothing will.</summary>
public sealed class RecommendationResponse
{
    private RecommendationResponse() { }

    public RecommendationResponse(Guid reportResponseId, Guid findingId, RecommendationAction action, string explanation)
    {
        Id = Guid.CreateVersion7();
        ReportResponseId = reportResponseId;
        FindingId = findingId;
        Revise(action, explanation);
    }

    public Guid Id { get; private set; }
    public Guid ReportResponseId { get; private set; }
    public Guid FindingId { get; private set; }
    public Finding Finding { get; private set; } = null!;
    public RecommendationAction Action { get; private set; }
    public string Explanation { get; private set; } = "";

    public void Revise(RecommendationAction action, string explanation)
    {
        Action = action;
        Explanation = explanation;
    }
}
