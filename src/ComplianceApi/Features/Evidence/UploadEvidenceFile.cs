using System.Globalization;
using System.Security.Cryptography;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Http;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceApi.Features.Evidence;

public sealed record UploadEvidenceFileCommand(Guid EvidenceId, UploadedPart File) : ICommand<EvidenceFileView>;

/// <summary>
/// Stores the file as the evidence's next version while it is received: a chunk at a time into
/// EvidenceFileChunks, hashed and counted as it passes, its type recognised from its first bytes. All of it is
/// in the request's one transaction, so a refusal, a limit or a connection cut off part way leaves nothing.
/// </summary>
public sealed class UploadEvidenceFileHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, IOptions<EvidenceFileOptions> options, TypeAdapterConfig mapping)
    : IRequestHandler<UploadEvidenceFileCommand, EvidenceFileView>
{
    /// <summary>Rows of 256 KiB: large enough that a file is few rows, small enough to hold one in memory per upload.</summary>
    public const int ChunkSize = 256 * 1024;

    public async Task<EvidenceFileView> Handle(UploadEvidenceFileCommand command, CancellationToken cancellationToken)
    {
        var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == command.EvidenceId, cancellationToken)
            ?? throw NotFoundException.For("evidence", command.EvidenceId);
        // One upload at a time per evidence: the version number and the evidence's total are read, then written.
        await db.LockRowAsync(typeof(Domain.Evidence), evidence.Id.ToString(), cancellationToken);
        var versions = await db.EvidenceFiles.Where(f => f.EvidenceId == evidence.Id).Select(f => new { f.Version, f.Size }).ToListAsync(cancellationToken);
        var limits = options.Value;
        var held = versions.Sum(v => v.Size);

        var now = clock.GetUtcNow();
        var file = new EvidenceFile(Guid.CreateVersion7(now), evidence, versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1,
            EvidenceFileTypes.SanitiseFileName(command.File.FileName), caller.Client, now);
        db.EvidenceFiles.Add(file);
        evidence.Resubmit(now);
        await db.SaveChangesAsync(cancellationToken);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        string? type = null;
        Utf8Text? text = null;
        long size = 0;
        var index = 0;
        int filled;
        do
        {
            filled = await command.File.Content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            size += filled;
            EnsureWithinLimits(size, held, limits);
            var bytes = buffer.AsMemory(0, filled);
            if (type is null)
            {
                type = EvidenceFileTypes.Recognise(bytes.Span[..Math.Min(filled, EvidenceFileTypes.SniffBytes)], file.FileName);
                text = type is EvidenceFileTypes.Text or EvidenceFileTypes.Csv or EvidenceFileTypes.Email ? new Utf8Text() : null;
            }

            text?.Take(bytes.Span, final: filled < buffer.Length);
            if (filled == 0)
            {
                break;
            }

            hash.AppendData(bytes.Span);
            var chunk = new EvidenceFileChunk(file.Id, index++, bytes.ToArray());
            db.EvidenceFileChunks.Add(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(chunk).State = EntityState.Detached;
        }
        while (filled == buffer.Length);

        if (type == EvidenceFileTypes.Zip)
        {
            // An Office document is told from any other zip, and one with macros refused, by its parts: read
            // from the directory at the zip's end, back out of the rows just written.
            await using var stored = new StoredFileStream(db, file.Id, size, ChunkSize);
            type = EvidenceFileTypes.InspectOfficeDocument(stored);
        }

        file.Complete(type, size, Convert.ToHexStringLower(hash.GetHashAndReset()), ChunkSize);
        await db.SaveChangesAsync(cancellationToken);
        return file.Adapt<EvidenceFileView>(mapping);
    }

    private static void EnsureWithinLimits(long size, long held, EvidenceFileOptions limits)
    {
        if (size > limits.MaxFileBytes)
        {
            throw new PayloadTooLargeException($"The file is larger than the {Bytes(limits.MaxFileBytes)} bytes one file may be.");
        }

        if (held + size > limits.MaxBytesPerEvidence)
        {
            throw new PayloadTooLargeException(
                $"The evidence's files already hold {Bytes(held)} bytes, and one piece of evidence may hold {Bytes(limits.MaxBytesPerEvidence)} in all; this file would take it over.");
        }
    }

    private static string Bytes(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
