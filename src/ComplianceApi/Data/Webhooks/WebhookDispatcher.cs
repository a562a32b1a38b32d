using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceApi.Data.Webhooks;

/// <summary>
/// Delivers the change feed to webhook subscriptions, on every instance. Two steps, each safe with several
/// instances on one database:
/// <list type="number">
/// <item>Fan-out: each subscription keeps its position in the change feed (<see cref="ChangeFeed"/>, which never
/// passes over an event that commits late); matching events after it become delivery rows, and the position
/// moves, in one transaction. A unique key on (subscription, event) and a position that must still be the one
/// read make a second instance doing the same at the same moment fail rather than make a second row.</item>
/// <item>Attempts: an instance takes due deliveries with a lease (on PostgreSQL <c>FOR UPDATE SKIP LOCKED</c>,
/// so instances take different rows; on SQLite the write transaction is the lock), attempts them, and records
/// each attempt. A killed instance's leases run out and another instance takes the rows again: a receiver may
/// get an event twice, with the same <c>webhook-id</c>, never not at all.</item>
/// </list>
/// Deliveries, attempts and positions are bookkeeping: they are written without an audit event and without
/// changing the data version (through <c>ExecuteUpdate</c> or as rows <see cref="AuditTrail.IsData"/> leaves out).
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    WebhookTargets targets,
    WebhookSecrets secrets,
    ServiceMetrics metrics,
    DatabaseInitializer database,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int EventsPerRound = 200;

    private readonly SemaphoreSlim _wake = new(0);

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        ConnectCallback = targets.ConnectAsync,
        // Names are resolved and checked again on every new connection; this bounds how long a pooled one lives.
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Starts a round now rather than at the next poll (a ping, a new subscription).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        _wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await database.Initialized.WaitAsync(stoppingToken);
        secrets.EnsureKeyRing();
        if (!options.Value.Dispatch)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await RoundAsync(stoppingToken) > 0;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A failed round leaves every row as it was (or under a lease that runs out): the next one tries again.
                logger.WebhookRoundFailed(exception);
            }

            if (!busy)
            {
                await WaitAsync(stoppingToken);
            }
        }
    }

    /// <summary>One round: fan out new events, then attempt the due deliveries; answers how much was done.</summary>
    public async Task<int> RoundAsync(CancellationToken cancellationToken)
    {
        secrets.EnsureKeyRing();
        var done = await FanOutAsync(cancellationToken);
        var claimed = await ClaimAsync(cancellationToken);
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism), CancellationToken = cancellationToken },
            async (delivery, token) => await AttemptAsync(delivery, token));
        return done + claimed.Count;
    }

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _wake.WaitAsync(options.Value.PollEvery, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<int> FanOutAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.DisabledAt == null).Select(s => s.Id).ToListAsync(cancellationToken);
        var views = new Dictionary<string, SeenRestricted>(StringComparer.Ordinal);
        var made = 0;
        foreach (var id in subscriptions)
        {
            made += await FanOutAsync(db, id, views, cancellationToken);
            db.ChangeTracker.Clear();
        }

        return made;
    }

    private async Task<int> FanOutAsync(ComplianceDbContext db, Guid id, Dictionary<string, SeenRestricted> views, CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();

        // One snapshot for the position, the feed and the write, as the feed reads with (ChangeFeed).
        await using var transaction = postgres
            ? await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken)
            : await db.Database.BeginTransactionAsync(cancellationToken);
        if (postgres && !await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({"webhook-fan-out:" + id}, 0)) AS \"Value\"").SingleAsync(cancellationToken))
        {
            return 0;
        }

        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.DisabledAt == null, cancellationToken);
        if (subscription is null)
        {
            return 0;
        }

        var kinds = subscription.KindList.ToArray();
        // A collaboration's subscription receives its member forces' changes, as its keys read them, and a
        // force's subscription hears nothing of a restricted report not circulated to it (nor to its members).
        var forces = subscription.ForceCode is { } force ? await db.CodesActingForAsync(force, cancellationToken) : null;
        var page = await db.ReadAsync(subscription.FeedPosition, events =>
            {
                events = forces is null ? events : events.SeenBy(forces);
                return kinds.Length == 0 ? events : events.Where(a => kinds.Contains(a.Kind));
            }, EventsPerRound, cancellationToken);
        if (page.Next == subscription.FeedPosition)
        {
            return 0;
        }

        // What is restricted is worked out only when there are events to leave out, and once a round for
        // each set of forces, unless a later subscription's page reaches past the events it was worked out with.
        var events = page.Events;
        if (forces is not null && events.Count > 0)
        {
            var key = string.Join(',', forces.Order(StringComparer.Ordinal));
            if (!views.TryGetValue(key, out var seen) || page.Next > seen.UpTo)
            {
                seen = new SeenRestricted(await RestrictedReports.ForAsync(db, forces, cancellationToken), page.Next);
                views[key] = seen;
            }

            events = [.. events.NotAbout(seen.View)];
        }

        var now = clock.GetUtcNow();
        db.WebhookDeliveries.AddRange(events.Select(e => new WebhookDelivery(id, e.Sequence, e.Kind, WebhookMessages.BodyOf(e), now)));
        await db.SaveChangesAsync(cancellationToken);
        var moved = await db.WebhookSubscriptions.Where(s => s.Id == id && s.FeedPosition == subscription.FeedPosition)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.FeedPosition, page.Next), cancellationToken);
        if (moved == 0)
        {
            // Another instance moved it first, with the same rows: leave them to it.
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }

        await transaction.CommitAsync(cancellationToken);
        // A full page is worth another round at once, even when every event on it was left out.
        return page.HasMore ? Math.Max(events.Count, 1) : events.Count;
    }

    /// <summary>
    /// A force set's restricted view, worked out in a snapshot that held every event numbered up to
    /// <paramref name="UpTo"/>. Events are numbered in commit order (<see cref="ChangeFeed"/>), so applying it
    /// to a later page that ends at or before that number gives what a fan-out in that snapshot would have.
    /// </summary>
    private sealed record SeenRestricted(RestrictedView View, long UpTo);

    /// <summary>Takes due deliveries for this instance for <see cref="WebhookOptions.LeaseFor"/>.</summary>
    private async Task<List<Claimed>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        var now = clock.GetUtcNow();
        var until = now + options.Value.LeaseFor;
        var most = Math.Max(1, options.Value.Parallelism) * 4;

        // Looked for first without a write transaction: on SQLite one takes the database's write lock.
        if (!await Due(db, now).AnyAsync(cancellationToken))
        {
            return [];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        List<Guid> ids;
        if (db.Database.IsNpgsql())
        {
            var at = now.UtcDateTime;
            ids = await db.Database.SqlQuery<Guid>($"""
                SELECT d."Id" AS "Value" FROM "WebhookDeliveries" AS d JOIN "WebhookSubscriptions" AS s ON s."Id" = d."SubscriptionId"
                WHERE d."State" = 'Pending' AND d."NextAttemptAt" <= {at} AND (d."LeaseUntil" IS NULL OR d."LeaseUntil" <= {at})
                  AND (s."DisabledAt" IS NULL OR d."EventSequence" IS NULL)
                ORDER BY d."NextAttemptAt" LIMIT {most}
                FOR UPDATE OF d SKIP LOCKED
                """).ToListAsync(cancellationToken);
        }
        else
        {
            ids = await Due(db, now).OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(most).ToListAsync(cancellationToken);
        }

        if (ids.Count == 0)
        {
            return [];
        }

        await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(d => d.SetProperty(x => x.LeaseUntil, until), cancellationToken);
        var claimed = await db.WebhookDeliveries.Where(d => ids.Contains(d.Id))
            .Join(db.WebhookSubscriptions, d => d.SubscriptionId, s => s.Id, (d, s) => new Claimed(
                d.Id, d.SubscriptionId, d.EventSequence, d.Kind, d.Payload, d.Attempts, d.CreatedAt, until, s.Url, s.ProtectedSecret))
            .ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>Deliveries due and not held by a live lease; a disabled subscription's only if they are pings.</summary>
    private static IQueryable<WebhookDelivery> Due(ComplianceDbContext db, DateTimeOffset now) =>
        db.WebhookDeliveries
            .Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil <= now))
            .Where(d => db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId && (s.DisabledAt == null || d.EventSequence == null)));

    private async Task AttemptAsync(Claimed delivery, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var timer = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        try
        {
            var secret = secrets.Unprotect(delivery.ProtectedSecret);
            var webhookId = "msg_" + delivery.Id.ToString("N");
            var timestamp = started.ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(WebhookMessages.IdHeader, webhookId);
            request.Headers.Add(WebhookMessages.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookMessages.SignatureHeader, WebhookMessages.Signature(secret, webhookId, timestamp, delivery.Payload));
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(options.Value.AttemptTimeout);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                error = $"The receiver answered {status} {response.ReasonPhrase}".TrimEnd();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"No answer within {options.Value.AttemptTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (Webhooks:AttemptTimeout).";
        }
        catch (HttpRequestException exception)
        {
            error = Describe(exception);
        }
        catch (CryptographicException)
        {
            error = "The signing secret could not be read with this service's Data Protection keys; rotate the secret.";
        }

        await RecordAsync(delivery, started, timer.Elapsed, status, error, cancellationToken);
    }

    private async Task RecordAsync(Claimed delivery, DateTimeOffset started, TimeSpan duration, int? status, string? error, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var ping = delivery.EventSequence is null;
        var attempts = delivery.Attempts + 1;
        var outcome = error is null ? "delivered" : ping || now - delivery.CreatedAt >= settings.RetryFor ? "given_up" : "retry";
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        db.WebhookAttempts.Add(new WebhookAttempt(delivery.Id, delivery.SubscriptionId, attempts, started, duration, status, error, outcome));
        await db.SaveChangesAsync(CancellationToken.None);

        // Only while this instance still holds the lease: one that outlived it has been taken over, and the
        // attempt above is all it may record.
        var held = db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.LeaseUntil == delivery.LeaseUntil && d.State == WebhookDeliveryState.Pending);
        var updated = outcome switch
        {
            "delivered" => await held.ExecuteUpdateAsync(d => d
                .SetProperty(x => x.State, WebhookDeliveryState.Delivered).SetProperty(x => x.Attempts, attempts)
                .SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null).SetProperty(x => x.FinishedAt, now), CancellationToken.None),
            "given_up" => await held.ExecuteUpdateAsync(d => d
                .SetProperty(x => x.State, WebhookDeliveryState.GivenUp).SetProperty(x => x.Attempts, attempts)
                .SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null).SetProperty(x => x.FinishedAt, now), CancellationToken.None),
            _ => await held.ExecuteUpdateAsync(d => d
                .SetProperty(x => x.Attempts, attempts).SetProperty(x => x.NextAttemptAt, now + RetryDelay(attempts, settings, Random.Shared.NextDouble()))
                .SetProperty(x => x.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None),
        };

        if (updated > 0 && !ping)
        {
            var subscriptions = db.WebhookSubscriptions.Where(s => s.Id == delivery.SubscriptionId);
            if (outcome == "delivered")
            {
                await subscriptions.Where(s => s.DeadEventsInARow > 0).ExecuteUpdateAsync(s => s.SetProperty(x => x.DeadEventsInARow, 0), CancellationToken.None);
            }
            else if (outcome == "given_up")
            {
                await subscriptions.ExecuteUpdateAsync(s => s.SetProperty(x => x.DeadEventsInARow, x => x.DeadEventsInARow + 1), CancellationToken.None);
                var reason = $"Disabled at {now:u}: {settings.DisableAfterGivenUpEvents} event(s) in a row failed every attempt for {settings.RetryFor} (Webhooks:RetryFor); the last: {error}";
                if (reason.Length > Lengths.Title)
                {
                    reason = reason[..Lengths.Title];
                }

                await subscriptions.Where(s => s.DisabledAt == null && s.DeadEventsInARow >= settings.DisableAfterGivenUpEvents)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.DisabledAt, now).SetProperty(x => x.DisabledReason, reason), CancellationToken.None);
            }
        }

        await transaction.CommitAsync(CancellationToken.None);
        metrics.WebhookAttempted(outcome);
    }

    /// <summary>
    /// The wait before attempt <paramref name="attempts"/> + 1: the first retry delay doubled for each attempt
    /// after the first, at most the longest delay, then scaled by a random factor between 0.5 and 1.5 so that
    /// receivers recovering from an outage are not met by every retry at once.
    /// </summary>
    public static TimeSpan RetryDelay(int attempts, WebhookOptions settings, double random)
    {
        var doubled = settings.FirstRetryAfter.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = Math.Min(doubled, settings.LongestRetryDelay.TotalSeconds);
        return TimeSpan.FromSeconds(capped * (0.5 + random));
    }

    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" ", messages.Distinct());
    }

    private sealed record Claimed(Guid Id, Guid SubscriptionId, long? EventSequence, string Kind, string Payload, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset LeaseUntil, string Url, string ProtectedSecret);
}
