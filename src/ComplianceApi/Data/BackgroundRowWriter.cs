using System.Threading.Channels;

namespace ComplianceApi.Data;

/// <summary>
/// Hands records to a <see cref="BulkRowWriter"/> running on a thread of its own, so that writing rows
/// (SQLite's work) overlaps the caller's work on the next ones (checking them through the domain): on
/// two cores a large load takes about as long as the slower of the two rather than their sum.
/// </summary>
/// <remarks>
/// The caller must not use the connection until <see cref="CompleteAsync"/> returns: only the writer's
/// thread uses it meanwhile. A record handed over is written in the caller's transaction, in the order
/// handed over; it may refer only to rows already stored.
/// </remarks>
public sealed class BackgroundRowWriter
{
    // Records cross in batches: one hand-over per record would cost about as much as writing it.
    private const int BatchSize = 512;
    private readonly Channel<List<object>> _batches = Channel.CreateUnbounded<List<object>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Task _writing;
    private List<object> _batch = new(BatchSize);
    private bool _completed;

    public BackgroundRowWriter(ComplianceDbContext db) =>
        _writing = Task.Run(async () =>
        {
            try
            {
                using var writer = BulkRowWriter.KeepingIds(db);
                await foreach (var batch in _batches.Reader.ReadAllAsync())
                {
                    foreach (var record in batch)
                    {
                        writer.Write(record);
                    }
                }
            }
            catch
            {
                // Stops taking records; the failure surfaces from CompleteAsync.
                _batches.Writer.TryComplete();
                throw;
            }
        });

    /// <summary>Queues the record (unbounded: the queue holds references to records the caller holds anyway).</summary>
    public void Write(object record)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _batch.Add(record);
        if (_batch.Count == BatchSize)
        {
            _batches.Writer.TryWrite(_batch);
            _batch = new List<object>(BatchSize);
        }
    }

    /// <summary>Waits until every record handed over is written, or rethrows why one could not be.</summary>
    public Task CompleteAsync()
    {
        if (!_completed)
        {
            _completed = true;
            _batches.Writer.TryWrite(_batch);
            _batches.Writer.TryComplete();
        }

        return _writing;
    }
}
