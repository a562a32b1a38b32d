using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class RestrictedReportsClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_restricted_report_circulated_to_one_force_is_read_by_it_is_not_found_by_another_and_each_read_is_audited(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var request = CrimeDataIntegrity(Lancashire);
        request.Title = "Real lives, real crime";
        request.PublicationStatus = PublicationStatus.Restricted;
        var created = await admin.Inspections.CreateInspectionAsync(request, cancellationToken: Ct);
        var report = await admin.Inspections.CirculateInspectionAsync(created.Id, new CirculationRequest { ForceCodes = [Lancashire] }, cancellationToken: Ct);
        var issued = await admin.ApiKeys.CreateApiKeyAsync(new ApiKeyRequest { ClientName = "C# client test, Lancashire's restricted reports", Role = ApiKeyRole.Reader, ForceCode = Lancashire }, cancellationToken: Ct);
        var lancashire = admin.WithKey(issued.Secret);
        var kent = await admin.IssueKeyAsync(ApiKeyRole.Reader, "kent");

        var read = await lancashire.Inspections.GetInspectionAsync(report.Id, Ct);
        var missing = await Assert.ThrowsAsync<ComplianceApiException<ProblemDetails>>(() => kent.Inspections.GetInspectionAsync(report.Id, Ct));
        var listed = await kent.Inspections.ListInspectionsAsync(publicationStatus: PublicationStatus.Restricted, forceCode: Lancashire, limit: 200, cancellationToken: Ct);
        var reads = await admin.Audit.ListAuditEventsAsync(kind: "restricted.read", recordId: report.Id.ToString(), clientId: issued.Id.ToString(), cancellationToken: Ct);

        Assert.Equal([Lancashire], report.CirculatedTo);
        Assert.Equal([Lancashire], read.CirculatedTo);
        Assert.Equal(404, missing.StatusCode);
        Assert.DoesNotContain(report.Id, listed.Items.Select(i => i.Id));
        var audited = Assert.Single(reads.Items);
        Assert.Equal(("GetInspection", "inspection"), (audited.Operation, audited.RecordType));
    }
}
