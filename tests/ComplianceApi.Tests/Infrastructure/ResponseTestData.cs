using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Evidence;
using ComplianceApi.Features.Responses;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>A finding the tests respond to, written straight into the database.</summary>
public sealed record TestFinding(Guid Id, Guid InspectionId, string Reference);

/// <summary>
/// Responses, updates and evidence from City of London's and Lancashire's committee papers, created
/// through the API. Actions are written straight into the database with the domain types.
/// </summary>
public static class ResponseTestData
{
    public const string CityOfLondon = "city-of-london";
    public const string Lancashire = "lancashire";

    /// <summary>A new "Building the picture" inspection (through the API) with one finding for chief constables in it.</summary>
    public static async Task<TestFinding> CreateFindingAsync(this ComplianceApiHost host, string reference = "Recommendation 8")
    {
        var inspection = await host.AdminClient().CreateInspectionAsync();
        return await host.CreateFindingAsync(inspection.Id, reference);
    }

    /// <summary>A finding in an existing inspection, addressed to chief constables, or to one force when forceCode is given.</summary>
    public static async Task<TestFinding> CreateFindingAsync(this ComplianceApiHost host, Guid inspectionId, string reference, string? forceCode = null)
    {
        var request = FindingTestData.Recommendation(reference,
            addressees: [forceCode is null ? FindingTestData.ChiefConstables : FindingTestData.ToForce(forceCode)]);
        var finding = await host.AdminClient().CreateFindingAsync(inspectionId, request);
        return new TestFinding(finding.Id, inspectionId, reference);
    }

    /// <summary>An action in a new action plan of a force, serving the given finding.</summary>
    public static async Task<Guid> CreateActionAsync(this ComplianceApiHost host, string forceCode, TestFinding finding)
    {
        var id = Guid.CreateVersion7();
        await host.WithDatabaseAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var served = await db.Findings.SingleAsync(f => f.Id == finding.Id, TestContext.Current.CancellationToken);
            var plan = new ActionPlan(Guid.CreateVersion7(), forceCode,
                new ActionPlanDetails("Building the picture action plan", finding.InspectionId, "Head of Information Management", null), now);
            var action = new PlanAction(id, plan,
                new PlanActionDetails("Agree an Information Management Strategy", "Head of Information Management", "SIRO",
                    new DateOnly(2015, 11, 30), ActionStatus.InProgress, null),
                [served], now);
            db.ActionPlans.Add(plan);
            db.PlanActions.Add(action);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        return id;
    }

    /// <summary>City of London's response to Recommendation 8, as its committee report describes it.</summary>
    public static ForceResponseRequest Response(string forceCode = CityOfLondon) => new(
        forceCode,
        "Detective Superintendent Information Management",
        "Head of Information Management",
        "Information Management Board, chaired by the Assistant Commissioner",
        "Records on NSPIS systems cannot be deleted due to system constraints.",
        new DateOnly(2016, 3, 31),
        new DateOnly(2016, 3, 1));

    public static async Task<ForceResponseView> CreateResponseAsync(this HttpClient client, Guid findingId, ForceResponseRequest? request = null) =>
        await (await client.PostJsonAsync($"/api/v1/findings/{findingId}/responses", request ?? Response()))
            .ReadAsync<ForceResponseView>(HttpStatusCode.Created);

    public static ProgressUpdateRequest Update(
        DateOnly effectiveOn,
        ResponseStatus status,
        Rag? rag = Rag.Amber,
        string narrative = "Compliant across the archive; NSPIS records cannot be deleted due to system constraints.",
        string? signedOffBy = null,
        Guid? supersededByFindingId = null) =>
        new(effectiveOn, status, rag, narrative, "Information Management Unit", signedOffBy, supersededByFindingId);

    public static async Task<ProgressUpdateView> RecordUpdateAsync(this HttpClient client, Guid responseId, ProgressUpdateRequest request) =>
        await (await client.PostJsonAsync($"/api/v1/responses/{responseId}/updates", request)).ReadAsync<ProgressUpdateView>(HttpStatusCode.Created);

    /// <summary>
    /// Takes a response through implementation to closure: the client puts it forward on 21 October 2015, and
    /// <paramref name="signatory"/>, another identity with an admin role for the force, signs it off today.
    /// </summary>
    public static async Task CloseAsync(this HttpClient client, Guid responseId, HttpClient signatory)
    {
        await client.RecordUpdateAsync(responseId, Update(new DateOnly(2015, 9, 1), ResponseStatus.Implemented, Rag.Green));
        await client.RecordUpdateAsync(responseId, Update(new DateOnly(2015, 10, 21), ResponseStatus.Closed, Rag.Green,
            "Implemented and reported to the Information Management Board.", signedOffBy: "Assistant Commissioner"));
        await (await signatory.PostAsync($"/api/v1/responses/{responseId}/sign-off", null, TestContext.Current.CancellationToken))
            .ReadAsync<ProgressUpdateView>(HttpStatusCode.Created);
    }

    /// <summary>Lancashire's evidence: the Information Management Strategy its Strategic Management Board agreed.</summary>
    public static EvidenceRequest Strategy() => new(
        "Information Management Strategy",
        EvidenceKind.Minutes,
        "SMB minutes 31/10/2015, item 4",
        null,
        new DateOnly(2015, 10, 31),
        "The Information Management Strategy agreed at the Strategic Management Board on 31 October 2015.");

    /// <summary>City of London's evidence: the minutes of the board that watches its response.</summary>
    public static EvidenceRequest BoardMinutes() => new(
        "Information Management Board minutes",
        EvidenceKind.Minutes,
        "IMB 2015/10, minute 6",
        null,
        new DateOnly(2015, 10, 21),
        "The board, chaired by the Assistant Commissioner, noted compliance across the archive and that NSPIS records cannot be deleted.");

    public static async Task<EvidenceView> AddEvidenceAsync(this HttpClient client, string url, EvidenceRequest? request = null) =>
        await (await client.PostJsonAsync(url, request ?? Strategy())).ReadAsync<EvidenceView>(HttpStatusCode.Created);

    /// <summary>Evidence added and then accepted by <paramref name="reviewer"/> (an admin): only accepted evidence counts towards a rule-based green.</summary>
    public static async Task<EvidenceView> AddAcceptedEvidenceAsync(this HttpClient client, HttpClient reviewer, string url, EvidenceRequest? request = null, DateOnly? expiresOn = null)
    {
        var added = await client.AddEvidenceAsync(url, request);
        return await reviewer.AcceptEvidenceAsync(added.Id, expiresOn);
    }

    public static async Task<EvidenceView> AcceptEvidenceAsync(this HttpClient reviewer, Guid evidenceId, DateOnly? expiresOn = null) =>
        await (await reviewer.PostJsonAsync($"/api/v1/evidence/{evidenceId}/accept", new EvidenceAcceptance("Shows the board agreed it.", expiresOn)))
            .ReadAsync<EvidenceView>();
}
