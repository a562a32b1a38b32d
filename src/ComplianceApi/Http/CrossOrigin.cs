namespace ComplianceApi.Http;

/// <summary>
/// Cross-origin requests (the TypeScript client in a browser page served from another origin) are refused
/// unless <c>Cors:Origins</c> lists the page's origins, as an array (<c>Cors__Origins__0</c>, …) or one
/// comma-separated value. Listed origins may send any header (the API key, If-Match, Idempotency-Key) and
/// read the headers a client needs: ETag, Location, Idempotent-Replayed, the rate limit's and Retry-After.
/// No credentials (cookies) are allowed: callers authenticate with headers.
/// </summary>
public static class CrossOrigin
{
    public const string OriginsSetting = "Cors:Origins";

    public static string[] Origins(IConfiguration configuration)
    {
        var section = configuration.GetSection(OriginsSetting);
        var listed = section.Value is { Length: > 0 } single ? single.Split(',') : section.GetChildren().Select(child => child.Value ?? "");
        return [.. listed.Select(origin => origin.Trim().TrimEnd('/')).Where(origin => origin.Length > 0)];
    }

    public static IServiceCollection AddCrossOrigin(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = Origins(configuration);
        if (origins.Length > 0)
        {
            services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
                .WithOrigins(origins)
                .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
                .AllowAnyHeader()
                .WithExposedHeaders(
                    "ETag", "Location", WriteRequests.ReplayedHeader, RateLimiting.LimitHeader, RateLimiting.RemainingHeader, "Retry-After", "Content-Disposition")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        }

        return services;
    }

    /// <summary>Before authentication, so a preflight (which carries no key) is answered rather than refused.</summary>
    public static IApplicationBuilder UseCrossOrigin(this IApplicationBuilder app, IConfiguration configuration) =>
        Origins(configuration).Length > 0 ? app.UseCors() : app;
}
