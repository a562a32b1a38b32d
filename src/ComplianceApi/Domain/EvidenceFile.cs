namespace ComplianceApi.Domain;

/// <summary>
/// One version of a piece of evidence's file. Its bytes live in <see cref="EvidenceFileChunk"/> rows written
/// in the same transaction, so a version never exists without its bytes, nor bytes without their version.
/// A new upload is a new version; older versions are kept.
/// </summary>
public sealed class EvidenceFile
{
    /// <summary>The most versions one piece of evidence keeps: a document revised monthly for forty years fits.</summary>
    public const int MostVersions = 500;

    private EvidenceFile() { }

    public EvidenceFile(Guid id, Evidence evidence, int version, string fileName, AuditClient uploadedBy, DateTimeOffset now)
    {
        if (version > MostVersions)
        {
            throw new DomainRuleException($"This evidence already has {MostVersions} versions of its file, the most one piece of evidence keeps; record a new piece of evidence for a further version.");
        }

        Id = id;
        EvidenceId = evidence.Id;
        ForceCode = evidence.ForceCode;
        Version = version;
        FileName = fileName;
        UploadedBy = uploadedBy.Name;
        UploadedByClient = uploadedBy.Id;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid EvidenceId { get; private set; }
    public string ForceCode { get; private set; } = "";

    /// <summary>1 for the evidence's first file, then one more for each upload.</summary>
    public int Version { get; private set; }

    /// <summary>The name the uploader gave it, with what a file system or a header could misread taken out.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The media type its bytes were recognised as, never the one the uploader declared.</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>The SHA-256 of its bytes, lower-case hex, computed while they were received.</summary>
    public string Sha256 { get; private set; } = "";

    public int ChunkSize { get; private set; }
    public string UploadedBy { get; private set; } = "";
    public string UploadedByClient { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>When the integrity check last read it back and found its hash; null until the first check.</summary>
    public DateTimeOffset? CheckedAt { get; private set; }

    /// <summary>When its bytes were found not to match its hash: from then on it is never served.</summary>
    public DateTimeOffset? QuarantinedAt { get; private set; }

    public void Complete(string contentType, long size, string sha256, int chunkSize)
    {
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        ChunkSize = chunkSize;
    }
}

/// <summary>A run of a file's bytes, in order by <see cref="Index"/>; every chunk but the last is the version's chunk size.</summary>
public sealed class EvidenceFileChunk(Guid fileId, int index, byte[] data)
{
    public Guid FileId { get; private set; } = fileId;
    public int Index { get; private set; } = index;
    public byte[] Data { get; private set; } = data;
}
