namespace ComplianceApi.Support;

/// <summary>
/// A view of one record that carries its strong entity tag in the body as well as in the ETag header (as
/// Google AIP-154 does), so generated clients can send it back in If-Match without reading headers. The HTTP
/// edge fills it; in lists it is left out, since a tag belongs to the representation of one record.
/// </summary>
public interface ITaggedView
{
    string? Etag { get; set; }
}

public static class TaggedViews
{
    /// <summary>A tag's length: 18 bytes of a SHA-256 hash in base64url, in quotes.</summary>
    public const int EtagLength = 26;
}
