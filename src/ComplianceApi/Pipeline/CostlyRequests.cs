using MediatR;

namespace ComplianceApi.Pipeline;

/// <summary>
/// A read whose handler folds a force's whole history in memory (a position statement, a force summary):
/// its rows, texts and answer, megabytes of them, live while it runs. At most <see cref="CostlyRequestOptions.MostAtOnce"/> run at once
/// on an instance; the rest wait their turn. They are bound by the CPU, so more at once would finish no
/// sooner, and each one more adds its working set to the process's peak.
/// </summary>
public interface ICostlyRequest;

/// <summary><c>CostlyRequests:MostAtOnce</c>: how many costly requests an instance computes at once; the number of processors (at most <see cref="Most"/>) when unset.</summary>
public sealed class CostlyRequestOptions
{
    public const string Section = "CostlyRequests";

    public const int Most = 256;

    public int MostAtOnce { get; set; } = Math.Min(Environment.ProcessorCount, Most);
}

/// <summary>The instance's slots for costly requests.</summary>
public sealed class CostlyRequestSlots(Microsoft.Extensions.Options.IOptions<CostlyRequestOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MostAtOnce);

    /// <summary>Slots free now.</summary>
    public int Free => _slots.CurrentCount;

    /// <summary>Waits for a slot (or for the request to be cancelled); disposing the answer frees it.</summary>
    public async Task<IDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _freed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _freed, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}

/// <summary>Runs a costly request's handler in one of the instance's slots, taken before its transaction opens.</summary>
public sealed class CostlyRequestBehaviour<TRequest, TResponse>(CostlyRequestSlots slots) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICostlyRequest)
        {
            return await next();
        }

        using var slot = await slots.TakeAsync(cancellationToken);
        return await next();
    }
}
