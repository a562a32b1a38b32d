using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using ComplianceApi.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ComplianceApi.Http;

/// <summary>How many requests one client may make per window.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimiting";

    /// <summary>The most the settings may say, so the contract can bound the rate-limit headers.</summary>
    public const int MostPermits = 1_000_000;

    public const int LongestWindowSeconds = 3600;

    /// <summary>Requests one client may make in a window. Generous: it stops a runaway client, not normal or bulk use.</summary>
    public int PermitLimit { get; set; } = 20_000;

    /// <summary>The window's length in seconds.</summary>
    public int WindowSeconds { get; set; } = 10;
}

/// <summary>
/// Each client gets its own fixed window of requests: an API key is a client; a caller without a valid key
/// is a client per address, so guessing keys is limited too. Over the limit the service answers 429 with
/// Retry-After, and every response says the limit and what is left of it.
/// </summary>
public static class RateLimiting
{
    public const string LimitHeader = "X-RateLimit-Limit";
    public const string RemainingHeader = "X-RateLimit-Remaining";

    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>()
            .BindConfiguration(RateLimitSettings.Section)
            .Validate(
                s => s.PermitLimit is > 0 and <= RateLimitSettings.MostPermits && s.WindowSeconds is > 0 and <= RateLimitSettings.LongestWindowSeconds,
                $"RateLimiting:PermitLimit must be 1 to {RateLimitSettings.MostPermits}, and RateLimiting:WindowSeconds 1 to {RateLimitSettings.LongestWindowSeconds}.")
            .ValidateOnStart();
        services.AddSingleton(provider => ClientLimiter(provider.GetRequiredService<IOptions<RateLimitSettings>>().Value));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<PartitionedRateLimiter<HttpContext>>((options, limiter) =>
        {
            options.GlobalLimiter = limiter;
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>After authentication, so the limit follows the API key rather than the address.</summary>
    public static IApplicationBuilder UseClientRateLimiting(this IApplicationBuilder app)
    {
        var limiter = app.ApplicationServices.GetRequiredService<PartitionedRateLimiter<HttpContext>>();
        var settings = app.ApplicationServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
        var limit = settings.PermitLimit.ToString(CultureInfo.InvariantCulture);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var remaining = limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0;
                context.Response.Headers[LimitHeader] = limit;
                context.Response.Headers[RemainingHeader] = remaining.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app.UseRateLimiter();
    }

    private static PartitionedRateLimiter<HttpContext> ClientLimiter(RateLimitSettings settings) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                QueueLimit = 0,
            }));

    private static string ClientOf(HttpContext context) =>
        context.User.FindFirstValue(ApiKeyClaims.KeyId) is { } keyId ? $"key:{keyId}"
        : context.User.FindFirstValue(ApiKeyClaims.Client) is { } client ? $"client:{client}"
        : $"address:{context.Connection.RemoteIpAddress}";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : settings.WindowSeconds;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(retryAfter, 1).ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This client may make {settings.PermitLimit} requests every {settings.WindowSeconds} seconds; retry after the number of seconds in Retry-After.",
            },
        });
    }
}
