using System.Net;
using System.Text;
using ComplianceApi.Domain;
using ComplianceApi.Features.Webhooks;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Webhooks;

public sealed class WebhookSubscriptionTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_admin_manages_only_its_own_forces_subscriptions_which_receive_only_that_forces_changes(Provider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await hosts.IsolatedHostFor(provider, WebhookTestData.Settings());
        var admin = host.AdminClient();
        var lancashireAdmin = await host.ClientAsync(ApiKeyRole.Admin, Lancashire);
        var lancashireEditor = await host.ClientAsync(ApiKeyRole.Editor, Lancashire);
        var national = await admin.SubscribeAsync(WebhookTestData.Subscription(receiver.Url + "?national", ["response.created"]));

        var forAnother = await lancashireAdmin.PostJsonAsync("/api/v1/webhook-subscriptions", WebhookTestData.Subscription(receiver.Url, forceCode: CityOfLondon));
        var nationalByForce = await lancashireAdmin.PostJsonAsync("/api/v1/webhook-subscriptions", WebhookTestData.Subscription(receiver.Url));
        var byEditor = await lancashireEditor.PostJsonAsync("/api/v1/webhook-subscriptions", WebhookTestData.Subscription(receiver.Url, forceCode: Lancashire));
        var own = await lancashireAdmin.SubscribeAsync(WebhookTestData.Subscription(receiver.Url + "?lancashire", ["response.created", "finding.created"], Lancashire));
        var finding = await host.CreateFindingAsync();
        var lancashire = await admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        await admin.CreateResponseAsync(finding.Id, Response(CityOfLondon));
        await receiver.WaitUntilAsync(received => received.Count(r => r.Type == "response.created") == 3 && received.Any(r => r.Type == "finding.created"));
        await Task.Delay(500, Ct);

        await forAnother.ReadProblemAsync(HttpStatusCode.Forbidden);
        await nationalByForce.ReadProblemAsync(HttpStatusCode.Forbidden);
        await byEditor.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal([own.Subscription.Id], (await lancashireAdmin.GetAsync<Page<WebhookSubscriptionView>>("/api/v1/webhook-subscriptions")).Items.Select(s => s.Id));
        Assert.Equal([national.Subscription.Id, own.Subscription.Id], (await admin.GetAsync<Page<WebhookSubscriptionView>>("/api/v1/webhook-subscriptions")).Items.Select(s => s.Id));
        await (await lancashireAdmin.GetAsync($"/api/v1/webhook-subscriptions/{national.Subscription.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashireAdmin.GetAsync($"/api/v1/webhook-subscriptions/{national.Subscription.Id}/deliveries", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashireAdmin.DeleteAsync($"/api/v1/webhook-subscriptions/{national.Subscription.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        var toForce = receiver.Received.Where(r => r.Headers["webhook-id"].Count == 1 && IsFor(r, own.Secret)).ToList();
        Assert.Equal(["finding.created", "response.created"], toForce.OrderBy(r => r.Sequence).Select(r => r.Type));
        Assert.Equal(lancashire.Id.ToString(), toForce.Single(r => r.Type == "response.created").Json.GetProperty("data").GetProperty("recordId").GetString());
        Assert.Equal(2, receiver.Received.Count(r => IsFor(r, national.Secret)));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_collaborations_subscription_receives_its_member_forces_changes_and_no_other_forces(Provider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await hosts.IsolatedHostFor(provider, WebhookTestData.Settings());
        var admin = host.AdminClient();
        var collaboration = await ForceScenario.NewForceAsync(admin, ForceKind.Collaboration, [Lancashire]);
        var collaborationAdmin = await host.ClientAsync(ApiKeyRole.Admin, collaboration);
        var subscribed = await collaborationAdmin.SubscribeAsync(WebhookTestData.Subscription(receiver.Url, ["response.created"], collaboration));
        var national = await admin.SubscribeAsync(WebhookTestData.Subscription(receiver.Url + "?national", ["response.created"]));
        var finding = await host.CreateFindingAsync();
        var lancashire = await admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        await admin.CreateResponseAsync(finding.Id, Response(CityOfLondon));
        await receiver.WaitUntilAsync(received => received.Count(r => IsFor(r, national.Secret)) == 2 && received.Any(r => IsFor(r, subscribed.Secret)));
        await Task.Delay(500, Ct);

        var toCollaboration = receiver.Received.Where(r => IsFor(r, subscribed.Secret)).ToList();
        Assert.Equal([lancashire.Id.ToString()], toCollaboration.Select(r => r.Json.GetProperty("data").GetProperty("recordId").GetString()).Distinct());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_signing_secret_is_stored_only_protected_and_an_idempotent_replay_keeps_it_sealed(Provider provider)
    {
        await using var host = await hosts.IsolatedHostFor(provider, WebhookTestData.Settings());
        var admin = host.AdminClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhook-subscriptions")
        {
            Content = System.Net.Http.Json.JsonContent.Create(WebhookTestData.Subscription("http://127.0.0.1:9/hooks"), options: HttpAssertions.Json),
        };
        request.Headers.Add("Idempotency-Key", "subscribe-once");
        var created = await (await admin.SendAsync(request, Ct)).ReadAsync<WebhookSubscriptionSecretView>(HttpStatusCode.Created);
        var again = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhook-subscriptions")
        {
            Content = System.Net.Http.Json.JsonContent.Create(WebhookTestData.Subscription("http://127.0.0.1:9/hooks"), options: HttpAssertions.Json),
        };
        again.Headers.Add("Idempotency-Key", "subscribe-once");
        var replayed = await (await admin.SendAsync(again, Ct)).ReadAsync<WebhookSubscriptionSecretView>(HttpStatusCode.Created);
        var rotated = await (await admin.PostAsync($"/api/v1/webhook-subscriptions/{created.Subscription.Id}/rotate-secret", null, Ct)).ReadAsync<WebhookSubscriptionSecretView>();

        string stored = "", trail = "", kept = "";
        int keys = 0;
        await host.WithDatabaseAsync(async db =>
        {
            stored = await db.WebhookSubscriptions.Where(s => s.Id == created.Subscription.Id).Select(s => s.ProtectedSecret).SingleAsync(Ct);
            trail = string.Join("\n", (await db.AuditEvents.Where(a => a.RecordType == "webhook_subscription").ToListAsync(Ct)).SelectMany(a => a.Changes).Select(c => $"{c.Field}={c.Old}>{c.New}"));
            kept = string.Join("\n", (await db.IdempotencyRecords.ToListAsync(Ct)).Select(r => Encoding.UTF8.GetString(r.Body)));
            keys = await db.DataProtectionKeys.CountAsync(Ct);
        });

        Assert.Equal(created.Secret, replayed.Secret);
        Assert.NotEqual(created.Secret, rotated.Secret);
        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", created.Secret);
        foreach (var secret in new[] { created.Secret, rotated.Secret })
        {
            var key = secret["whsec_".Length..];
            Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(key, trail, StringComparison.Ordinal);
            Assert.DoesNotContain(key, kept, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("protectedSecret", trail, StringComparison.Ordinal);
        Assert.Contains("url=>http://127.0.0.1:9/hooks", trail, StringComparison.Ordinal);
        Assert.True(keys >= 1, "Data Protection's key ring is kept in the database.");
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_admin_disables_and_enables_a_subscription_under_If_Match_and_events_committed_meanwhile_are_delivered_after(Provider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await hosts.IsolatedHostFor(provider, WebhookTestData.Settings());
        var admin = host.AdminClient();
        var created = await admin.SubscribeAsync(WebhookTestData.Subscription(receiver.Url, ["inspection.created"]));
        var url = $"/api/v1/webhook-subscriptions/{created.Subscription.Id}";
        var current = await admin.GetAsync(url, Ct);
        var disable = new HttpRequestMessage(HttpMethod.Put, url) { Content = System.Net.Http.Json.JsonContent.Create(WebhookTestData.Subscription(receiver.Url, ["inspection.created"]) with { Enabled = false }, options: HttpAssertions.Json) };
        disable.Headers.IfMatch.Add(current.Headers.ETag!);
        var disabled = await (await admin.SendAsync(disable, Ct)).ReadAsync<WebhookSubscriptionView>();
        await admin.CreateInspectionAsync();
        await Task.Delay(700, Ct);
        var whileDisabled = receiver.Received.Count;
        var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = System.Net.Http.Json.JsonContent.Create(WebhookTestData.Subscription(receiver.Url) with { Enabled = true }, options: HttpAssertions.Json) };
        stale.Headers.IfMatch.Add(current.Headers.ETag!);
        var refused = await admin.SendAsync(stale, Ct);
        var enabled = await (await admin.PutJsonAsync(url, WebhookTestData.Subscription(receiver.Url, ["inspection.created"]) with { Enabled = true })).ReadAsync<WebhookSubscriptionView>();
        await receiver.WaitUntilAsync(received => received.Count == 1);

        Assert.False(disabled.Enabled);
        Assert.StartsWith("Disabled by ", disabled.DisabledReason, StringComparison.Ordinal);
        Assert.Equal(0, whileDisabled);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.True(enabled.Enabled);
        Assert.Null(enabled.DisabledReason);
        Assert.Equal("inspection.created", Assert.Single(receiver.Received).Type);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(url, Ct)).StatusCode);
        await (await admin.GetAsync(url, Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private static bool IsFor(ReceivedWebhook webhook, string secret)
    {
        try
        {
            webhook.Verify(secret);
            return true;
        }
        catch (StandardWebhooks.Diagnostics.WebhookVerificationException)
        {
            return false;
        }
    }
}
