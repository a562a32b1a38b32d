using System.Data.Common;
using ComplianceApi.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ComplianceApi.Data;

/// <summary>
/// One row whose <see cref="Stamp"/> every write replaces with a new random value, in the same transaction
/// as the write. Whoever read a stamp and then read data can tell, by reading the stamp again, whether any
/// write has committed since: what it read is still what the database holds exactly while the stamp is
/// unchanged. That holds across every instance of the service on one database, which an in-memory signal
/// would not. A random stamp rather than a counter: two states of the data never share one, even after a
/// database is restored from a backup.
/// </summary>
public sealed class DataVersion
{
    /// <summary>The id of the one row.</summary>
    public const int RowId = 1;

    /// <summary>The stamp the row is created with, before the first write.</summary>
    public static readonly Guid InitialStamp = new("7d3c0b1e-2f4a-4c59-9a53-5d6f8e0a1b2c");

    public int Id { get; private set; } = RowId;

    public Guid Stamp { get; private set; } = InitialStamp;
}

/// <summary>
/// A force's own stamp, changed by every write of that force's records (its responses and their history,
/// its action plans, evidence and committees) instead of the national <see cref="DataVersion"/>: a page
/// that shows one force's data is vouched for by the national stamp and that force's (and, for a
/// collaboration, its members'), so another force's write leaves it standing, and writers of different
/// forces lock different rows. The row is made by a force's first write.
/// </summary>
public sealed class ForceDataVersion
{
    private ForceDataVersion() { }

    public string ForceCode { get; private set; } = "";

    public Guid Stamp { get; private set; }
}

/// <summary>What a save changed, as far as cached views care: nothing, some forces' data, or national data.</summary>
public sealed record DataScope(bool National, IReadOnlySet<string> Forces)
{
    public static readonly DataScope Nothing = new(false, new HashSet<string>());

    public bool IsEmpty => !National && Forces.Count == 0;
}

