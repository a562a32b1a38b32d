using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

/// <summary>
/// The records of the feature tests (HMIC's "Building the picture", City of London's and Lancashire's
/// responses to it), built as a consumer of the package builds them: with the generated request types.
/// </summary>
public static class ClientTestData
{
    public const string CityOfLondon = "city-of-london";
    public const string Lancashire = "lancashire";

    public static InspectionRequest BuildingThePicture() => new()
    {
        Reference = Unique.Slug("building-the-picture-2015"),
        Inspectorate = Inspectorate.Hmic,
        Title = "Building the picture: an inspection of police information management",
        Type = InspectionType.NationalThematic,
        PublishedOn = new DateOnly(2015, 7, 2),
        FieldworkStartedOn = new DateOnly(2014, 5, 1),
        FieldworkEndedOn = new DateOnly(2014, 11, 30),
        PublicationStatus = PublicationStatus.Published,
        Link = "https://www.justiceinspectorates.gov.uk/hmicfrs/publications/building-the-picture/",
        AllForcesInScope = true,
        ForcesInScope = null,
    };

    /// <summary>A crime data integrity inspection of one force.</summary>
    public static InspectionRequest CrimeDataIntegrity(string forceCode) => new()
    {
        Reference = Unique.Slug($"crime-data-integrity-{forceCode}"),
        Inspectorate = Inspectorate.Hmicfrs,
        Title = "Crime data integrity inspection",
        Type = InspectionType.CrimeDataIntegrity,
        PublishedOn = new DateOnly(2018, 6, 28),
        PublicationStatus = PublicationStatus.Published,
        AllForcesInScope = false,
        ForcesInScope = [forceCode],
    };

    /// <summary>Recommendation 8 of "Building the picture", to chief constables, due immediately.</summary>
    public static FindingRequest Recommendation8() => new()
    {
        Reference = "Recommendation 8",
        Kind = FindingKind.Recommendation,
        Text = "Immediately, chief constables should make sure that their force information records are reviewed at the end of the "
            + "review period set for each information grouping, and records created when decisions are made to retain information "
            + "beyond the applicable period of retention.",
        BusinessArea = BusinessArea.InformationManagement,
        DeadlineText = "Immediately",
        DueDate = new DateOnly(2015, 7, 2),
        Addressees = [new AddresseeRequest { Kind = AddresseeKind.ChiefConstables }],
    };

    /// <summary>A recommendation of "Building the picture" due "by November 2015".</summary>
    public static FindingRequest ByNovember2015(string reference) => new()
    {
        Reference = reference,
        Kind = FindingKind.Recommendation,
        Text = "By November 2015, chief constables should make sure that their force information management policies and procedures "
            + "comply with the authorised professional practice on information management.",
        BusinessArea = BusinessArea.InformationManagement,
        DeadlineText = "by November 2015",
        DueDate = new DateOnly(2015, 11, 30),
        Addressees = [new AddresseeRequest { Kind = AddresseeKind.ChiefConstables }],
    };

    public static async Task<Inspection> CreateBuildingThePictureAsync(this GeneratedClients admin) =>
        await admin.Inspections.CreateInspectionAsync(BuildingThePicture(), cancellationToken: Ct);

    /// <summary>A new "Building the picture" with Recommendation 8 in it, which concerns every force.</summary>
    public static async Task<Finding> CreateRecommendation8Async(this GeneratedClients admin) =>
        await admin.Findings.CreateFindingAsync((await admin.CreateBuildingThePictureAsync()).Id, Recommendation8(), cancellationToken: Ct);

    /// <summary>City of London's response to Recommendation 8, as its committee report describes it.</summary>
    public static ForceResponseRequest Response(string forceCode = CityOfLondon) => new()
    {
        ForceCode = forceCode,
        OwnerName = "Detective Superintendent Information Management",
        OwnerRole = "Head of Information Management",
        GovernanceBoard = "Information Management Board, chaired by the Assistant Commissioner",
        Constraints = "Records on NSPIS systems cannot be deleted due to system constraints.",
        TargetDate = new DateOnly(2016, 3, 31),
        NextReviewOn = new DateOnly(2016, 3, 1),
    };

    public static ProgressUpdateRequest Update(
        DateOnly effectiveOn,
        ResponseStatus status,
        Rag? rag = Rag.Amber,
        string narrative = "Compliant across the archive; NSPIS records cannot be deleted due to system constraints.",
        string? signedOffBy = null) => new()
    {
        EffectiveOn = effectiveOn,
        Status = status,
        Rag = rag,
        Narrative = narrative,
        Author = "Information Management Unit",
        SignedOffBy = signedOffBy,
    };

    /// <summary>
    /// Takes a response through implementation to closure: these clients put it forward on 21 October 2015 and
    /// <paramref name="signatory"/>'s, another identity with an admin role for the force, sign it off today.
    /// </summary>
    public static async Task CloseAsync(this IResponsesClient responses, Guid responseId, IResponsesClient signatory)
    {
        await responses.RecordProgressUpdateAsync(responseId, Update(new DateOnly(2015, 9, 1), ResponseStatus.Implemented, Rag.Green), cancellationToken: Ct);
        await responses.RecordProgressUpdateAsync(responseId, Update(new DateOnly(2015, 10, 21), ResponseStatus.Closed, Rag.Green,
            "Implemented and reported to the Information Management Board.", signedOffBy: "Assistant Commissioner"), cancellationToken: Ct);
        await signatory.SignOffForceResponseAsync(responseId, cancellationToken: Ct);
    }

    public static ActionPlanRequest LancashirePlan(Guid? inspectionId) => new()
    {
        ForceCode = Lancashire,
        Title = "Building the picture: information management action plan",
        InspectionId = inspectionId,
        OwnerName = "Head of Information Management",
        Description = "Lancashire's response to HMIC's national thematic inspection of police information management.",
    };

    public static PlanActionRequest RecruitRecordsManager(params Guid[] findingIds) => new()
    {
        Title = "Recruit a Force Records Manager",
        OwnerName = "Head of Information Management",
        OwnerRole = "Information Management",
        DueOn = new DateOnly(2016, 3, 31),
        Status = ActionStatus.InProgress,
        CompletedOn = null,
        FindingIds = findingIds,
    };

    /// <summary>Lancashire's evidence: the Information Management Strategy its Strategic Management Board agreed.</summary>
    public static EvidenceRequest Strategy() => new()
    {
        Title = "Information Management Strategy",
        Kind = EvidenceKind.Minutes,
        Reference = "SMB minutes 31/10/2015, item 4",
        Url = null,
        Date = new DateOnly(2015, 10, 31),
        Description = "The Information Management Strategy agreed at the Strategic Management Board on 31 October 2015.",
    };
}
