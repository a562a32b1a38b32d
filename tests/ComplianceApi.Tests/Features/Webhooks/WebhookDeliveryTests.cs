using System.Net;
using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Changes;
using ComplianceApi.Features.Webhooks;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Webhooks;

/// <summary>Each test has a database of its own: every change is delivered, and other tests' writes would be too.</summary>
public sealed class WebhookDeliveryTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Every_change_after_subscribing_reaches_the_receiver_once_signed_as_the_Standard_Webhooks_library_verifies(Provider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await hosts.IsolatedHostFor(provider, WebhookTestData.Settings());
        var admin = host.AdminClient();
        var before = await ChangesAfterAsync(admin, null);
        var subscription = await admin.SubscribeAsync(WebhookTestData.Subscription(receiver.Url));
        var finding = await host.CreateFindingAsync();
        await admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        await admin.CreateResponseAsync(finding.Id, Response(CityOfLondon));
        var changes = await ChangesAfterAsync(admin, before.NextCursor);

        await receiver.WaitUntilAsync(received => received.Select(r => r.Sequence).Distinct().Count() >= changes.Items.Count);

        var received = receiver.Received.ToList();
        Assert.StartsWith("whsec_", subscription.Secret, StringComparison.Ordinal);
        Assert.Equal(changes.Items.Select(c => c.Sequence), received.Select(r => r.Sequence).Order());
        Assert.Equal(changes.Items.Select(c => c.Kind), received.OrderBy(r => r.Sequence).Select(r => r.Type));
        Assert.Contains("webhook_subscription.created", received.Select(r => r.Type));
        foreach (var webhook in received)
        {
            webhook.Verify(subscription.Secret);
            Assert.Equal(ListChangesQuery.CursorAfter(webhook.Sequence), webhook.Json.GetProperty("data").GetProperty("cursor").GetString());
        }

        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => received[0].Verify(WebhookSubscription.NewSecret()));
        // A receiver has its request before the dispatcher records the answer: wait for the record.
        await WaitForAsync(async () => (await admin.DeliveriesAsync(subscription.Subscription.Id)).All(d => d.State == WebhookDeliveryState.Delivered));
        var deliveries = await admin.DeliveriesAsync(subscription.Subscription.Id);
        Assert.All(deliveries, d => Assert.Equal(WebhookDeliveryState.Delivered, d.State));
        Assert.All(deliveries, d => Assert.Equal("delivered", Assert.Single(d.Attempts).Outcome));
        Assert.Equal(received.Select(r => r.WebhookId).Order(), deliveries.Select(d => d.WebhookId).Order());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_receiver_failing_then_recovering_gets_every_event_and_each_retry_has_the_same_webhook_id_signed_afresh(Provider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await hosts.IsolatedHostFor(provider, WebhookTestData.Settings());
        var admin = host.AdminClient();
        var recovered = false;
        receiver.Answer = _ => Volatile.Read(ref recovered) ? 200 : 503;
        var subscription = await admin.SubscribeAsync(WebhookTestData.Subscription(receiver.Url, ["response.created", "response.updated"]));
        var finding = await host.CreateFindingAsync();
        var response = await admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        for (var i = 1; i <= 5; i++)
        {
            await (await admin.PutJsonAsync($"/api/v1/responses/{response.Id}", Response(Lancashire) with { OwnerName = $"Owner {i}" })).ReadAsync<ForceResponseView>();
        }

        // Every event fails at least once (most several times) before the receiver recovers.
        await receiver.WaitUntilAsync(received => received.Select(r => r.WebhookId).Distinct().Count() == 6 && received.Count >= 12);
        var failed = receiver.Received.Count;
        Volatile.Write(ref recovered, true);
        await WaitForAsync(async () => (await admin.DeliveriesAsync(subscription.Subscription.Id)).All(d => d.State == WebhookDeliveryState.Delivered));

        var deliveries = await admin.DeliveriesAsync(subscription.Subscription.Id);
        var received = receiver.Received.ToList();
        Assert.Equal(6, deliveries.Count);
        Assert.Equal(failed + 6, received.Count);
        Assert.All(deliveries, d => Assert.Equal(WebhookDeliveryState.Delivered, d.State));
        Assert.All(deliveries, d => Assert.True(d.Attempts.Count >= 2, "Each event failed before the receiver recovered."));
        Assert.All(deliveries, d => Assert.Equal(503, d.Attempts[0].StatusCode));
        Assert.All(deliveries, d => Assert.Equal("retry", d.Attempts[0].Outcome));
        Assert.All(deliveries, d => Assert.Equal("delivered", d.Attempts[^1].Outcome));
        foreach (var group in received.GroupBy(r => r.WebhookId))
        {
            Assert.Equal(Assert.Single(deliveries, d => d.WebhookId == group.Key).Attempts.Count, group.Count());
            Assert.Single(group.Select(r => r.Body).Distinct());
            Assert.Contains(deliveries, d => d.WebhookId == group.Key);
        }

        received.Last().Verify(subscription.Secret);
        Assert.Equal(["response.created", "response.updated", "response.updated", "response.updated", "response.updated", "response.updated"],
            deliveries.OrderBy(d => d.EventSequence).Select(d => d.Kind));
    }

    [Fact]
    public async Task Two_instances_on_one_PostgreSQL_database_deliver_each_event_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var first = await hosts.IsolatedHostFor(Provider.Postgres, WebhookTestData.Settings());
        await using var second = TestHosts.AnotherInstanceOf(first);
        var admin = first.AdminClient();
        var subscription = await admin.SubscribeAsync(WebhookTestData.Subscription(receiver.Url, ["response.updated"]));
        var finding = await first.CreateFindingAsync();
        var responses = new[] { await admin.CreateResponseAsync(finding.Id, Response(Lancashire)), await admin.CreateResponseAsync(finding.Id, Response(CityOfLondon)) };
        const int WritesEach = 30;
        await Task.WhenAll(responses.Select((response, n) => Task.Run(async () =>
        {
            var client = n == 0 ? first.AdminClient() : second.AdminClient();
            for (var i = 1; i <= WritesEach; i++)
            {
                await (await client.PutJsonAsync($"/api/v1/responses/{response.Id}", Response(response.ForceCode) with { OwnerName = $"Owner {i}" }))
                    .ReadAsync<ForceResponseView>();
            }
        })));

        await receiver.WaitUntilAsync(received => received.Count >= 2 * WritesEach);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);

        var received = receiver.Received.ToList();
        Assert.Equal(2 * WritesEach, received.Count);
        Assert.Equal(received.Count, received.Select(r => r.WebhookId).Distinct().Count());
        Assert.Equal(received.Count, received.Select(r => r.Sequence).Distinct().Count());
        await WaitForAsync(async () => (await admin.DeliveriesAsync(subscription.Subscription.Id)).All(d => d.State == WebhookDeliveryState.Delivered));
        var deliveries = await admin.DeliveriesAsync(subscription.Subscription.Id);
        Assert.All(deliveries, d => Assert.Equal("delivered", Assert.Single(d.Attempts).Outcome));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_ping_sends_one_signed_test_event_listed_in_the_deliveries_without_an_audit_event_or_a_data_change(Provider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await hosts.IsolatedHostFor(provider, WebhookTestData.Settings());
        var admin = host.AdminClient();
        var subscription = await admin.SubscribeAsync(WebhookTestData.Subscription(receiver.Url, ["finding.created"]));
        var (events, version) = await TrailAndVersionAsync(host);

        var ping = await (await admin.PostAsync($"/api/v1/webhook-subscriptions/{subscription.Subscription.Id}/ping", null, Ct)).ReadAsync<WebhookDeliveryView>(HttpStatusCode.Accepted);
        await receiver.WaitUntilAsync(received => received.Count == 1);
        await WaitForAsync(async () => (await admin.DeliveriesAsync(subscription.Subscription.Id)).Any(d => d.State == WebhookDeliveryState.Delivered));

        var webhook = Assert.Single(receiver.Received);
        webhook.Verify(subscription.Secret);
        Assert.Equal("webhook.ping", webhook.Type);
        Assert.Equal(ping.WebhookId, webhook.WebhookId);
        var delivery = Assert.Single(await admin.DeliveriesAsync(subscription.Subscription.Id));
        Assert.Equal((ping.Id, "webhook.ping", (long?)null), (delivery.Id, delivery.Kind, delivery.EventSequence));
        var attempt = Assert.Single(delivery.Attempts);
        Assert.Equal((1, 204, (string?)null, "delivered"), (attempt.Number, attempt.StatusCode!.Value, attempt.Error, attempt.Outcome));
        Assert.Equal((events, version), await TrailAndVersionAsync(host));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_subscription_whose_events_fail_every_attempt_for_the_retry_period_is_disabled_saying_why_and_redirects_are_not_followed(Provider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var elsewhere = await WebhookReceiver.StartAsync();
        await using var host = await hosts.IsolatedHostFor(provider, WebhookTestData.Settings(new() { ["Webhooks:RetryFor"] = "00:00:02" }));
        var admin = host.AdminClient();
        receiver.Answer = _ => 307;
        var subscription = await admin.SubscribeAsync(WebhookTestData.Subscription(receiver.Url, ["inspection.created"]));
        await admin.CreateInspectionAsync();

        await WaitForAsync(async () => (await admin.GetAsync<WebhookSubscriptionView>($"/api/v1/webhook-subscriptions/{subscription.Subscription.Id}")).Enabled == false);

        var disabled = await admin.GetAsync<WebhookSubscriptionView>($"/api/v1/webhook-subscriptions/{subscription.Subscription.Id}");
        var delivery = Assert.Single(await admin.DeliveriesAsync(subscription.Subscription.Id));
        Assert.NotNull(disabled.DisabledAt);
        Assert.Contains("failed every attempt", disabled.DisabledReason, StringComparison.Ordinal);
        Assert.Contains("307", disabled.DisabledReason, StringComparison.Ordinal);
        Assert.Equal(WebhookDeliveryState.GivenUp, delivery.State);
        Assert.True(delivery.Attempts.Count >= 2);
        Assert.All(delivery.Attempts, a => Assert.Equal(307, a.StatusCode));
        Assert.Equal("given_up", delivery.Attempts[^1].Outcome);
        Assert.Empty(elsewhere.Received);
        Assert.Equal(delivery.Attempts.Count, receiver.Received.Count);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_URL_outside_the_allow_list_is_refused_and_a_name_allowed_that_resolves_outside_the_networks_is_never_connected_to(Provider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var port = new Uri(receiver.Url).Port;
        await using var host = await hosts.IsolatedHostFor(provider, WebhookTestData.Settings(new()
        {
            ["Webhooks:AllowedNetworks:0"] = "10.20.0.0/16",
            ["Webhooks:AllowedHosts:0"] = "localhost",
        }));
        var admin = host.AdminClient();

        var refused = await (await admin.PostJsonAsync("/api/v1/webhook-subscriptions", WebhookTestData.Subscription(receiver.Url)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var notHttp = await (await admin.PostJsonAsync("/api/v1/webhook-subscriptions", WebhookTestData.Subscription("file:///etc/passwd")))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var byName = await admin.SubscribeAsync(WebhookTestData.Subscription($"http://localhost:{port}/hooks/compliance", ["finding.created"]));
        await admin.PostAsync($"/api/v1/webhook-subscriptions/{byName.Subscription.Id}/ping", null, Ct);
        await WaitForAsync(async () => (await admin.DeliveriesAsync(byName.Subscription.Id)).Any(d => d.State == WebhookDeliveryState.GivenUp));

        Assert.Contains("Webhooks:AllowedNetworks", Assert.Single(refused.Errors!["url"]), StringComparison.Ordinal);
        Assert.Contains("http or https", Assert.Single(notHttp.Errors!["url"]), StringComparison.Ordinal);
        var attempt = Assert.Single(Assert.Single(await admin.DeliveriesAsync(byName.Subscription.Id)).Attempts);
        Assert.Null(attempt.StatusCode);
        Assert.Contains("none of them in Webhooks:AllowedNetworks", attempt.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    private static async Task<(int Events, string Version)> TrailAndVersionAsync(ComplianceApiHost host)
    {
        var result = (0, "");
        await host.WithDatabaseAsync(async db =>
        {
            var version = await db.DataVersions.AsNoTracking().SingleAsync(Ct);
            result = (await db.AuditEvents.CountAsync(Ct), version.Stamp.ToString());
        });
        return result;
    }

    private static async Task<ChangePage> ChangesAfterAsync(HttpClient admin, string? cursor)
    {
        var page = await admin.GetAsync<ChangePage>($"/api/v1/changes?limit=200{(cursor is null ? "" : "&after=" + cursor)}");
        Assert.False(page.HasMore);
        return page;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come about within a minute.");
            await Task.Delay(100, Ct);
        }
    }
}
