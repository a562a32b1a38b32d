using ComplianceApi.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplianceApi.Operations;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (its database answers and has every
/// migration this build knows), for an orchestrator's probes and a load balancer. Answered ahead of
/// authentication and the rate limit: a probe holds no key, and must not be refused for a busy client's
/// sake. Not in the contract: they are for whoever runs the service, not for its clients.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    private const string ReadinessTag = "ready";

    public static IServiceCollection AddServiceHealth(this IServiceCollection services)
    {
        // A singleton, so what it learnt about the schema lasts between probes.
        services.AddSingleton<DatabaseReadiness>();
        services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: [ReadinessTag], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static IApplicationBuilder UseServiceHealth(this IApplicationBuilder app) =>
        app.UseHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false })
            .UseHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessTag) });

    public static bool IsHealthPath(PathString path) => path.StartsWithSegments("/health", StringComparison.Ordinal);
}

/// <summary>
/// Ready when the database answers and its schema is current. Once every migration is found applied the
/// schema stays current for this build (another instance can only add newer ones), so from then on a probe
/// costs one <c>SELECT 1</c>.
/// </summary>
internal sealed class DatabaseReadiness(IServiceScopeFactory scopes) : IHealthCheck
{
    private volatile bool _schemaIsCurrent;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>().Database;
        if (_schemaIsCurrent)
        {
            await database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy();
        }

        var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"The database lacks {pending.Count} migration(s), the first {pending[0]}; run the service with the migrate verb.");
        }

        _schemaIsCurrent = true;
        return HealthCheckResult.Healthy();
    }
}
