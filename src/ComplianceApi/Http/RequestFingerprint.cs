using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceApi.Http;

/// <summary>
/// The request as an Idempotency-Key must always mean it: a SHA-256 of its method, path, query and body. A
/// multipart body's boundary is new for every request (the generated clients draw a GUID), so an upload sent
/// again would differ from its first attempt by nothing else; the fingerprint leaves the boundary out. The
/// body is hashed as it is read, whoever reads it, so it is read once.
/// </summary>
public sealed class RequestFingerprint : IDisposable
{
    private readonly HttpRequest _request;
    private readonly Stream _body;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _boundary;
    // The end of what was read that could be the start of the boundary: hashed with the next read, or last.
    private readonly byte[] _pending;
    private int _pendingCount;
    private HashingStream? _reading;

    public RequestFingerprint(HttpRequest request)
    {
        _request = request;
        _body = request.Body;
        _hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        _boundary = MultipartBoundary(request.ContentType);
        _pending = new byte[_boundary.Length];
    }

    /// <summary>
    /// Hashes the body as the endpoint reads it (a streamed upload, stored as it arrives); the fingerprint is
    /// known once <see cref="OfRestAsync"/> has read what the endpoint left. Answers null: not known yet.
    /// </summary>
    public string? HashWhileRead()
    {
        _request.Body = _reading = new HashingStream(_body, this);
        return null;
    }

    /// <summary>Reads the whole body into the hash, buffered so that the endpoint reads it again.</summary>
    public async Task<string> OfBufferedBodyAsync(CancellationToken cancellationToken)
    {
        _request.EnableBuffering();
        var buffered = _request.Body;
        await new HashingStream(buffered, this).CopyToAsync(Stream.Null, cancellationToken);
        buffered.Position = 0;
        return Finish();
    }

    /// <summary>The fingerprint of a body hashed while read: what is left of it is read now, into the hash only.</summary>
    public async Task<string> OfRestAsync(CancellationToken cancellationToken)
    {
        var reading = _reading ?? throw new InvalidOperationException("The body is not being hashed while read.");
        await reading.CopyToAsync(Stream.Null, cancellationToken);
        return Finish();
    }

    public void Dispose()
    {
        if (_reading is not null)
        {
            _request.Body = _body;
        }

        _hash.Dispose();
    }

    private string Finish()
    {
        AppendWithout(_pending.AsSpan(0, _pendingCount), final: true);
        _pendingCount = 0;
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    private void Append(ReadOnlySpan<byte> read)
    {
        if (_pendingCount == 0)
        {
            Keep(read, AppendWithout(read, final: false));
            return;
        }

        var joined = ArrayPool<byte>.Shared.Rent(_pendingCount + read.Length);
        try
        {
            _pending.AsSpan(0, _pendingCount).CopyTo(joined);
            read.CopyTo(joined.AsSpan(_pendingCount));
            var data = joined.AsSpan(0, _pendingCount + read.Length);
            Keep(data, AppendWithout(data, final: false));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(joined);
        }
    }

    private void Keep(ReadOnlySpan<byte> data, int used)
    {
        _pendingCount = data.Length - used;
        data[used..].CopyTo(_pending);
    }

    // Hashes the data without the boundary's occurrences. Unless it is the last of the body, the end that could
    // be the start of an occurrence is left unhashed, to go in front of the next read; returns the bytes used.
    // Where the reads fall does not change the hash: an occurrence across two reads is found in the second.
    private int AppendWithout(ReadOnlySpan<byte> data, bool final)
    {
        var boundary = _boundary.AsSpan();
        var used = 0;
        int at;
        while (!boundary.IsEmpty && (at = data[used..].IndexOf(boundary)) >= 0)
        {
            _hash.AppendData(data.Slice(used, at));
            used += at + boundary.Length;
        }

        var kept = final || boundary.IsEmpty ? 0 : Math.Min(boundary.Length - 1, data.Length - used);
        _hash.AppendData(data[used..^kept]);
        return data.Length - kept;
    }

    private static byte[] MultipartBoundary(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
        && Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(type.Boundary) is { Length: > 0 } boundary
            ? Encoding.ASCII.GetBytes(boundary.ToString())
            : [];

    /// <summary>The body, read forward only, each read passed to the hash on its way.</summary>
    private sealed class HashingStream(Stream inner, RequestFingerprint fingerprint) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            fingerprint.Append(buffer[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            fingerprint.Append(buffer.Span[..read]);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
