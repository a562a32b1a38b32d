using System.Collections.Concurrent;
using ComplianceApi.Domain;

namespace ComplianceApi.Http;

/// <summary>
/// Keys this instance has recently authenticated, so that most requests skip the database lookup (on the
/// benchmark's list views that lookup was a large share of each request). An entry lives for
/// <see cref="Lifetime"/>. Revoking a key forgets it here at once; another instance of the service on the
/// same PostgreSQL database keeps accepting it until its own entry expires, at most <see cref="Lifetime"/>.
/// Unknown secrets are never cached, so a new key works at once and guessing fills nothing.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (AuthenticatedKey Key, DateTimeOffset Until)> _keys = new(StringComparer.Ordinal);

    // A revoked key is not cached again for a lifetime: a request that read it just before the revocation
    // committed must not put it back.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);

    // When this instance last wrote each key's last use: it writes again only once that is a minute old.
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastUseWritten = new();

    /// <summary>
    /// Whether this request should write its key's last use: true for one request per key per
    /// <see cref="ApiKey.LastUseRecordedEvery"/> on this instance (the write itself is conditional, so several
    /// instances together still change the column at most that often).
    /// </summary>
    public bool IsLastUseDue(Guid keyId, DateTimeOffset now)
    {
        while (true)
        {
            if (!_lastUseWritten.TryGetValue(keyId, out var written))
            {
                if (_lastUseWritten.TryAdd(keyId, now))
                {
                    return true;
                }

                continue;
            }

            if (now - written < ApiKey.LastUseRecordedEvery)
            {
                return false;
            }

            if (_lastUseWritten.TryUpdate(keyId, now, written))
            {
                return true;
            }
        }
    }

    public AuthenticatedKey? Find(string secretHash) =>
        _keys.TryGetValue(secretHash, out var entry) && entry.Until > clock.GetUtcNow() ? entry.Key : null;

    public void Remember(string secretHash, AuthenticatedKey key)
    {
        var now = clock.GetUtcNow();
        if (!(_revoked.TryGetValue(secretHash, out var blockedUntil) && blockedUntil > now))
        {
            _keys[secretHash] = (key, now + Lifetime);
        }
    }

    public void Forget(string secretHash)
    {
        var now = clock.GetUtcNow();
        _revoked[secretHash] = now + Lifetime;
        _keys.TryRemove(secretHash, out _);
        foreach (var (hash, until) in _revoked.Where(r => r.Value <= now))
        {
            _revoked.TryRemove(new KeyValuePair<string, DateTimeOffset>(hash, until));
        }
    }
}

/// <summary>What a request needs to know of the key it came with.</summary>
public sealed record AuthenticatedKey(Guid Id, string ClientName, ApiKeyRole Role, string? ForceCode, DateTimeOffset? ExpiresAt);