public static class DataVersions
{
    /// <summary>
    /// Tables that are bookkeeping, not data: a write to them is audited by no event and changes no stamp,
    /// so no cached page is emptied by it. Add a new bookkeeping table here (one line), and only one whose
    /// rows no view shows: a table not listed here or in <see cref="ForceOwned"/> is national data.
    /// </summary>
    public static readonly IReadOnlySet<Type> Bookkeeping = new HashSet<Type>
    {
        typeof(DataVersion),
        typeof(ForceDataVersion),
        typeof(AuditEvent),
        typeof(IdempotencyRecord),
        typeof(ReminderRun),
        typeof(EvidenceFileChunk),
        typeof(WebhookDelivery),
        typeof(WebhookAttempt),
        typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey),
    };

    /// <summary>
    /// Records that belong to one force, named by their <c>ForceCode</c>, and appear only in views of that
    /// force's data (and in views across forces, which depend on every force's stamp): a write of them
    /// changes that force's stamp. Every other type, including one added later and not listed here, changes
    /// the national stamp, which every cached page depends on: a table missing from this list costs cache
    /// hits, never a stale page.
    /// </summary>
    public static readonly IReadOnlySet<Type> ForceOwned = new HashSet<Type>
    {
        typeof(ForceResponse),
        typeof(ProgressUpdate),
        typeof(ResponseRevision),
        typeof(TargetDateChange),
        typeof(InspectorateAssessment),
        typeof(ActionPlan),
        typeof(PlanAction),
        typeof(Evidence),
        typeof(EvidenceFile),
        typeof(ReportResponse),
        typeof(Committee),
        typeof(CommitteeReport),
        typeof(IssuedStatement),
        typeof(StatementLine),
    };

    private const string ForceCodeProperty = "ForceCode";

    /// <summary>Whether a row is data (audited, versioned) rather than bookkeeping.</summary>
    public static bool IsData(Type entityType) => !Bookkeeping.Contains(entityType);

    /// <summary>The stamps a save of these rows must change: a force-owned row's force (before and after, should it move), anything else national.</summary>
    public static DataScope ScopeOf(IEnumerable<EntityEntry> changed)
    {
        var forces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in changed)
        {
            var type = entry.Metadata.ClrType;
            if (!IsData(type))
            {
                continue;
            }

            if (!ForceOwned.Contains(type) || entry.Metadata.FindProperty(ForceCodeProperty) is not { } property)
            {
                return new DataScope(true, forces);
            }

            var value = entry.Property(property.Name);
            foreach (var code in new[] { value.CurrentValue as string, entry.State == EntityState.Added ? null : value.OriginalValue as string })
            {
                if (code is null)
                {
                    continue;
                }

                if (code.Length == 0)
                {
                    return new DataScope(true, forces);
                }

                forces.Add(code);
            }
        }

        return new DataScope(false, forces);
    }

    /// <summary>The stamp as it stands, through EF; <see cref="DataVersionReader"/> reads it on the hot path.</summary>
    public static Task<Guid> CurrentStampAsync(this ComplianceDbContext db, CancellationToken cancellationToken) =>
        db.DataVersions.Where(v => v.Id == DataVersion.RowId).Select(v => v.Stamp).SingleAsync(cancellationToken);

    /// <summary>
    /// Gives the national data a new stamp inside the current transaction, so every cached page misses once
    /// the write commits. Writers that go around SaveChanges (<see cref="BulkRowWriter"/>, raw SQL) call this
    /// before committing: they cannot tell which forces they touched, and national is always safe.
    /// SaveChanges changes only the stamps its rows need (<see cref="MarkChangedAsync(ComplianceDbContext, DataScope, CancellationToken)"/>).
    /// </summary>
    public static Task MarkChangedAsync(this ComplianceDbContext db, CancellationToken cancellationToken) =>
        db.MarkChangedAsync(new DataScope(true, new HashSet<string>()), cancellationToken);

    /// <summary>Changes the national stamp when <paramref name="scope"/> is national, else each of its forces' stamps, inside the current transaction.</summary>
    public static Task MarkChangedAsync(this ComplianceDbContext db, DataScope scope, CancellationToken cancellationToken) =>
        db.MarkChangedAsync(scope, first: null, cancellationToken);

    /// <summary>
    /// Runs <paramref name="first"/> (if any), then changes the stamps <paramref name="scope"/> names, in one command:
    /// one round trip to PostgreSQL, where each statement sent on its own costs a wait on the server and then
    /// on the thread pool, more than the statements themselves.
    /// </summary>
    public static async Task MarkChangedAsync(this ComplianceDbContext db, DataScope scope, string? first, CancellationToken cancellationToken)
    {
        if (StampStatements(db, scope, first) is var (sql, parameters) && sql.Length > 0)
        {
            await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }
    }

    /// <inheritdoc cref="MarkChangedAsync(ComplianceDbContext, DataScope, string?, CancellationToken)"/>
    public static void MarkChanged(this ComplianceDbContext db, DataScope scope, string? first)
    {
        if (StampStatements(db, scope, first) is var (sql, parameters) && sql.Length > 0)
        {
            db.Database.ExecuteSqlRaw(sql, parameters);
        }
    }

    private static (string Sql, object[] Parameters) StampStatements(ComplianceDbContext db, DataScope scope, string? first)
    {
        RequireTransaction(db);
        var statements = first is null ? new List<string>() : [first];
        var parameters = new List<object>();
        if (scope.National)
        {
            statements.Add($$"""UPDATE "DataVersions" SET "Stamp" = {{{parameters.Count}}} WHERE "Id" = {{DataVersion.RowId}}""");
            parameters.Add(NewStampParameter(db));
        }
        else
        {
            // In a fixed order, so two writers of the same forces lock their rows in the same order.
            foreach (var code in scope.Forces.Order(StringComparer.Ordinal))
            {
                // Both providers know INSERT ... ON CONFLICT; a force's first write makes its row.
                statements.Add($$"""
                    INSERT INTO "ForceDataVersions" ("ForceCode", "Stamp") VALUES ({{{parameters.Count}}}, {{{parameters.Count + 1}}})
                    ON CONFLICT ("ForceCode") DO UPDATE SET "Stamp" = excluded."Stamp"
                    """);
                parameters.Add(code);
                parameters.Add(NewStampParameter(db));
            }
        }

        return (string.Join(";\n", statements), [.. parameters]);
    }

    // Upper-case text on SQLite, as EF writes a Guid there (a bare Guid parameter would be bound as a blob).
    private static object NewStampParameter(ComplianceDbContext db) =>
        db.Database.IsSqlite() ? Guid.NewGuid().ToString().ToUpperInvariant() : Guid.NewGuid();

    private static void RequireTransaction(ComplianceDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The data version is changed inside the transaction that writes the data.");
        }
    }
}

