using ComplianceApi.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Data;

/// <summary>
/// A stored evidence file's bytes, read from its chunk rows one chunk at a time as the reader moves: seekable,
/// so a download can answer a range and a zip can be read from its directory at the end, with one chunk in
/// memory. Reads join the context's transaction, so a file being uploaded can be read back before it commits.
/// </summary>
public sealed class StoredFileStream(ComplianceDbContext db, Guid fileId, long length, int chunkSize) : Stream
{
    private byte[] _chunk = [];
    private int _chunkIndex = -1;
    private long _position;

    public static StoredFileStream Of(ComplianceDbContext db, EvidenceFile file) => new(db, file.Id, file.Size, file.ChunkSize);

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!Positioned(buffer.Length, out var index))
        {
            return 0;
        }

        if (index != _chunkIndex)
        {
            Loaded(index, db.EvidenceFileChunks.AsNoTracking().Where(c => c.FileId == fileId && c.Index == index).Select(c => c.Data).SingleOrDefault());
        }

        return CopyOut(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!Positioned(buffer.Length, out var index))
        {
            return 0;
        }

        if (index != _chunkIndex)
        {
            Loaded(index, await db.EvidenceFileChunks.AsNoTracking().Where(c => c.FileId == fileId && c.Index == index)
                .Select(c => c.Data).SingleOrDefaultAsync(cancellationToken));
        }

        return CopyOut(buffer.Span);
    }

    private bool Positioned(int wanted, out int index)
    {
        index = (int)(_position / chunkSize);
        return wanted > 0 && _position < length;
    }

    private void Loaded(int index, byte[]? data)
    {
        var expected = (int)Math.Min(chunkSize, length - ((long)index * chunkSize));
        if (data is null || data.Length != expected)
        {
            throw new StoredFileDamagedException($"Chunk {index} of file {fileId} is {(data is null ? "missing" : $"{data.Length} bytes, not {expected}")}.");
        }

        _chunk = data;
        _chunkIndex = index;
    }

    private int CopyOut(Span<byte> buffer)
    {
        var at = (int)(_position - ((long)_chunkIndex * chunkSize));
        var count = Math.Min(buffer.Length, _chunk.Length - at);
        _chunk.AsSpan(at, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A stored file's chunks are not what its version row says: one missing, or of the wrong length.</summary>
public sealed class StoredFileDamagedException(string message) : Exception(message);
