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

    private ApiKey() { }

    private ApiKey(Guid id, string clientName, ApiKeyRole role, string? forceCode, string secret, DateTimeOffset now)
    {
        Id = id;
        ClientName = clientName;
        Role = role;
        ForceCode = forceCode;
        SecretHash = Hash(secret);
        Hint = secret[..HintLength];
        CreatedAt = now;
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

    public static (ApiKey Key, string Secret) Issue(string clientName, ApiKeyRole role, string? forceCode, DateTimeOffset now)
    {
        var secret = SecretPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (new ApiKey(Guid.CreateVersion7(now), clientName, role, forceCode, secret, now), secret);
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

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
