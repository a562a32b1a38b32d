using System.Text.Json;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ComplianceApi.Http;

/// <summary>
/// The serialized first pages of the views forces poll most (their overdue list, where everyone stands on
/// a finding, their summary, a committee's statement as JSON), so that a repeated read costs one look at
/// the <see cref="DataVersion"/> instead of the queries, the folding and the serialization (on the
/// national data set, about 0.1 ms of server CPU instead of 2.5 to 10 ms for a list page and 60 to 80 ms
/// for a summary or a statement as of a date; see bench/run).
/// </summary>
/// <remarks>
/// <para>An entry is keyed by what decides the body: the path and query string, the force the caller's key
/// is scoped to (the query filters hide other forces' rows), and today's date (overdue and the other flags
/// are judged on it). It holds the data versions read before the view was computed, and is served only while
/// they are still those: every write changes the versions of what it wrote in its own transaction
/// (<see cref="ComplianceDbContext.SaveChangesAsync(bool, CancellationToken)"/>), so a write committed by any
/// instance of the service on the same database makes the next read of every page it can change fresh.
/// A page depends on the national version and on the versions of the forces whose data it shows
/// (<see cref="CachedView"/>): a force's, with its members' for a collaboration, or every force's for a view
/// across forces. So one force's progress update leaves the other forces' pages standing.</para>
/// <para>Pages after the first (a cursor) are not cached: they are read once while walking a list. A request
/// with <c>Cache-Control: no-cache</c> is computed afresh (and stores it when the entry is missing or stale). Authentication,
/// authorization and the rate limit run before the cache; only a 200 answer is kept, so a hit is a query
/// that passed validation with the same data, and every error is answered as without the cache.
/// <c>FirstPageCache:Enabled=false</c> turns it off.</para>
/// </remarks>
public sealed class FirstPageCache(IConfiguration configuration, ServiceMetrics metrics) : IDisposable
{
    public const string EnabledSetting = "FirstPageCache:Enabled";

    /// <summary>A first page is 40 to 50 KB on the national data set, a force's statement up to about 2 MB; this holds a few hundred pages or several statements.</summary>
    public const long MostBytes = 16 * 1024 * 1024;