/// <summary>
/// The stamps as one read found them: the national one and each force's that has written. A page is vouched
/// for by <see cref="VersionOf"/> the forces it shows.
/// </summary>
public sealed class DataStamps(Guid national, Dictionary<string, Guid> forces, IReadOnlyDictionary<string, string[]> members)
{
    public Guid National { get; } = national;

    /// <summary>
    /// The stamps a page showing <paramref name="forceCode"/>'s data (with its members', for a collaboration)
    /// depends on; every force's when <paramref name="forceCode"/> is null (a view across forces).
    /// </summary>
    public PageVersion VersionOf(string? forceCode)
    {
        if (forceCode is null)
        {
            return new PageVersion(National, [.. forces.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value))]);
        }

        var codes = members.TryGetValue(forceCode, out var memberCodes) ? [forceCode, .. memberCodes] : new[] { forceCode };
        // A force that has never written has no row: its absence is its stamp, and its first write makes one.
        return new PageVersion(National, [.. codes.Select(c => (c, forces.GetValueOrDefault(c)))]);
    }
}

/// <summary>The stamps a cached page was computed under: it is current while a fresh read gives the same.</summary>
public sealed class PageVersion(Guid national, (string Force, Guid Stamp)[] forces) : IEquatable<PageVersion>
{
    public bool Equals(PageVersion? other) =>
        other is not null && other.National == National && other.Forces.AsSpan().SequenceEqual(Forces);

    public override bool Equals(object? obj) => Equals(obj as PageVersion);

    public override int GetHashCode() => National.GetHashCode();

    private Guid National { get; } = national;

    private (string Force, Guid Stamp)[] Forces { get; } = forces;
}

/// <summary>
/// The stamps as first read in a request, for everything in it that checks what it keeps against them (the
/// restricted views, then the cached page). A read sent after the request began is as fresh as the rule asks,
/// and reading once saves a cached page one of its two round trips.
/// </summary>
public sealed class RequestStamps(DataVersionReader reader)
{
    private Task<DataStamps>? _read;

    /// <summary>The stamps, read after the request began and before the data they are to vouch for.</summary>
    public Task<DataStamps> CurrentAsync(CancellationToken cancellationToken) => _read ??= reader.CurrentAsync(cancellationToken);
}

/// <summary>
/// Reads the stamps for every cached answer (the HTTP edge's FirstPageCache), on a connection kept open with
/// the statement prepared. Through a DbContext the read cost about 0.35 ms of CPU (the context, EF's query
/// pipeline, opening the pooled connection, the interceptors), four times the whole bare request; this way a
/// hit costs about what the bare endpoint does (measured with bench/run).
/// </summary>
/// <remarks>
/// <para>
/// Callers share reads. A read sent after a caller asked sees every write committed before it asked, which is
/// all the freshness rule needs; a read already on its way when a caller asks may have been sent before that
/// write committed, so that caller waits for the next read, sent as soon as this one returns, with every other
/// caller who asked meanwhile. Under load one round trip then answers many requests: on PostgreSQL each trip
/// is a wait on the server and a thread-pool wake-up, which cost a cached page more than the rest of it.
/// </para>
/// <para>
/// The collaborations' members are read again only when the national stamp has changed (a membership is
/// national data). A list read after the stamps is at least as new as they are, so a page stored under
/// a stamp is never vouched for by an older list than the one it was computed with.
/// </para>
/// </remarks>
public sealed class DataVersionReader(DbProviderFactory provider, string connectionString) : IAsyncDisposable
{
    // The national stamp under the empty code, which no force has.
    private const string Query = """SELECT '' AS "ForceCode", "Stamp" FROM "DataVersions" WHERE "Id" = 1 UNION ALL SELECT "ForceCode", "Stamp" FROM "ForceDataVersions" """;

    private const string MembersQuery = """SELECT "CollaborationCode", "MemberCode" FROM "CollaborationMemberships" """;

    private readonly Lock _gate = new();

    // The read on its way, and the one its callers' successors wait for; both null when no read is.
    private Round? _sent;
    private Round? _next;

    // Only the round being sent touches these: one read at a time.
    private DbCommand? _command;
    private bool _disposed;
    private MembersAt? _members;

