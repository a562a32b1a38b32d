using System.Data.Common;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Data;

public static class KeyUse
{
    /// <summary>
    /// Records that a key was used. Bookkeeping, not data: it goes around SaveChanges, so it makes no audit
    /// event and leaves the data version (and the caches keyed on it) alone. The condition lets only one of
    /// several instances change the column in any <see cref="ApiKey.LastUseRecordedEvery"/>; a failure (a
    /// busy database) costs the request nothing but this record, which a later request writes.
    /// </summary>
    public static async Task RecordKeyUseAsync(this ComplianceDbContext db, Guid keyId, DateTimeOffset now, ILogger logger)
    {
        var stale = now - ApiKey.LastUseRecordedEvery;
        try
        {
            // Not the request's token: a client that hangs up must not leave the write half-done on a shared connection.
            await db.ApiKeys
                .Where(k => k.Id == keyId && (k.LastUsedAt == null || k.LastUsedAt <= stale))
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), CancellationToken.None);
        }
        catch (DbException e)
        {
            logger.KeyUseNotRecorded(e, keyId);
        }
    }
}
