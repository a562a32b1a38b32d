namespace ComplianceApi.Data.Webhooks;

/// <summary>The <c>Webhooks</c> section: where receivers may be, and how deliveries are attempted and retried.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Host names a subscription's URL may name (exactly, or "*.example.police.uk" for any name under one);
    /// a name must still resolve into <see cref="AllowedNetworks"/> when a delivery connects. Null until
    /// configured: binding a list onto a default one would add to it, not replace it.
    /// </summary>
    public string[]? AllowedHosts { get; set; }

    /// <summary>Networks (CIDR, such as 10.20.0.0/16 or 127.0.0.1/32) a delivery may connect to; a URL may also name an address in one.</summary>
    public string[]? AllowedNetworks { get; set; }

    /// <summary>How long one attempt may take, connecting and answering, before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an event is retried after it was first due; then it is given up.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The wait after the first failed attempt; each later one doubles it, up to <see cref="LongestRetryDelay"/>, with jitter.</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan LongestRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Events given up in a row (each failed every attempt for <see cref="RetryFor"/>) that disable a subscription.</summary>
    public int DisableAfterGivenUpEvents { get; set; } = 1;

    /// <summary>How often an idle dispatcher looks for new events and due retries.</summary>
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an instance holds the deliveries it took; if it dies, another takes them after this.</summary>
    public TimeSpan LeaseFor { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Deliveries one instance attempts at once.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>False stops this instance delivering (subscriptions are still managed; other instances deliver).</summary>
    public bool Dispatch { get; set; } = true;
}
