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
/// are judged on it). It holds the data version read before the view was computed, and is served only while
/// the version is still that one: every write changes the version in its own transaction
/// (<see cref="ComplianceDbContext.SaveChangesAsync(bool, CancellationToken)"/>), so a write committed by any
/// instance of the service on the same database makes the next read fresh.</para>
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

    internal async ValueTask<object?> AnswerAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
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
        var key = string.Join('\n', services.GetRequiredService<Caller>().ForceCode, today.DayNumber, request.Path.Value, request.QueryString.Value,
            request.Headers.Accept.ToString());

        // Read before the view, so the view is at least as new as the version it is stored under.
        var version = await services.GetRequiredService<DataVersionReader>().CurrentStampAsync(http.RequestAborted);
        var isCurrent = _pages.TryGetValue(key, out CachedPage? cached) && cached!.Version == version;
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

        // A view computed across midnight may hold either day's flags: it is answered, not kept.
        if (clock.Today() == today)
        {
            _pages.Set(key, new CachedPage(version, body, contentType), new MemoryCacheEntryOptions { Size = body.Length + (key.Length * sizeof(char)) });
        }

        return TypedResults.Bytes(body, contentType);
    }

    private static bool AsksForFreshAnswer(HttpRequest request) =>
        CacheControlHeaderValue.TryParse(request.Headers.CacheControl.ToString(), out var cacheControl) && cacheControl.NoCache;

    private sealed record CachedPage(Guid Version, byte[] Body, string ContentType);
}

public static class FirstPageCaching
{
    /// <summary>Answers the endpoints with these names (<c>WithName</c>) from the <see cref="FirstPageCache"/>.</summary>
    public static TBuilder CachesFirstPagesOf<TBuilder>(this TBuilder group, params string[] endpointNames)
        where TBuilder : IEndpointConventionBuilder
    {
        group.Add(endpoint => endpoint.FilterFactories.Add((context, next) =>
        {
            // Filters are built after the endpoint's own conventions, so its name (WithName) is known here.
            if (!endpoint.Metadata.OfType<IEndpointNameMetadata>().Any(n => endpointNames.Contains(n.EndpointName, StringComparer.Ordinal)))
            {
                return next;
            }

            var cache = context.ApplicationServices.GetRequiredService<FirstPageCache>();
            return invocation => cache.AnswerAsync(invocation, next);
        }));
        return group;
    }
}
