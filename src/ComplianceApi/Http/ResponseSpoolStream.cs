namespace ComplianceApi.Http;

/// <summary>
/// Lets writers that only write synchronously (zip, XML, CSV writers) stream a large document to an HTTP
/// response, which refuses synchronous writes. They write into this spool in memory; the caller sends
/// what has gathered to the response asynchronously between rows, so memory holds a few rows' worth,
/// never the document.
/// </summary>
public sealed class ResponseSpoolStream(Stream response) : Stream
{
    /// <summary>How much gathers before <see cref="SendWhenFullAsync"/> sends it.</summary>
    public const int SendAt = 64 * 1024;

    private readonly MemoryStream _pending = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

    public override void WriteByte(byte value) => _pending.WriteByte(value);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _pending.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _pending.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Nothing to do: writers flush often, and what they write is kept until there is enough to send.</summary>
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Sends what has gathered once there is enough of it to be worth a write.</summary>
    public async Task SendWhenFullAsync(CancellationToken cancellationToken)
    {
        if (_pending.Length >= SendAt)
        {
            await SendAsync(cancellationToken);
        }
    }

    /// <summary>Sends everything gathered so far.</summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        if (_pending.Length == 0)
        {
            return;
        }

        await response.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
        _pending.SetLength(0);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pending.Dispose();
        }

        base.Dispose(disposing);
    }
}
