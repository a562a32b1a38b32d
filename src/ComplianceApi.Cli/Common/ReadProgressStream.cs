namespace ComplianceApi.Cli.Common;

/// <summary>
/// A readable stream that says, after each read, how far into the inner stream it has got: an upload's
/// progress, measured as the HTTP client reads the file to send it. Length and seeking pass through, so
/// the request still carries a Content-Length and a retried send starts again from the beginning.
/// </summary>
public sealed class ReadProgressStream(Stream inner, Action<long> readUpTo) : Stream
{
    private long _position;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set
        {
            inner.Position = value;
            readUpTo(_position = value);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Reported(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Reported(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Reported(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        _position = inner.Seek(offset, origin);
        readUpTo(_position);
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private int Reported(int read)
    {
        readUpTo(_position += read);
        return read;
    }
}
