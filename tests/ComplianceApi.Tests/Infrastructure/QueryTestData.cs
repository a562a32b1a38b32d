using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Findings;
using ComplianceApi.Features.Responses;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>
/// One inspection whose findings and responses differ in every way the lists filter and sort on, read
/// as of 7 January 2016 (Lancashire's report to Strategic Scrutiny):
/// <list type="bullet">
/// <item>City of London, Recommendation 8 (due 2 July 2015): in progress, amber since 21 October 2015: overdue, rules say red.</item>
/// <item>Lancashire, Recommendation 8: implemented, green, with the strategy agreed on 31 October 2015 as evidence: rules say green.</item>
/// <item>Bedfordshire, Recommendation 3 (due 30 November 2015): not assessed: overdue, rules say red.</item>
/// <item>Cambridgeshire, Recommendation 3: in progress, re-baselined to 20 January 2016: due within 13 days, rules say amber.</item>
/// <item>Lancashire, Area for improvement 1 (custody, to Lancashire, no due date): in progress, recorded red, rules say amber.</item>
/// </list>
/// </summary>
public sealed record QueryScenario(
    Guid InspectionId,
    FindingView Recommendation8,
    FindingView Recommendation3,
    FindingView AreaForImprovement,
    ForceResponseView CityR8,
    ForceResponseView LancashireR8,
    ForceResponseView BedfordshireR3,
    ForceResponseView CambridgeshireR3,
    ForceResponseView LancashireAfi)
{
    public const string AsOf = "2016-01-07";

    public static async Task<QueryScenario> CreateAsync(ComplianceApiHost host)
    {
        var admin = host.AdminClient();
        var inspection = await admin.CreateInspectionAsync();
        var r8 = await admin.CreateFindingAsync(inspection.Id, FindingTestData.Recommendation());
        var r3 = await admin.CreateFindingAsync(inspection.Id, FindingTestData.ByNovember2015("Recommendation 3"));
        var afi = await admin.CreateFindingAsync(inspection.Id, new FindingRequest("Area for improvement 1", FindingKind.AreaForImprovement,
            "The constabulary should make sure that detainees are handed over with a full record of their risk assessment.",
            BusinessArea.Custody, null, null, [FindingTestData.ToForce(Lancashire)], null));

        var lancashireOwner = Response(Lancashire) with { OwnerName = "Carl Melling", OwnerRole = "Information Assurance Manager" };
        var cityR8 = await admin.CreateResponseAsync(r8.Id);
        await admin.RecordUpdateAsync(cityR8.Id, Update(new DateOnly(2015, 10, 21), ResponseStatus.InProgress, Rag.Amber));
        var lancashireR8 = await admin.CreateResponseAsync(r8.Id, lancashireOwner);
        await admin.RecordUpdateAsync(lancashireR8.Id, Update(new DateOnly(2016, 1, 7), ResponseStatus.Implemented, Rag.Green,
            "A revised Information Management Strategy was agreed at the Strategic Management Board."));
        await admin.AddAcceptedEvidenceAsync(admin, $"/api/v1/responses/{lancashireR8.Id}/evidence", Strategy());
        var bedfordshireR3 = await admin.CreateResponseAsync(r3.Id, Response("bedfordshire") with { EffectiveOn = new DateOnly(2015, 9, 1) });
        var cambridgeshireR3 = await admin.CreateResponseAsync(r3.Id, Response("cambridgeshire"));
        await admin.RecordUpdateAsync(cambridgeshireR3.Id, Update(new DateOnly(2015, 10, 1), ResponseStatus.InProgress, Rag.Amber,
            "The policy review is under way."));
        await (await admin.PostJsonAsync($"/api/v1/responses/{cambridgeshireR3.Id}/target-date-changes",
            new TargetDateChangeRequest(new DateOnly(2016, 1, 20), "The policy board next sits in January.", new DateOnly(2015, 11, 1))))
            .ReadAsync<TargetDateChangeView>(HttpStatusCode.Created);
        var lancashireAfi = await admin.CreateResponseAsync(afi.Id, lancashireOwner);
        await admin.RecordUpdateAsync(lancashireAfi.Id, Update(new DateOnly(2015, 12, 1), ResponseStatus.InProgress, Rag.Red,
            "Custody handover forms are being redesigned."));

        return new QueryScenario(inspection.Id, r8, r3, afi, cityR8, lancashireR8, bedfordshireR3, cambridgeshireR3, lancashireAfi);
    }
}
