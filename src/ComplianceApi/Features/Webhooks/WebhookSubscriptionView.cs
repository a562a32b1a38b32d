using System.ComponentModel.DataAnnotations;
using ComplianceApi.Domain;
using ComplianceApi.Http.Contract;
using ComplianceApi.Support;

namespace ComplianceApi.Features.Webhooks;

/// <summary>A webhook subscription, without its signing secret (shown only when issued).</summary>
/// <param name="Id">The subscription's id.</param>
/// <param name="Url">Where deliveries are sent.</param>
/// <param name="Kinds">The kinds of change delivered; empty for every kind.</param>
/// <param name="ForceCode">The one force whose changes are delivered; null for every force's.</param>
/// <param name="Description">What the receiver is.</param>
/// <param name="Enabled">Whether changes are being delivered.</param>
/// <param name="DisabledAt">When deliveries stopped; null while enabled.</param>
/// <param name="DisabledReason">Why deliveries stopped: disabled by an admin, or the failures that disabled it.</param>
/// <param name="CreatedAt">When the subscription was created.</param>
/// <param name="UpdatedAt">When it was last changed.</param>
public sealed record WebhookSubscriptionView(
    Guid Id,
    [property: MaxLength(Lengths.Url)] string Url,
    [property: MaxLength(WebhookSubscription.MostKinds), ItemMaxLength(Lengths.Code)] IReadOnlyList<string> Kinds,
    [property: MaxLength(Lengths.Code)] string? ForceCode,
    [property: MaxLength(Lengths.Name)] string? Description,
    bool Enabled,
    DateTimeOffset? DisabledAt,
    [property: MaxLength(Lengths.Title)] string? DisabledReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
    : ITaggedView
{
    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since. Absent in lists.</summary>
    [MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }

    public static WebhookSubscriptionView Of(WebhookSubscription s) =>
        new(s.Id, s.Url, s.KindList, s.ForceCode, s.Description, s.DisabledAt is null, s.DisabledAt, s.DisabledReason, s.CreatedAt, s.UpdatedAt);
}

/// <summary>A subscription with its signing secret: shown this once (on creation or rotation), never again.</summary>
/// <param name="Subscription">The subscription.</param>
/// <param name="Secret">The signing secret in Standard Webhooks' form ("whsec_" and base64): verify each delivery's webhook-signature with it. Keep it safe: it cannot be shown again.</param>
public sealed record WebhookSubscriptionSecretView(
    WebhookSubscriptionView Subscription,
    [property: MaxLength(WebhookSubscription.SecretLength)] string Secret);

/// <summary>One event's delivery to a subscription, with every attempt.</summary>
/// <param name="Id">The delivery's id.</param>
/// <param name="WebhookId">The webhook-id header of every attempt: a receiver seeing it again is seeing a redelivery.</param>
/// <param name="EventSequence">The change delivered (its sequence in the change feed and the audit trail); null for a ping.</param>
/// <param name="Kind">The change's kind, or webhook.ping.</param>
/// <param name="State">Pending (to be attempted, or retried at nextAttemptAt), Delivered, or GivenUp.</param>
/// <param name="CreatedAt">When the delivery was made, from the event.</param>
/// <param name="NextAttemptAt">When it is attempted next, while pending.</param>
/// <param name="FinishedAt">When it was delivered or given up.</param>
/// <param name="Attempts">Every attempt, oldest first (the latest 100).</param>
public sealed record WebhookDeliveryView(
    Guid Id,
    [property: MaxLength(40)] string WebhookId,
    [property: Range(1, long.MaxValue)] long? EventSequence,
    [property: MaxLength(Lengths.Name)] string Kind,
    WebhookDeliveryState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? FinishedAt,
    [property: MaxLength(WebhookDeliveryView.MostAttemptsShown)] IReadOnlyList<WebhookAttemptView> Attempts)
{
    public const int MostAttemptsShown = 100;
}

/// <summary>One attempt to deliver.</summary>
/// <param name="Number">1 for the first attempt.</param>
/// <param name="AttemptedAt">When it started.</param>
/// <param name="DurationMs">How long it took, in milliseconds.</param>
/// <param name="StatusCode">The receiver's HTTP status; null when none came (refused, unreachable, timed out).</param>
/// <param name="Error">What went wrong; null when delivered.</param>
/// <param name="Outcome">delivered, retry (failed; attempted again later) or given_up (failed; the last attempt).</param>
public sealed record WebhookAttemptView(
    [property: Range(1, int.MaxValue)] int Number,
    DateTimeOffset AttemptedAt,
    [property: Range(0, int.MaxValue)] int DurationMs,
    [property: Range(100, 599)] int? StatusCode,
    [property: MaxLength(WebhookAttempt.ErrorLength)] string? Error,
    [property: MaxLength(Lengths.EnumName)] string Outcome);
