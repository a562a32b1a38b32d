using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class ChangesClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task The_change_feed_tells_a_poller_each_new_change_once_and_keeps_its_place_on_an_empty_page(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var cursor = await CaughtUpAsync(admin, after: null);

        var inspection = await admin.Inspections.CreateInspectionAsync(BuildingThePicture(), cancellationToken: Ct);
        var page = await admin.Changes.ListChangesAsync(after: cursor, kinds: "inspection.created", limit: 200, cancellationToken: Ct);
        var again = await admin.Changes.ListChangesAsync(after: page.NextCursor, kinds: "inspection.created", limit: 200, cancellationToken: Ct);

        var created = Assert.Single(page.Items, c => c.RecordId == inspection.Id.ToString());
        Assert.Equal(("inspection.created", "inspection", (string?)null, (int?)null), (created.Kind, created.RecordType, created.ForceCode, created.RecordVersion));
        Assert.False(string.IsNullOrEmpty(created.Cursor));
        Assert.DoesNotContain(again.Items, c => c.RecordId == inspection.Id.ToString());
        Assert.False(string.IsNullOrEmpty(again.NextCursor));
    }

    private static async Task<string> CaughtUpAsync(GeneratedClients client, string? after)
    {
        while (true)
        {
            var page = await client.Changes.ListChangesAsync(after: after, limit: 200, cancellationToken: Ct);
            after = page.NextCursor;
            if (!page.HasMore)
            {
                return after;
            }
        }
    }
}
