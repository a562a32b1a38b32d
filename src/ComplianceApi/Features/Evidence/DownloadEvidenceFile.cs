using ComplianceApi.Data;
using ComplianceApi.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Evidence;

/// <summary>A version of an evidence's file; the latest when <paramref name="Version"/> is null.</summary>
public sealed record DownloadEvidenceFileQuery(Guid EvidenceId, int? Version) : IRequest<EvidenceFileContent>;

/// <summary>A version's row and its bytes, read from the database as they are sent, and the response it is evidence for, if any.</summary>
public sealed record EvidenceFileContent(Domain.EvidenceFile File, Stream Content, Guid? ResponseId);

public sealed class DownloadEvidenceFileHandler(ComplianceDbContext db) : IRequestHandler<DownloadEvidenceFileQuery, EvidenceFileContent>
{
    public async Task<EvidenceFileContent> Handle(DownloadEvidenceFileQuery query, CancellationToken cancellationToken)
    {
        var file = await db.EvidenceFiles.AsNoTracking()
            .Where(f => f.EvidenceId == query.EvidenceId && (query.Version == null || f.Version == query.Version))
            .OrderByDescending(f => f.Version).FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            throw await db.Evidence.AnyAsync(e => e.Id == query.EvidenceId, cancellationToken)
                ? new NotFoundException(query.Version is { } version
                    ? $"Evidence '{query.EvidenceId}' has no file version {version}."
                    : $"Evidence '{query.EvidenceId}' has no file yet.")
                : NotFoundException.For("evidence", query.EvidenceId);
        }

        if (file.QuarantinedAt is { } quarantinedAt)
        {
            throw new QuarantinedFileException(
                $"Version {file.Version} of evidence '{file.EvidenceId}' was found on {quarantinedAt:yyyy-MM-dd} not to match the hash it was uploaded with; "
                + "it is quarantined and never served. Upload the file again as a new version.");
        }

        var responseId = await db.Evidence.AsNoTracking().Where(e => e.Id == file.EvidenceId).Select(e => e.ResponseId).SingleAsync(cancellationToken);
        return new EvidenceFileContent(file, StoredFileStream.Of(db, file), responseId);
    }
}
