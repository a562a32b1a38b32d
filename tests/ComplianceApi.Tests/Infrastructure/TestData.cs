using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Inspections;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>Records the tests build on, created through the API as a client would.</summary>
public static class TestData
{
    public static InspectionRequest Inspection(
        string? reference = null,
        bool allForcesInScope = true,
        IReadOnlyList<string>? forcesInScope = null,
        InspectionType type = InspectionType.NationalThematic) =>
        new(reference ?? Unique.Slug("building-the-picture"), Inspectorate.Hmic,
            "Building the picture: an inspection of police information management", type,
            new DateOnly(2015, 7, 2), new DateOnly(2014, 5, 1), new DateOnly(2014, 11, 30), PublicationStatus.Published,
            "https://www.justiceinspectorates.gov.uk/hmicfrs/publications/building-the-picture/",
            forcesInScope is null && allForcesInScope, forcesInScope);

    public static async Task<InspectionView> CreateInspectionAsync(this HttpClient admin, InspectionRequest? request = null) =>
        await (await admin.PostJsonAsync("/api/v1/inspections", request ?? Inspection())).ReadAsync<InspectionView>(HttpStatusCode.Created);
}
