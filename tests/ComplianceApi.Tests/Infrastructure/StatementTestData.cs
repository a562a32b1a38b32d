using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Committees;
using ComplianceApi.Features.Findings;
using ComplianceApi.Features.Forces;
using ComplianceApi.Features.Responses;
using ComplianceApi.Features.Statements;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>
/// A force of its own per test (so its counts are exactly what the test built), inspected by "Building the
/// picture", with responses whose histories a summary or a statement reads on 7 January 2016:
/// <list type="bullet">
/// <item>Recommendation 8 (due 2 July 2015): in progress, amber from 21 October 2015: overdue, rules say red.</item>
/// <item>Recommendation 3 (due 30 November 2015): implemented, green from 1 November 2015, with evidence of 31 October 2015.</item>
/// <item>Recommendation 5 (due 30 November 2015): in progress, amber from 1 October 2015: overdue from 1 December.</item>
/// <item>Recommendation 6: not applicable from 1 October 2015.</item>
/// </list>
/// </summary>
public sealed record ForceScenario(
    string ForceCode,
    Guid InspectionId,
    FindingView Recommendation8,
    FindingView Recommendation3,
    FindingView Recommendation5,
    ForceResponseView R8,
    ForceResponseView R3,
    ForceResponseView R5,
    ForceResponseView R6)
{
    public static readonly DateOnly ReportDate = new(2016, 1, 7);

    // National by default: the hosts are shared, and other tests count the 43 territorial forces of the reference data.
    public static async Task<string> NewForceAsync(HttpClient admin, ForceKind kind = ForceKind.National, IReadOnlyList<string>? members = null)
    {
        var code = Unique.Slug("test-force");
        await (await admin.PostJsonAsync("/api/v1/forces", new ForceRequest(code, $"Test force {code}", kind, members)))
            .ReadAsync<ForceView>(HttpStatusCode.Created);
        return code;
    }

    public static async Task<ForceScenario> CreateAsync(ComplianceApiHost host)
    {
        var admin = host.AdminClient();
        var force = await NewForceAsync(admin);
        var inspection = await admin.CreateInspectionAsync(TestData.Inspection(forcesInScope: [force]));
        var r8 = await admin.CreateFindingAsync(inspection.Id, FindingTestData.Recommendation());
        var r3 = await admin.CreateFindingAsync(inspection.Id, FindingTestData.ByNovember2015("Recommendation 3"));
        var r5 = await admin.CreateFindingAsync(inspection.Id, FindingTestData.ByNovember2015("Recommendation 5"));
        var r6 = await admin.CreateFindingAsync(inspection.Id, FindingTestData.ByNovember2015("Recommendation 6"));

        var response8 = await admin.CreateResponseAsync(r8.Id, Response(force));
        await admin.RecordUpdateAsync(response8.Id, Update(new DateOnly(2015, 10, 21), ResponseStatus.InProgress, Rag.Amber));
        var response3 = await admin.CreateResponseAsync(r3.Id, Response(force));
        await admin.RecordUpdateAsync(response3.Id, Update(new DateOnly(2015, 11, 1), ResponseStatus.Implemented, Rag.Green,
            "A revised Information Management Strategy was agreed at the Strategic Management Board."));
        await admin.AddAcceptedEvidenceAsync(admin, $"/api/v1/responses/{response3.Id}/evidence", Strategy());
        var response5 = await admin.CreateResponseAsync(r5.Id, Response(force));
        await admin.RecordUpdateAsync(response5.Id, Update(new DateOnly(2015, 10, 1), ResponseStatus.InProgress, Rag.Amber, "The policy review is under way."));
        var response6 = await admin.CreateResponseAsync(r6.Id, Response(force));
        await admin.RecordUpdateAsync(response6.Id, Update(new DateOnly(2015, 10, 1), ResponseStatus.NotApplicable, null, "Not a matter for this force."));
        return new ForceScenario(force, inspection.Id, r8, r3, r5, response8, response3, response5, response6);
    }

    public async Task<CommitteeView> CreateCommitteeAsync(HttpClient client, string name = "Police Performance and Resource Management Sub Committee") =>
        await (await client.PostJsonAsync("/api/v1/committees", new CommitteeRequest(ForceCode, name, CommitteeBody.PoliceAuthorityCommittee)))
            .ReadAsync<CommitteeView>(HttpStatusCode.Created);

    public static async Task<CommitteeReportView> CreateReportAsync(HttpClient client, Guid committeeId, string reference, DateOnly reportedOn) =>
        await (await client.PostJsonAsync($"/api/v1/committees/{committeeId}/reports", new CommitteeReportRequest(reference, "HMIC inspection update", reportedOn)))
            .ReadAsync<CommitteeReportView>(HttpStatusCode.Created);

    public static async Task<PositionStatementView> IssueAsync(HttpClient client, Guid reportId, DateOnly? asOf = null) =>
        await (await client.PostJsonAsync($"/api/v1/committee-reports/{reportId}/statement", new IssueStatementRequest(asOf)))
            .ReadAsync<PositionStatementView>(HttpStatusCode.Created);
}