    private const string ContentType = "application/json; charset=utf-8";

    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = MostBytes });

    public bool IsEnabled { get; } = configuration.GetValue(EnabledSetting, defaultValue: true);

    public void Dispose() => _pages.Dispose();

    internal async ValueTask<object?> AnswerAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next, CachedView view)
    {
        var http = invocation.HttpContext;
        var request = http.Request;
        if (!IsEnabled || request.Query.ContainsKey("cursor"))
        {
            return await next(invocation);
        }

        var services = http.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        // The day the views judge their flags on when no asOf is given: the key changes when it does.
        var today = clock.Today();
        // Accept is part of the key: the statement answers JSON or a document by it (only JSON is kept).
        var scope = services.GetRequiredService<Caller>().ForceCode;
        var key = string.Join('\n', scope, today.DayNumber, request.Path.Value, request.QueryString.Value,
            request.Headers.Accept.ToString());

        // Read before the view, so the view is at least as new as the versions it is stored under. A key
        // scoped to a force sees only that force's rows, whatever the view.
        var stamps = await services.GetRequiredService<RequestStamps>().CurrentAsync(http.RequestAborted);
        var version = stamps.VersionOf(view.ForceShown(http) ?? scope);
        var isCurrent = _pages.TryGetValue(key, out CachedPage? cached) && cached!.Version.Equals(version);
        if (isCurrent && !AsksForFreshAnswer(request))
        {
            metrics.FirstPageLookedUp(hit: true);
            return TypedResults.Bytes(cached!.Body, cached.ContentType);
        }

        metrics.FirstPageLookedUp(hit: false);
        var result = await next(invocation);

        // An endpoint answering one of several result types (Results<Ok<T>, …>) wraps the one it chose.
        var answer = result;
        while (answer is INestedHttpResult nested)
        {
            answer = nested.Result;
        }

        // A fresh answer asked for while the entry is current is sent as computed: copying a 2 MB statement
        // into a new array on every such request only churns the large object heap.
        if (isCurrent)
        {
            return result;
        }

        byte[] body;
        string contentType;
        if (answer is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: { } value })
        {
            // Serialized as Ok<T> would write it, so a page reads the same from the cache and without it.
            var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            body = JsonSerializer.SerializeToUtf8Bytes(value, json.GetTypeInfo(value.GetType()));
            contentType = ContentType;
        }
        else if (answer is ContentHttpResult { StatusCode: null or StatusCodes.Status200OK, ResponseContent: { } content, ContentType: { } type })
        {
            // A page for people (the public page of progress): kept as the text it is.
            body = System.Text.Encoding.UTF8.GetBytes(content);
            contentType = type;
        }
        else
        {
            return result;
        }

        // A view computed across midnight may hold either day's flags: it is answered, not kept. A page holding
        // a restricted report's records is not kept either, so each read of it is recorded (RestrictedReads).
        if (clock.Today() == today && !http.Items.ContainsKey(RestrictedReads.RecordedKey))
        {
            _pages.Set(key, new CachedPage(version, body, contentType), new MemoryCacheEntryOptions { Size = body.Length + (key.Length * sizeof(char)) });
        }

        return TypedResults.Bytes(body, contentType);
    }

    private static bool AsksForFreshAnswer(HttpRequest request) =>
        CacheControlHeaderValue.TryParse(request.Headers.CacheControl.ToString(), out var cacheControl) && cacheControl.NoCache;

    private sealed record CachedPage(PageVersion Version, byte[] Body, string ContentType);
}

/// <summary>
/// A view whose first pages are cached, and the one force whose data a request for it shows (with its
/// members', for a collaboration), read from the request; null means every force's (a view across forces),
/// unless the caller's key is scoped to one. Naming a force the view does not confine itself to would
/// serve stale pages: when in doubt, <see cref="AcrossForces"/>.
/// </summary>
public sealed record CachedView(string EndpointName, Func<HttpContext, string?> ForceShown)
{
    /// <summary>A view of the force named by a query parameter (every force's when it is absent).</summary>
    public static CachedView ForceInQuery(string endpointName, string parameter) =>
        new(endpointName, http => http.Request.Query.TryGetValue(parameter, out var values) && values.Count == 1 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null);

    /// <summary>A view of the force named by a route value.</summary>
    public static CachedView ForceInRoute(string endpointName, string routeValue) =>
        new(endpointName, http => http.Request.RouteValues.TryGetValue(routeValue, out var value) ? value as string : null);

    /// <summary>A view that may show any force's data.</summary>
    public static CachedView AcrossForces(string endpointName) => new(endpointName, _ => null);
}

public static class FirstPageCaching
{
    /// <summary>Answers these views (by their endpoints' <c>WithName</c>) from the <see cref="FirstPageCache"/>.</summary>
    public static TBuilder CachesFirstPagesOf<TBuilder>(this TBuilder group, params CachedView[] views)
        where TBuilder : IEndpointConventionBuilder
    {
        group.Add(endpoint => endpoint.FilterFactories.Add((context, next) =>
        {
            // Filters are built after the endpoint's own conventions, so its name (WithName) is known here.
            var names = endpoint.Metadata.OfType<IEndpointNameMetadata>().Select(n => n.EndpointName).ToList();
            if (views.FirstOrDefault(v => names.Contains(v.EndpointName, StringComparer.Ordinal)) is not { } view)
            {
                return next;
            }

            var cache = context.ApplicationServices.GetRequiredService<FirstPageCache>();
            return invocation => cache.AnswerAsync(invocation, next, view);
        }));
        return group;
    }
}
