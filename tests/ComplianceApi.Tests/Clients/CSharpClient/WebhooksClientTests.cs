using ComplianceApi.Client;
using ComplianceApi.Tests.Features.Webhooks;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class WebhooksClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_subscription_created_listed_and_pinged_through_the_client_delivers_a_ping_the_Standard_Webhooks_library_verifies(Transport transport)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await AdminAsync(hosts, transport);

        var created = await admin.Webhooks.CreateWebhookSubscriptionAsync(new WebhookSubscriptionRequest
        {
            Url = receiver.Url,
            Kinds = ["finding.created"],
            Description = "C# client test receiver",
        }, cancellationToken: Ct);
        var listed = await ReadAllPagesAsync<WebhookSubscription>(async cursor =>
        {
            var page = await admin.Webhooks.ListWebhookSubscriptionsAsync(limit: 200, cursor: cursor, cancellationToken: Ct);
            return (page.Items, page.TotalCount, page.NextCursor);
        });
        var ping = await admin.Webhooks.PingWebhookSubscriptionAsync(created.Subscription.Id, cancellationToken: Ct);
        // The host is shared: other tests' findings reach this subscription too, so the ping is picked out by its id.
        await receiver.WaitUntilAsync(received => received.Any(r => r.WebhookId == ping.WebhookId));
        WebhookDelivery? delivered = null;
        for (var tries = 0; delivered?.State != WebhookDeliveryState.Delivered && tries < 100; tries++)
        {
            await Task.Delay(100, Ct);
            delivered = (await admin.Webhooks.ListWebhookDeliveriesAsync(created.Subscription.Id, cancellationToken: Ct)).Items.Single(d => d.Kind == "webhook.ping");
        }

        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        Assert.True(created.Subscription.Enabled);
        Assert.Equal(["finding.created"], created.Subscription.Kinds);
        Assert.Contains(listed, s => s.Id == created.Subscription.Id && s.Url == receiver.Url);
        var webhook = Assert.Single(receiver.Received, r => r.WebhookId == ping.WebhookId);
        webhook.Verify(created.Secret);
        Assert.Equal(ping.WebhookId, webhook.WebhookId);
        Assert.Equal((WebhookDeliveryState.Delivered, "webhook.ping"), (delivered!.State, delivered.Kind));
        Assert.Equal(204, Assert.Single(delivered.Attempts).StatusCode);
        await admin.Webhooks.DeleteWebhookSubscriptionAsync(created.Subscription.Id, cancellationToken: Ct);
    }
}
