using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Findings;
using ComplianceApi.Features.Gradings;
using ComplianceApi.Features.Inspections;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>Findings and gradings the tests build on, from real reports, created through the API as a client would.</summary>
public static class FindingTestData
{
    /// <summary>HMIC, "Building the picture" (2 July 2015), recommendation 8.</summary>
    public const string Recommendation8Text =
        "Immediately, chief constables should make sure that their force information records are reviewed at the end of the "
        + "review period set for each information grouping, and records created when decisions are made to retain information "
        + "beyond the applicable period of retention.";

    public const string ByNovember2015Text =
        "By November 2015, chief constables should make sure that their force information management policies and procedures "
        + "comply with the authorised professional practice on information management.";

    public static readonly AddresseeRequest ChiefConstables = new(AddresseeKind.ChiefConstables, null, null);

    public static AddresseeRequest ToForce(string forceCode) => new(AddresseeKind.Force, forceCode, null);

    /// <summary>Recommendation 8 of "Building the picture", to chief constables, due immediately.</summary>
    public static FindingRequest Recommendation(
        string reference = "Recommendation 8",
        string text = Recommendation8Text,
        string? deadlineText = "Immediately",
        DateOnly? dueDate = null,
        IReadOnlyList<AddresseeRequest>? addressees = null,
        Guid? causeOfConcernId = null) =>
        new(reference, FindingKind.Recommendation, text, BusinessArea.InformationManagement, deadlineText,
            dueDate ?? new DateOnly(2015, 7, 2), addressees ?? [ChiefConstables], causeOfConcernId);

    /// <summary>A recommendation of "Building the picture" due "by November 2015".</summary>
    public static FindingRequest ByNovember2015(string reference) =>
        Recommendation(reference, ByNovember2015Text, "by November 2015", new DateOnly(2015, 11, 30));

    /// <summary>A crime data integrity inspection's cause of concern, addressed to the force inspected.</summary>
    public static FindingRequest CauseOfConcern(string forceCode, string reference = "Cause of concern 1") =>
        new(reference, FindingKind.CauseOfConcern,
            "The force's arrangements for recording reports of crime are not effective: an estimated one in four crimes "
            + "reported to it are not recorded, including reports of violence and sexual offences.",
            BusinessArea.CrimeDataIntegrity, null, null, [ToForce(forceCode)], null);

    /// <summary>The recommendation that answers a crime data integrity cause of concern.</summary>
    public static FindingRequest AnsweringRecommendation(string forceCode, Guid causeOfConcernId, string reference = "Recommendation 1") =>
        new(reference, FindingKind.Recommendation,
            "Within three months, the force should put in place an action plan to make sure that crimes reported to it are "
            + "recorded at the first point of contact, in line with the Home Office counting rules.",
            BusinessArea.CrimeDataIntegrity, "Within three months", null, [ToForce(forceCode)], causeOfConcernId);

    /// <summary>HMIC, "Building the picture": every force in scope.</summary>
    public static InspectionRequest BuildingThePicture() => TestData.Inspection(Unique.Slug("building-the-picture-2015"));

    /// <summary>A crime data integrity inspection of one force.</summary>
    public static InspectionRequest CrimeDataIntegrity(string forceCode) =>
        TestData.Inspection(Unique.Slug($"crime-data-integrity-{forceCode}"), forcesInScope: [forceCode], type: InspectionType.CrimeDataIntegrity)
            with { Title = "Crime data integrity inspection", Inspectorate = Inspectorate.Hmicfrs, PublishedOn = new DateOnly(2018, 6, 28) };

    public static async Task<FindingView> CreateFindingAsync(this HttpClient admin, Guid inspectionId, FindingRequest? request = null) =>
        await (await admin.PostJsonAsync($"/api/v1/inspections/{inspectionId}/findings", request ?? Recommendation()))
            .ReadAsync<FindingView>(HttpStatusCode.Created);

    public static GradingRequest Grading(string forceCode, Grade grade, string? area = null, DateOnly? givenOn = null) =>
        new(forceCode, area, grade, givenOn ?? new DateOnly(2018, 6, 28));

    public static async Task<GradingView> CreateGradingAsync(this HttpClient admin, Guid inspectionId, GradingRequest request) =>
        await (await admin.PostJsonAsync($"/api/v1/inspections/{inspectionId}/gradings", request)).ReadAsync<GradingView>(HttpStatusCode.Created);
}
