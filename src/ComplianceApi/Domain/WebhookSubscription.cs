using System.Security.Cryptography;

namespace ComplianceApi.Domain;

/// <summary>
/// A receiver told of changes as they commit (Standard Webhooks): its URL, the kinds of change it wants
/// (none named: every kind), and optionally the one force whose changes it receives. Its signing secret is
/// kept only protected (<see cref="ProtectedSecret"/>); the clear secret is shown once, when issued.
/// </summary>
public sealed class WebhookSubscription
{
    /// <summary>Standard Webhooks' prefix of a symmetric secret: "whsec_" and the key in base64.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>"whsec_" and 32 random bytes in padded base64 (44 characters).</summary>
    public const int SecretLength = 50;

    /// <summary>The most characters of the protected secret (Data Protection's payload, base64url).</summary>
    public const int ProtectedSecretLength = 1000;

    public const int MostKinds = 50;

    private WebhookSubscription() { }

    public WebhookSubscription(string url, IReadOnlyList<string> kinds, string? forceCode, string? description, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        ForceCode = forceCode;
        CreatedAt = now;
        Change(url, kinds, description, now);
    }

    public Guid Id { get; private set; }
    public string Url { get; private set; } = "";

    /// <summary>The kinds delivered, comma-separated; empty for every kind.</summary>
    public string Kinds { get; private set; } = "";

    /// <summary>The one force whose changes (and national records forces read) are delivered; null for every force's.</summary>
    public string? ForceCode { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The signing secret, protected with the service's Data Protection keys (which are in the database).</summary>
    public string ProtectedSecret { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When deliveries stopped, by an admin or because they kept failing; null while it receives.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    public string? DisabledReason { get; private set; }

    /// <summary>
    /// The change feed position the dispatcher has made deliveries up to. Bookkeeping moved by the
    /// dispatcher alone (never through the change tracker), like <see cref="DeadEventsInARow"/>.
    /// </summary>
    public long FeedPosition { get; private set; }

    /// <summary>Events given up in a row since the last delivered one; enough of them disable the subscription.</summary>
    public int DeadEventsInARow { get; private set; }

    public IReadOnlyList<string> KindList => Kinds.Length == 0 ? [] : Kinds.Split(',');

    public void Change(string url, IReadOnlyList<string> kinds, string? description, DateTimeOffset now)
    {
        Url = url;
        Kinds = string.Join(',', kinds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        Description = description;
        UpdatedAt = now;
    }

    /// <summary>Starts deliveries at a feed position: a new subscription receives what commits after it is created.</summary>
    public void StartAt(long feedPosition) => FeedPosition = feedPosition;

    public void Disable(string reason, DateTimeOffset now)
    {
        DisabledAt ??= now;
        DisabledReason = reason;
        UpdatedAt = now;
    }

    /// <summary>Deliveries resume from where they stopped: events committed while disabled are delivered too.</summary>
    public void Enable(DateTimeOffset now)
    {
        DisabledAt = null;
        DisabledReason = null;
        DeadEventsInARow = 0;
        UpdatedAt = now;
    }

    public void UseSecret(string protectedSecret, DateTimeOffset now)
    {
        ProtectedSecret = protectedSecret;
        UpdatedAt = now;
    }

    /// <summary>A new signing secret: 256 random bits, in Standard Webhooks' form.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key a secret signs with: the bytes its base64 part holds.</summary>
    public static byte[] SigningKey(string secret) =>
        Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
}

/// <summary>Where one event's delivery to one subscription stands.</summary>
public enum WebhookDeliveryState { Pending, Delivered, GivenUp }

/// <summary>
/// One event to deliver to one subscription, until the receiver accepts it or the retry period ends. Its id
/// is the <c>webhook-id</c> of every attempt, so a receiver can tell a redelivery from a new event.
/// Bookkeeping, not data: writing one is neither an audit event nor a change of the data version.
/// </summary>
public sealed class WebhookDelivery
{
    public const string PingKind = "webhook.ping";

    private WebhookDelivery() { }

    public WebhookDelivery(Guid subscriptionId, long? eventSequence, string kind, string payload, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        SubscriptionId = subscriptionId;
        EventSequence = eventSequence;
        Kind = kind;
        Payload = payload;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }
    public Guid SubscriptionId { get; private set; }

    /// <summary>The audit event delivered; null for a ping.</summary>
    public long? EventSequence { get; private set; }

    public string Kind { get; private set; } = "";

    /// <summary>The JSON body, fixed when the delivery is made so every attempt sends the same bytes.</summary>
    public string Payload { get; private set; } = "";

    public WebhookDeliveryState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Until when an instance holds the delivery to attempt it; after that another may take it (the holder died).</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The webhook-id header: "msg_" and the delivery's id.</summary>
    public string WebhookId => "msg_" + Id.ToString("N");
}

/// <summary>One attempt to deliver: what the receiver answered, or why it could not be reached.</summary>
public sealed class WebhookAttempt
{
    private WebhookAttempt() { }

    public WebhookAttempt(Guid deliveryId, Guid subscriptionId, int number, DateTimeOffset attemptedAt, TimeSpan duration, int? statusCode, string? error, string outcome)
    {
        Id = Guid.CreateVersion7();
        DeliveryId = deliveryId;
        SubscriptionId = subscriptionId;
        Number = number;
        AttemptedAt = attemptedAt;
        DurationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds);
        StatusCode = statusCode;
        Error = error is { Length: > ErrorLength } ? error[..ErrorLength] : error;
        Outcome = outcome;
    }

    public const int ErrorLength = 1000;

    public Guid Id { get; private set; }
    public Guid DeliveryId { get; private set; }
    public Guid SubscriptionId { get; private set; }
    public int Number { get; private set; }
    public DateTimeOffset AttemptedAt { get; private set; }
    public int DurationMs { get; private set; }
    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }

    /// <summary>delivered, retry (failed, tried again later) or given_up (failed, the last attempt).</summary>
    public string Outcome { get; private set; } = "";
}
