using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class AuditClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task The_audit_trail_lists_a_client_changes_filtered_by_client_and_time_a_page_at_a_time(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var clientName = Unique.Slug("national-returns");
        var issued = await admin.ApiKeys.CreateApiKeyAsync(new ApiKeyRequest { ClientName = clientName, Role = ApiKeyRole.Admin }, cancellationToken: Ct);
        var returns = admin.WithKey(issued.Secret);
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var first = await returns.Inspections.CreateInspectionAsync(BuildingThePicture(), cancellationToken: Ct);
        var second = await returns.Inspections.CreateInspectionAsync(BuildingThePicture(), cancellationToken: Ct);

        var page = await admin.Audit.ListAuditEventsAsync(clientId: issued.Id.ToString(), from: since, limit: 1, cancellationToken: Ct);
        var next = await admin.Audit.ListAuditEventsAsync(clientId: issued.Id.ToString(), from: since, limit: 1, cursor: page.NextCursor, cancellationToken: Ct);

        Assert.Equal(2, page.TotalCount);
        var created = Assert.Single(page.Items);
        Assert.Equal(("inspection.created", first.Id.ToString(), "CreateInspection", clientName), (created.Kind, created.RecordId, created.Operation, created.Client.Name));
        Assert.Contains(created.Changes, c => c.Field == "reference" && c.Old is null && c.New == first.Reference);
        Assert.Equal(second.Id.ToString(), Assert.Single(next.Items).RecordId);
        Assert.Null(next.NextCursor);
        Assert.Empty((await admin.Audit.ListAuditEventsAsync(clientId: issued.Id.ToString(), to: since, cancellationToken: Ct)).Items);
    }
}
