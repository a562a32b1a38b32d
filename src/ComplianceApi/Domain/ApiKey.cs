using System.Security.Cryptography;
using System.Text;

namespace ComplianceApi.Domain;

/// <summary>
/// A client application's credential. Only a SHA-256 hash of the secret is stored: the secret is 256
/// random bits, so a slow password hash would add latency to every request without adding safety.
/// </summary>
public sealed class ApiKey
{
    private const string SecretPrefix = "cak_";

    /// <summary>An issued secret: the prefix and 256 random bits in unpadded base64url (43 characters).</summary>
    public const int IssuedSecretLength = 47;

    /// <summary>The prefix and the first four characters of the random part.</summary>
    public const int HintLength = 8;

    /// <summary>
    /// How stale a key's <see cref="LastUsedAt"/> may be: it is written at most this often per key, not on
    /// every request, so using a key costs no write on the hot path.
    /// </summary>
    public static readonly TimeSpan LastUseRecordedEvery = TimeSpan.FromMinutes(1);

    private ApiKey() { }

    private ApiKey(Guid id, string clientName, ApiKeyRole role, string? forceCode, string secret, DateTimeOffset now, DateTimeOffset? expiresAt = null, Guid? replacesKeyId = null)
    {
        if (expiresAt <= now)
        {
            throw new DomainRuleException("A key's expiry must be in the future.");
        }

        Id = id;
        ClientName = clientName;
        Role = role;
        ForceCode = forceCode;
        SecretHash = Hash(secret);
        Hint = secret[..HintLength];
        CreatedAt = now;
        ExpiresAt = expiresAt;
        ReplacesKeyId = replacesKeyId;
    }

    public Guid Id { get; private set; }
    public string ClientName { get; private set; } = "";
    public ApiKeyRole Role { get; private set; }

    /// <summary>The one force this key may see and change; null for a national key.</summary>
    public string? ForceCode { get; private set; }

    public string SecretHash { get; private set; } = "";

    /// <summary>The secret's first characters, so people can tell keys apart without the secret.</summary>
    public string Hint { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>When the key stops working by itself; null for a key that works until revoked.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>When the key was last used, to within <see cref="LastUseRecordedEvery"/>; null if never.</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>The key this one was issued to replace (rotation); null for a key issued afresh.</summary>
    public Guid? ReplacesKeyId { get; private set; }

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt <= now;

    public static (ApiKey Key, string Secret) Issue(string clientName, ApiKeyRole role, string? forceCode, DateTimeOffset now, DateTimeOffset? expiresAt = null)
    {
        var secret = NewSecret();
        return (new ApiKey(Guid.CreateVersion7(now), clientName, role, forceCode, secret, now, expiresAt), secret);
    }

    /// <summary>
    /// A replacement for this key, for the same client, role and force, which works alongside this one until
    /// this one is revoked or expires; <paramref name="thisKeyExpiresAt"/> sets when this one stops, for a
    /// changeover with a deadline. An expiry can only be brought forward, never pushed back or removed.
    /// </summary>
    public (ApiKey Key, string Secret) Rotate(DateTimeOffset now, DateTimeOffset? expiresAt, DateTimeOffset? thisKeyExpiresAt)
    {
        if (RevokedAt is not null)
        {
            throw new DomainRuleException("The key is revoked; issue a new key instead of rotating it.");
        }

        if (IsExpiredAt(now))
        {
            throw new DomainRuleException("The key has expired; issue a new key instead of rotating it.");
        }

        if (thisKeyExpiresAt is { } until)
        {
            if (until <= now)
            {
                throw new DomainRuleException("The old key's expiry must be in the future; revoke it to stop it at once.");
            }

            if (ExpiresAt is { } current && until > current)
            {
                throw new DomainRuleException($"The old key already expires at {current:O}; rotation can bring that forward, not push it back.");
            }

            ExpiresAt = until;
        }

        var secret = NewSecret();
        return (new ApiKey(Guid.CreateVersion7(now), ClientName, Role, ForceCode, secret, now, expiresAt, Id), secret);
    }

    /// <summary>For a secret handed in by configuration, so an operator can provision the first admin.</summary>
    public static ApiKey FromSecret(string clientName, ApiKeyRole role, string secret, DateTimeOffset now)
    {
        if (secret.Length < 32)
        {
            throw new DomainRuleException("A configured API key must be at least 32 characters long.");
        }

        return new ApiKey(Guid.CreateVersion7(now), clientName, role, null, secret, now);
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Revokes the key; the record stays, for audit. <paramref name="revokedByKeyId"/> is the key asking.</summary>
    public void Revoke(Guid? revokedByKeyId, DateTimeOffset now)
    {
        if (revokedByKeyId == Id)
        {
            // Otherwise an admin could lock the service out by revoking the last admin key it holds.
            throw new DomainRuleException("A key cannot revoke itself; revoke it with another admin key.");
        }

        if (RevokedAt is not null)
        {
            throw new DomainRuleException("The key is already revoked.");
        }

        RevokedAt = now;
    }

    private static string NewSecret() => SecretPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
