using System.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Data;

/// <summary>
/// The audit trail read as a feed of changes: a reader that keeps the position it reached sees every
/// committed event once, in commit order, and never passes over one that commits after a later-numbered
/// one. The change feed (GET /api/v1/changes) reads it this way; so can anything else that follows the
/// trail (a webhook dispatcher keeping one position per subscription).
/// </summary>
/// <remarks>
/// Two things make a position safe to keep. Every event is numbered while its transaction holds the feed's
/// order lock (<see cref="OrderLockStatement"/>), which it keeps until it commits (<see cref="ComplianceDbContext"/>):
/// writers take it one after another, so numbers follow commit order, and an event visible to a reader has every lower
/// number committed before it. On SQLite writers are serialized anyway (IMMEDIATE transactions). On
/// PostgreSQL, as a second guard for any writer that numbers an event without that lock, the feed reads in
/// one snapshot and stops before the first event written by a transaction at or above the snapshot's
/// <c>pg_snapshot_xmin</c>: every transaction below it has finished, so nothing numbered below the events
/// served can still appear, while one still running may.
/// </remarks>
public static class ChangeFeed
{
    /// <summary>The writing transaction's id on PostgreSQL, as the default of <see cref="AuditEvent.TransactionId"/>.</summary>
    public const string CurrentTransactionIdSql = "(pg_current_xact_id()::text)::bigint";

    /// <summary>The feed's cursors, tagged so one issued by another list (the audit trail's) is refused rather than misread.</summary>
    public static readonly SequenceCursor Cursors = new("changes");

    /// <summary>
    /// National records whose changes a force's readers (and a force's webhook subscriptions) see too:
    /// inspections and findings, which every force reads, and national spreadsheet loads, which write force
    /// records without an event of each (the load's one event tells a force's mirror to read its records again).
    /// </summary>
    public static readonly string[] NationalRecordsForcesSee = ["inspection", "finding", "import"];

    /// <summary>Records whose changes only admins read, as only they read the records.</summary>
    public static readonly string[] AdminRecords = ["key", "webhook_subscription"];

    /// <summary>The cursor a reader passes to continue just after an event.</summary>
    public static string CursorAfter(long sequence) => Cursors.After(sequence);

    /// <summary>The events a reader limited to some forces (one, or a collaboration's) sees: theirs, and national records' every force reads.</summary>
    public static IQueryable<AuditEvent> SeenBy(this IQueryable<AuditEvent> events, IReadOnlyList<string> forces) =>
        events.Where(a => (a.ForceCode != null && forces.Contains(a.ForceCode)) || (a.ForceCode == null && NationalRecordsForcesSee.Contains(a.RecordType)));

    /// <summary>
    /// The statement that takes the lock under which events are numbered, inside the writing transaction, until
    /// it ends: a transaction-scoped advisory lock, a lock on no row, released by the commit or the rollback.
    /// Null on SQLite, where a writing transaction holds the database's one write lock already. The context runs
    /// it just before the save's data stamps, in the same round trip (<see cref="DataVersions.MarkChangedAsync(ComplianceDbContext, DataScope, string?, CancellationToken)"/>).
    /// </summary>
    public static string? OrderLockStatement(this ComplianceDbContext db) =>
        db.Database.IsNpgsql() ? "SELECT pg_advisory_xact_lock(7273494301951)" : null;

    private const string OldestRunningTransactionSql = """SELECT (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint AS "Value" """;

    /// <summary>
    /// Events after <paramref name="after"/> that are settled (no event numbered below them can still
    /// commit), narrowed by <paramref name="select"/> (what the reader may see and asked for), at most
    /// <paramref name="limit"/>; and the position to read on from. That position passes over settled events
    /// <paramref name="select"/> left out, so a reader of a few kinds does not read the others again.
    /// </summary>
    public static async Task<ChangeFeedPage> ReadAsync(
        this ComplianceDbContext db,
        long after,
        Func<IQueryable<AuditEvent>, IQueryable<AuditEvent>> select,
        int limit,
        CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();

        // One snapshot for every statement below: the bound, the end and the page agree.
        await using var snapshot = postgres && db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken)
            : null;
        long? heldFrom = null;
        if (postgres)
        {
            var oldestRunning = await db.Database.SqlQueryRaw<long>(OldestRunningTransactionSql).SingleAsync(cancellationToken);
            heldFrom = await db.AuditEvents.Where(a => a.Sequence > after && a.TransactionId >= oldestRunning)
                .MinAsync(a => (long?)a.Sequence, cancellationToken);
        }

        var settled = db.AuditEvents.AsNoTracking().Where(a => a.Sequence > after && (heldFrom == null || a.Sequence < heldFrom));
        var end = await settled.MaxAsync(a => (long?)a.Sequence, cancellationToken) ?? after;
        // A read of a restricted report is in the trail but changed nothing: the feed is of changes.
        var fetched = await select(settled.Where(a => a.Sequence <= end && a.Kind != RestrictedReports.ReadKind)).OrderBy(a => a.Sequence).Take(limit + 1).ToListAsync(cancellationToken);
        if (snapshot is not null)
        {
            await snapshot.CommitAsync(cancellationToken);
        }

        return fetched.Count > limit
            ? new ChangeFeedPage(fetched[..limit], fetched[limit - 1].Sequence, HasMore: true)
            : new ChangeFeedPage(fetched, end, HasMore: false);
    }

    /// <summary>
    /// Where a reader without a position starts: just before the first event still inside the feed's window
    /// (or after the last event, when none is).
    /// </summary>
    public static async Task<long> StartAsync(this ComplianceDbContext db, DateTimeOffset windowStart, CancellationToken cancellationToken) =>
        (await db.AuditEvents.Where(a => a.OccurredAt >= windowStart).MinAsync(a => (long?)a.Sequence, cancellationToken) - 1)
        ?? await db.AuditEvents.MaxAsync(a => (long?)a.Sequence, cancellationToken)
        ?? 0;

    /// <summary>
    /// Whether a reader at <paramref name="after"/> has fallen out of the window: the first event it has
    /// not read is older than the window's start, so it may have missed changes the feed no longer vouches
    /// for and must read the records again.
    /// </summary>
    public static async Task<bool> IsBeforeWindowAsync(this ComplianceDbContext db, long after, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        var firstUnread = await db.AuditEvents.Where(a => a.Sequence > after).OrderBy(a => a.Sequence)
            .Select(a => (DateTimeOffset?)a.OccurredAt).FirstOrDefaultAsync(cancellationToken);
        return firstUnread < windowStart;
    }
}

/// <summary>Settled events in order, and the position after them.</summary>
public sealed record ChangeFeedPage(IReadOnlyList<AuditEvent> Events, long Next, bool HasMore);

/// <summary><c>Changes:KeepFor</c>: how far back a change feed position stays valid.</summary>
public sealed class ChangeFeedOptions
{
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(90);
}
