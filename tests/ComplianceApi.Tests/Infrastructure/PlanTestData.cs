using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.ActionPlans;
using ComplianceApi.Features.Inspections;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>
/// Plans and actions from forces' real responses: Lancashire's to HMIC's "Building the picture" (2015),
/// and Leicestershire's crime data integrity action plan.
/// </summary>
public static class PlanTestData
{
    public static ActionPlanRequest LancashirePlan(Guid? inspectionId, string forceCode = "lancashire") =>
        new(forceCode, "Building the picture: information management action plan", inspectionId, "Head of Information Management",
            "Lancashire's response to HMIC's national thematic inspection of police information management. A Force "
            + "Records Manager will be recruited: the person specification is being finalised and the post will be "
            + "advertised early in the New Year. Two temporary MoPI auditor posts, for six months, are advertised in "
            + "the week commencing 23 November 2015.");

    public static ActionPlanRequest LeicestershirePlan(Guid? inspectionId) =>
        new("leicestershire", "Crime data integrity action plan", inspectionId, "Force Crime Registrar",
            "Leicestershire's plan in answer to HMIC's crime data integrity inspection.");

    public static PlanActionRequest RecruitRecordsManager(params Guid[] findingIds) =>
        new("Recruit a Force Records Manager", "Head of Information Management", "Information Management",
            new DateOnly(2016, 3, 31), ActionStatus.InProgress, null, findingIds);

    public static PlanActionRequest MopiAuditors(params Guid[] findingIds) =>
        new("Two temporary MoPI auditor posts for six months", "MoPI Review Manager", "Information Management",
            new DateOnly(2016, 6, 30), ActionStatus.InProgress, null, findingIds);

    public static PlanActionRequest PeerReview(params Guid[] findingIds) =>
        new("Peer review by Derbyshire's former Force Crime Registrar", "Force Crime Registrar", "Crime Registrar",
            new DateOnly(2015, 12, 31), ActionStatus.Completed, new DateOnly(2015, 11, 27), findingIds);

    /// <summary>A crime data integrity inspection of Leicestershire alone.</summary>
    public static Task<InspectionView> CreateLeicestershireCrimeDataInspectionAsync(this HttpClient admin) =>
        admin.CreateInspectionAsync(TestData.Inspection(Unique.Slug("crime-data-integrity-leicestershire"),
            forcesInScope: ["leicestershire"], type: InspectionType.CrimeDataIntegrity) with
        {
            Title = "Crime data integrity: inspection of Leicestershire Police",
        });

    public static async Task<ActionPlanView> CreatePlanAsync(this HttpClient client, ActionPlanRequest request) =>
        await (await client.PostJsonAsync("/api/v1/action-plans", request)).ReadAsync<ActionPlanView>(HttpStatusCode.Created);

    public static async Task<PlanActionView> CreateActionAsync(this HttpClient client, Guid planId, PlanActionRequest request) =>
        await (await client.PostJsonAsync($"/api/v1/action-plans/{planId}/actions", request)).ReadAsync<PlanActionView>(HttpStatusCode.Created);
}
