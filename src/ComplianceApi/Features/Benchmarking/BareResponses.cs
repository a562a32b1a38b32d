using System.Collections.Concurrent;
using ComplianceApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ComplianceApi.Features.Benchmarking;

/// <summary>
/// Response bodies held in memory, so the benchmark (bench/run) can compare each endpoint it measures with
/// the bare cost of answering the same bytes through the same host: Kestrel, the middleware, routing and
/// the rate limiter, but no key lookup, no database and no serialization.
/// </summary>
public sealed class BareResponseBodies
{
    /// <summary>Bodies are captured copies of real pages; the cap keeps a mistaken upload from holding much memory.</summary>
    public const int MostBytes = 16 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, BareResponseBody> _bodies = new(StringComparer.Ordinal);

    public void Store(string name, BareResponseBody body) => _bodies[name] = body;

    public BareResponseBody? Find(string name) => _bodies.GetValueOrDefault(name);
}

/// <summary>A body exactly as it was uploaded, and its content type.</summary>
public sealed record BareResponseBody(byte[] Content, string ContentType);

/// <summary>
/// The benchmark's baseline, mapped only when <c>Benchmark:BareEndpoint</c> is true and never part of the
/// contract: an admin uploads a captured response body under a name, and anyone may then get it back.
/// </summary>
public static class BareResponseEndpoints
{
    public const string Setting = "Benchmark:BareEndpoint";

    public static bool AreEnabled(IConfiguration configuration) => configuration.GetValue<bool>(Setting);

    public static void MapBareResponses(this IEndpointRouteBuilder app)
    {
        var bare = app.MapGroup("/benchmark/bare").WithTags("Benchmark").ExcludeFromDescription();

        bare.MapPut("/{name}", async Task<Results<NoContent, ProblemHttpResult>> (string name, HttpRequest request, BareResponseBodies bodies, CancellationToken ct) =>
            {
                if (request.ContentLength is null or > BareResponseBodies.MostBytes)
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status400BadRequest,
                        title: "The body cannot be held.",
                        detail: $"Send a body with a Content-Length of at most {BareResponseBodies.MostBytes} bytes.");
                }

                using var content = new MemoryStream((int)request.ContentLength.Value);
                await request.Body.CopyToAsync(content, ct);
                bodies.Store(name, new BareResponseBody(content.ToArray(), request.ContentType ?? "application/json"));
                return TypedResults.NoContent();
            })
            .WithName("StoreBareResponse").WithSummary("Holds a captured response body in memory under a name, for the benchmark's baseline.")
            .RequireNationalAdmin();

        // Anonymous, so that no key is looked up: the baseline is what every request costs before any work.
        bare.MapGet("/{name}", Results<FileContentHttpResult, NotFound> (string name, BareResponseBodies bodies) =>
                bodies.Find(name) is { } body ? TypedResults.Bytes(body.Content, body.ContentType) : TypedResults.NotFound())
            .WithName("GetBareResponse").WithSummary("Answers a held body from memory, byte for byte.")
            .AllowAnonymous();
    }
}
