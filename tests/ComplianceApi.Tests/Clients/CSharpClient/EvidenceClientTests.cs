using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class EvidenceClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Evidence_is_recorded_on_a_response_and_on_an_action_and_listed_by_each(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var lancashire = await admin.IssueKeyAsync(ApiKeyRole.Editor, Lancashire);
        var finding = await admin.CreateRecommendation8Async();
        var response = await lancashire.Responses.CreateForceResponseAsync(finding.Id, Response(Lancashire), cancellationToken: Ct);
        var plan = await lancashire.ActionPlans.CreateActionPlanAsync(LancashirePlan(finding.InspectionId), cancellationToken: Ct);
        var action = await lancashire.ActionPlans.CreatePlanActionAsync(plan.Id, RecruitRecordsManager(finding.Id), cancellationToken: Ct);

        var minutes = await lancashire.Evidence.AddResponseEvidenceAsync(response.Id, Strategy(), cancellationToken: Ct);
        var policy = await lancashire.Evidence.AddActionEvidenceAsync(action.Id, new EvidenceRequest
        {
            Title = "Information Management Strategy",
            Kind = EvidenceKind.Link,
            Reference = null,
            Url = "https://www.lancashire.police.uk/about-us/our-policies/information-management-strategy/",
            Date = null,
            Description = null,
        }, cancellationToken: Ct);

        var readMinutes = await lancashire.Evidence.GetEvidenceAsync(minutes.Id, cancellationToken: Ct);
        Assert.Equal((response.Id, null, Lancashire), (readMinutes.ResponseId, readMinutes.ActionId, readMinutes.ForceCode));
        Assert.Equal((EvidenceKind.Minutes, "SMB minutes 31/10/2015, item 4", new DateOnly(2015, 10, 31)),
            (readMinutes.Kind, readMinutes.Reference, readMinutes.Date));
        Assert.Null(readMinutes.Url);
        var readPolicy = await lancashire.Evidence.GetEvidenceAsync(policy.Id, cancellationToken: Ct);
        Assert.Equal((null, action.Id, EvidenceKind.Link), (readPolicy.ResponseId, readPolicy.ActionId, readPolicy.Kind));
        Assert.Equal((null, null, null), (readPolicy.Reference, readPolicy.Date, readPolicy.Description));
        Assert.StartsWith("https://www.lancashire.police.uk/", readPolicy.Url);

        Assert.Equal([minutes.Id], (await lancashire.Evidence.ListEvidenceAsync(responseId: response.Id, cancellationToken: Ct)).Items.Select(e => e.Id));
        Assert.Equal([policy.Id], (await lancashire.Evidence.ListEvidenceAsync(actionId: action.Id, cancellationToken: Ct)).Items.Select(e => e.Id));
        Assert.Empty((await lancashire.Evidence.ListEvidenceAsync(responseId: response.Id, kind: EvidenceKind.Link, cancellationToken: Ct)).Items);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Correcting_evidence_replaces_its_details(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var city = await admin.IssueKeyAsync(ApiKeyRole.Editor, CityOfLondon);
        var response = await city.Responses.CreateForceResponseAsync((await admin.CreateRecommendation8Async()).Id, Response(), cancellationToken: Ct);
        var evidence = await city.Evidence.AddResponseEvidenceAsync(response.Id, Strategy(), cancellationToken: Ct);

        var correction = Strategy();
        correction.Title = "Information Management Board minutes";
        correction.Kind = EvidenceKind.AuditReport;
        correction.Date = null;
        var corrected = await city.Evidence.UpdateEvidenceAsync(evidence.Id, correction, cancellationToken: Ct);

        Assert.Equal(("Information Management Board minutes", EvidenceKind.AuditReport), (corrected.Title, corrected.Kind));
        var read = await city.Evidence.GetEvidenceAsync(evidence.Id, cancellationToken: Ct);
        Assert.Null(read.Date);
        Assert.Equal(response.Id, read.ResponseId);
    }
}
