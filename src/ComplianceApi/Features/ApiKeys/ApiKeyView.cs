using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;

namespace ComplianceApi.Features.ApiKeys;

/// <summary>A client application's key, without its secret (which is never stored) or its hash.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="ClientName">The application it was issued to.</param>
/// <param name="Role">Reader, editor or admin.</param>
/// <param name="ForceCode">The one force the key may see and change; null for a national key.</param>
/// <param name="Hint">The secret's first characters, to tell keys apart.</param>
/// <param name="CreatedAt">When the key was issued.</param>
/// <param name="RevokedAt">When the key was revoked; null while it works.</param>
/// <param name="ExpiresAt">When the key stops working by itself; null for a key that works until revoked.</param>
/// <param name="LastUsedAt">When the key was last used, to within a minute; null if never.</param>
/// <param name="ReplacesKeyId">The key this one was issued to replace by rotation; null for a key issued afresh.</param>
public sealed record ApiKeyView(
    Guid Id,
    string ClientName,
    ApiKeyRole Role,
    string? ForceCode,
    string Hint,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    Guid? ReplacesKeyId)
    : ITaggedView
{
    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since. Absent in lists.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }
}

public sealed class ApiKeyViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<ApiKey, ApiKeyView>();
}

/// <summary>A key just issued, with its secret: shown this once, and never retrievable again.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="ClientName">The application it was issued to.</param>
/// <param name="Role">Reader, editor or admin.</param>
/// <param name="ForceCode">The one force the key may see and change; null for a national key.</param>
/// <param name="Hint">The secret's first characters, to tell keys apart.</param>
/// <param name="CreatedAt">When the key was issued.</param>
/// <param name="Secret">The secret to send in the X-Api-Key header. Keep it safe: it cannot be shown again.</param>
/// <param name="ExpiresAt">When the key stops working by itself; null for a key that works until revoked.</param>
/// <param name="ReplacesKeyId">The key this one replaces (rotation), which keeps working until it is revoked or expires; null for a key issued afresh.</param>
/// <remarks>Built from a key and a secret, not projected from the database, so it states its own limits.</remarks>
public sealed record ApiKeyIssuedView(
    Guid Id,
    [property: MaxLength(Lengths.Name)] string ClientName,
    ApiKeyRole Role,
    [property: MaxLength(Lengths.Code)] string? ForceCode,
    [property: MaxLength(ApiKey.HintLength)] string Hint,
    DateTimeOffset CreatedAt,
    [property: MaxLength(ApiKey.IssuedSecretLength)] string Secret,
    DateTimeOffset? ExpiresAt,
    Guid? ReplacesKeyId);

/// <summary>A key as issued: the stored key and the secret it was issued with, which only the issuer ever holds.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);

public sealed class ApiKeyIssuedViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<IssuedApiKey, ApiKeyIssuedView>()
        .Map(v => v, issued => issued.Key);
}