    /// <summary>The stamps as they stand, read after this call began; read them before the data they are to vouch for.</summary>
    /// <param name="cancellationToken">Stops this caller's wait; the read itself goes on for the others sharing it.</param>
    public Task<DataStamps> CurrentAsync(CancellationToken cancellationToken)
    {
        Round round;
        var send = false;
        lock (_gate)
        {
            if (_sent is null)
            {
                round = _sent = new Round();
                send = true;
            }
            else
            {
                round = _next ??= new Round();
            }
        }

        if (send)
        {
            _ = SendAsync(round);
        }

        return round.Stamps.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The national stamp as it stands.</summary>
    public async Task<Guid> CurrentStampAsync(CancellationToken cancellationToken) => (await CurrentAsync(cancellationToken)).National;

    /// <summary>Sends <paramref name="round"/>'s read, then the next round's while callers joined it meanwhile.</summary>
    private async Task SendAsync(Round round)
    {
        while (true)
        {
            try
            {
                round.Stamps.SetResult(await ReadAsync());
            }
            catch (Exception e)
            {
                round.Stamps.SetException(e);
            }

            lock (_gate)
            {
                _sent = _next;
                _next = null;
                if (_sent is null)
                {
                    return;
                }

                round = _sent;
            }

            // On to the thread pool: a read that completes at once (SQLite's do) would otherwise keep the caller
            // whose call sent the first round sending the rounds of everyone who came after it.
            await Task.Yield();
        }
    }

    private async Task<DataStamps> ReadAsync()
    {
        // Once disposed (the host stopping), a round still waiting is refused rather than given a new connection
        // that nothing would close, to a database that may be going away.
        ObjectDisposedException.ThrowIf(_disposed && _command is null, this);

        // No caller's token: the read answers every caller of its round, and a caller that gives up stops only its wait.
        var command = _command ??= await OpenAsync(CancellationToken.None);
        try
        {
            var national = Guid.Empty;
            var forces = new Dictionary<string, Guid>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
            {
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    var code = reader.GetString(0);
                    var stamp = reader.GetValue(1) switch
                    {
                        Guid guid => guid,
                        string text => Guid.Parse(text), // SQLite stores a Guid as text
                        var other => throw new InvalidOperationException($"A data version's stamp reads as {other?.GetType().Name ?? "nothing"}."),
                    };
                    if (code.Length == 0)
                    {
                        national = stamp;
                    }
                    else
                    {
                        forces[code] = stamp;
                    }
                }
            }

            var members = _members is { } known && known.National == national ? known.Members : await ReadMembersAsync(command, national, CancellationToken.None);
            if (_disposed)
            {
                await CloseAsync();
            }

            return new DataStamps(national, forces, members);
        }
        catch
        {
            // A broken connection (a database restart) is not reused; the next read opens another.
            await CloseAsync();
            throw;
        }
    }

    private async Task<IReadOnlyDictionary<string, string[]>> ReadMembersAsync(DbCommand stamps, Guid national, CancellationToken cancellationToken)
    {
        await using var command = stamps.Connection!.CreateCommand();
        command.CommandText = MembersQuery;
        var pairs = new List<(string Collaboration, string Member)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                pairs.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var members = pairs.GroupBy(p => p.Collaboration, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Member).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        _members = new MembersAt(national, members);
        return members;
    }

    public async ValueTask DisposeAsync()
    {
        bool reading;
        lock (_gate)
        {
            _disposed = true;
            reading = _sent is not null;
        }

        // A read on its way closes the connection when it returns.
        if (!reading)
        {
            await CloseAsync();
        }
    }

    private async Task<DbCommand> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = provider.CreateConnection()!;
        connection.ConnectionString = connectionString;
        await connection.OpenAsync(cancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = Query;
        await command.PrepareAsync(cancellationToken);
        return command;
    }

    private async Task CloseAsync()
    {
        if (_command is not { } command)
        {
            return;
        }

        _command = null;
        var connection = command.Connection;
        await command.DisposeAsync();
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private sealed record MembersAt(Guid National, IReadOnlyDictionary<string, string[]> Members);

    /// <summary>Callers answered by one read.</summary>
    private sealed class Round
    {
        public TaskCompletionSource<DataStamps> Stamps { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
