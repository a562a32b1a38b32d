using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Data;

/// <summary>
/// The outcome of a POST sent with an Idempotency-Key, stored in the transaction that made its change, so
/// a crash leaves either both or neither: a retry with the same key gets this outcome instead of a second
/// write. Bookkeeping, not data: writing one is neither an audit event nor a change of the data version.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord() { }

    public IdempotencyRecord(string clientId, string key, string fingerprint, string request, int status, string? contentType, string? location, string? etag, byte[] body, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        ClientId = clientId;
        Key = key;
        Fingerprint = fingerprint;
        Request = request;
        Status = status;
        ContentType = contentType;
        Location = location;
        ETag = etag;
        Body = body;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    /// <summary>Keys are scoped to the client that sent them: two clients may use the same key for different requests.</summary>
    public string ClientId { get; private set; } = "";

    public string Key { get; private set; } = "";

    /// <summary>SHA-256 of the method, path, query and body: the same key with another request is refused.</summary>
    public string Fingerprint { get; private set; } = "";

    /// <summary>The first request's method and path, to tell the caller which request the key belongs to.</summary>
    public string Request { get; private set; } = "";

    public int Status { get; private set; }
    public string? ContentType { get; private set; }
    public string? Location { get; private set; }
    public string? ETag { get; private set; }
    public byte[] Body { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
}

public static class IdempotencyRecords
{
    /// <summary>The most characters a key may have; the draft leaves it to the server.</summary>
    public const int MostKeyLength = 255;

    /// <summary>The key's stored outcome, kept or past its keeping period (<see cref="IdempotencyRecord.ExpiresAt"/> tells).</summary>
    public static Task<IdempotencyRecord?> FindAsync(this ComplianceDbContext db, string clientId, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.ClientId == clientId && r.Key == key, cancellationToken);

    /// <summary>Forgets this key's outcome if it is past its keeping period, so the key can be used afresh before the purge runs.</summary>
    public static Task<int> ForgetExpiredAsync(this ComplianceDbContext db, string clientId, string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.Where(r => r.ClientId == clientId && r.Key == key && r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Takes the key for this transaction on PostgreSQL, without waiting: false when another transaction, on
    /// any instance, holds it. The lock ends with the transaction, so a crashed request never keeps a key.
    /// SQLite has one writer at a time (its write transactions are IMMEDIATE), and the caller's in-process
    /// claim covers requests that have not begun one yet.
    /// </summary>
    public static async Task<bool> TryLockAsync(this ComplianceDbContext db, string clientId, string key, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return true;
        }

        var name = $"idempotency:{clientId}:{key}";
        return await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({name}, 0)) AS \"Value\"").SingleAsync(cancellationToken);
    }

    /// <summary>Forgets outcomes past their keeping period; safe to run on every instance at once.</summary>
    public static Task<int> PurgeExpiredAsync(this ComplianceDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
}
