using System.ComponentModel.DataAnnotations;
using Mapster;

namespace ComplianceApi.Features.Evidence;

/// <summary>One version of a piece of evidence's file.</summary>
/// <param name="EvidenceId">The evidence the file belongs to.</param>
/// <param name="Version">1 for the first file uploaded, one more for each upload after it.</param>
/// <param name="FileName">The name it was uploaded with, without path or characters a file system or header could misread.</param>
/// <param name="ContentType">The media type its bytes were recognised as (never the one declared when it was uploaded).</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="Sha256">The SHA-256 of its bytes, in lower-case hex; its download's ETag.</param>
/// <param name="UploadedBy">The client that uploaded it, as authenticated (its API key's name, or a token's application).</param>
/// <param name="UploadedAt">When it was uploaded.</param>
/// <param name="Quarantined">Whether its stored bytes were found not to match its hash: a quarantined version is never served.</param>
public sealed record EvidenceFileView(
    Guid EvidenceId,
    int Version,
    string FileName,
    string ContentType,
    [property: Range(0, long.MaxValue)] long Size,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    bool Quarantined);

public sealed class EvidenceFileViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<Domain.EvidenceFile, EvidenceFileView>().Map(v => v.Quarantined, f => f.QuarantinedAt != null);
}
