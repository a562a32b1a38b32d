using ComplianceApi.Support;

namespace ComplianceApi.Data;

/// <summary>
/// Forgets Idempotency-Key outcomes past their keeping period, hourly. Every instance runs it: a delete of
/// expired rows is the same whoever runs it, and lookups already ignore expired outcomes meanwhile.
/// </summary>
public sealed class IdempotencyPurge(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyPurge> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        // The first round waits an hour: at start-up the database may not be migrated yet (and the build
        // starts the host to write the contract, with no database at all).
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ComplianceDbContext>().PurgeExpiredAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next round tries again; until then expired outcomes are only rows nobody reads.
                logger.IdempotencyPurgeFailed(exception);
            }
        }
    }
}
