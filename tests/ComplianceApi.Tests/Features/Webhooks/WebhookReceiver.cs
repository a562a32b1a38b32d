using System.Collections.Concurrent;
using System.Net;
using ComplianceApi.Features.Webhooks;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace ComplianceApi.Tests.Features.Webhooks;

/// <summary>A receiver on a real Kestrel socket of 127.0.0.1: it records every request, and answers what it is told to.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The status to answer the next request with; 204 by default.</summary>
    public Func<ReceivedWebhook, int> Answer { get; set; } = _ => StatusCodes.Status204NoContent;

    public string Url => _app.Urls.Single() + "/hooks/compliance";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/compliance", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var received = new ReceivedWebhook(new HeaderDictionary(request.Headers.ToDictionary(h => h.Key, h => h.Value)), body, DateTimeOffset.UtcNow);
            receiver.Received.Enqueue(received);
            return Results.StatusCode(receiver.Answer(received));
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return receiver;
    }

    /// <summary>Waits until the receiver holds what the condition asks of it.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (!condition([.. Received]))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The receiver did not get what was awaited; it got {Received.Count} requests.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request a receiver got.</summary>
public sealed record ReceivedWebhook(IHeaderDictionary Headers, string Body, DateTimeOffset At)
{
    public string WebhookId => Headers["webhook-id"].ToString();

    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;

    public string Type => Json.GetProperty("type").GetString()!;

    /// <summary>The delivered change's sequence in the change feed.</summary>
    public long Sequence => Json.GetProperty("data").GetProperty("sequence").GetInt64();

    /// <summary>Verifies the signature with the Standard Webhooks library; throws when it does not hold.</summary>
    public void Verify(string secret) => new StandardWebhook(secret).Verify(Body, Headers);
}

/// <summary>Settings and steps the webhook tests share.</summary>
public static class WebhookTestData
{
    /// <summary>Receivers on 127.0.0.1 allowed, and retries and polls quick enough for a test.</summary>
    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Webhooks:AllowedNetworks:0"] = "127.0.0.1/32",
            ["Webhooks:PollEvery"] = "00:00:00.100",
            ["Webhooks:FirstRetryAfter"] = "00:00:00.200",
            ["Webhooks:LongestRetryDelay"] = "00:00:01",
            ["Webhooks:AttemptTimeout"] = "00:00:05",
            ["Webhooks:LeaseFor"] = "00:00:15",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    public static WebhookSubscriptionRequest Subscription(string url, IReadOnlyList<string>? kinds = null, string? forceCode = null) =>
        new(url, kinds, forceCode, "Lancashire compliance tracker", null);

    public static async Task<WebhookSubscriptionSecretView> SubscribeAsync(this HttpClient admin, WebhookSubscriptionRequest request) =>
        await (await admin.PostJsonAsync("/api/v1/webhook-subscriptions", request)).ReadAsync<WebhookSubscriptionSecretView>(HttpStatusCode.Created);

    public static async Task<List<WebhookDeliveryView>> DeliveriesAsync(this HttpClient admin, Guid subscriptionId)
    {
        var all = new List<WebhookDeliveryView>();
        string? cursor = null;
        do
        {
            var page = await admin.GetAsync<ComplianceApi.Support.Page<WebhookDeliveryView>>(
                $"/api/v1/webhook-subscriptions/{subscriptionId}/deliveries?limit=200{(cursor is null ? "" : "&cursor=" + cursor)}");
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }
}
