using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ComplianceApi.Domain;
using Microsoft.AspNetCore.DataProtection;

namespace ComplianceApi.Data.Webhooks;

/// <summary>
/// What a delivery sends, after Standard Webhooks: a body of <c>type</c>, <c>timestamp</c> and <c>data</c>
/// (the change as the change feed tells it), and the signature over <c>id.timestamp.body</c>.
/// </summary>
public static class WebhookMessages
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The body for one change: its fields are the change feed's (GET /api/v1/changes), with its cursor.</summary>
    public static string BodyOf(AuditEvent change) => JsonSerializer.Serialize(new Message(change.Kind, change.OccurredAt, new ChangeData(
        change.Sequence,
        ChangeFeed.CursorAfter(change.Sequence),
        change.Kind,
        change.RecordType,
        change.RecordId,
        change.ForceCode,
        change.RecordVersion,
        change.OccurredAt,
        new ClientData(change.ClientName, change.ClientId))), Json);

    /// <summary>A test event: nothing changed; it tells the receiver which subscription asked for it.</summary>
    public static string PingBody(Guid subscriptionId, DateTimeOffset now) =>
        JsonSerializer.Serialize(new Message(WebhookDelivery.PingKind, now, new PingData(subscriptionId)), Json);

    /// <summary>The <c>webhook-signature</c> value: "v1," and the HMAC-SHA256 of "id.timestamp.body" under the secret's key, in base64.</summary>
    public static string Signature(string secret, string webhookId, long timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(WebhookSubscription.SigningKey(secret), Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.{body}")));

    private sealed record Message(string Type, DateTimeOffset Timestamp, object Data);

    private sealed record ChangeData(long Sequence, string Cursor, string Kind, string RecordType, string RecordId, string? ForceCode, int? RecordVersion, DateTimeOffset OccurredAt, ClientData Client);

    private sealed record ClientData(string Name, string Id);

    private sealed record PingData(Guid SubscriptionId);
}

/// <summary>
/// Signing secrets at rest: protected with ASP.NET Core Data Protection, whose keys are kept in the
/// database (<see cref="ComplianceDbContext.DataProtectionKeys"/>), so every instance can sign.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("ComplianceApi.Webhooks.SigningSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>
    /// Loads the key ring, making (and storing) a key when none is current. Called outside any transaction, at
    /// start and on every dispatcher round, so a request never makes one inside its own: on SQLite the key
    /// store's separate connection would wait for the request's write lock, which waits for it.
    /// </summary>
    public void EnsureKeyRing() => _protector.Protect("key ring");
}
