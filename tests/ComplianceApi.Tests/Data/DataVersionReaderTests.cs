using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using ComplianceApi.Data;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceApi.Tests.Data;

/// <summary>
/// Callers of the stamp reader share its reads; the first-page cache is only as fresh as what each caller gets.
/// </summary>
public sealed class DataVersionReaderTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Callers_racing_writers_always_see_the_stamp_of_every_write_committed_before_they_asked(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await hosts.IsolatedHostFor(provider);
        var reader = host.Services.GetRequiredService<DataVersionReader>();
        const int Writes = 200;

        // The stamps written, in commit order, each published only once its transaction has committed.
        var written = new Guid[Writes];
        var published = 0;
        var done = false;
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < Writes; i++)
            {
                var stamp = Guid.NewGuid();
                await WriteStampAsync(host, stamp);
                written[i] = stamp;
                Volatile.Write(ref published, i + 1);
            }

            Volatile.Write(ref done, true);
        }, ct);

        // Eight callers keep a read on its way nearly all the time, so most calls arrive while one is: a call that
        // took that read's answer would get the stamp of a write before the last one it knew had committed.
        var stale = new ConcurrentBag<string>();
        var reads = 0;
        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!Volatile.Read(ref done))
            {
                var known = Volatile.Read(ref published);
                var stamp = await reader.CurrentStampAsync(ct);
                Interlocked.Increment(ref reads);
                var at = Array.IndexOf(written, stamp, 0, Volatile.Read(ref published));
                // Unknown: written after the call began and not yet published, which is newer still.
                if (known > 0 && at >= 0 && at < known - 1)
                {
                    stale.Add($"asked after write {known - 1} committed, got the stamp of write {at}");
                }
            }
        }, ct)).ToList();

        await writer;
        await Task.WhenAll(readers);

        Assert.Empty(stale);
        Assert.True(reads > Writes, $"only {reads} reads beside {Writes} writes: the race was not run");
        Assert.Equal(written[^1], await reader.CurrentStampAsync(ct));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_caller_that_gives_up_does_not_stop_the_read_the_others_share(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await hosts.IsolatedHostFor(provider);
        var reader = host.Services.GetRequiredService<DataVersionReader>();
        var expected = Guid.Empty;
        await host.WithDatabaseAsync(async db => expected = await db.CurrentStampAsync(ct));

        // The first caller sends the read the others join, and has given up before it returns.
        using var givenUp = new CancellationTokenSource();
        await givenUp.CancelAsync();
        var calls = Enumerable.Range(0, 8).Select(i => reader.CurrentStampAsync(i == 0 ? givenUp.Token : ct)).ToList();

        foreach (var call in calls.Skip(1))
        {
            Assert.Equal(expected, await call);
        }

        // On SQLite the read may have returned before the caller's wait began: then it has its answer.
        try
        {
            Assert.Equal(expected, await calls[0]);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [Fact]
    public async Task A_caller_who_asks_while_a_read_is_on_its_way_waits_for_one_sent_after_it_asked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await hosts.IsolatedHostFor(Provider.Sqlite);
        var connectionString = "";
        await host.WithDatabaseAsync(db =>
        {
            connectionString = db.Database.GetConnectionString()!;
            return Task.CompletedTask;
        });
        var held = new HeldReads();
        await using var reader = new DataVersionReader(held, connectionString);

        // The first read takes its snapshot, then is held on its way back.
        var first = reader.CurrentStampAsync(ct);
        await held.Taken.Task.WaitAsync(ct);
        var written = Guid.NewGuid();
        await WriteStampAsync(host, written);

        var second = reader.CurrentStampAsync(ct);
        Assert.False(second.IsCompleted);
        held.Release.SetResult();

        Assert.NotEqual(written, await first);
        Assert.Equal(written, await second);
    }

    // A write as the service's writes change the national stamp, but with a stamp the test knows.
    private static Task WriteStampAsync(ComplianceApiHost host, Guid stamp) => host.WithDatabaseAsync(async db =>
    {
        var ct = TestContext.Current.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        object value = db.Database.IsSqlite() ? stamp.ToString().ToUpperInvariant() : stamp;
        await db.Database.ExecuteSqlRawAsync("""UPDATE "DataVersions" SET "Stamp" = {0} WHERE "Id" = 1""", [value], ct);
        await transaction.CommitAsync(ct);
    });

    /// <summary>SQLite, where every statement, once it has run, waits for <see cref="Release"/> before its rows are read.</summary>
    private sealed class HeldReads : DbProviderFactory
    {
        public TaskCompletionSource Taken { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override DbConnection CreateConnection() => new Connection(new SqliteConnection(), this);

        private sealed class Connection(SqliteConnection inner, HeldReads held) : DbConnection
        {
            [AllowNull]
            public override string ConnectionString { get => inner.ConnectionString; set => inner.ConnectionString = value; }

            public override string Database => inner.Database;

            public override string DataSource => inner.DataSource;

            public override string ServerVersion => inner.ServerVersion;

            public override ConnectionState State => inner.State;

            public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);

            public override void Close() => inner.Close();

            public override void Open() => inner.Open();

            protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => inner.BeginTransaction(isolationLevel);

            protected override DbCommand CreateDbCommand() => new Command(inner.CreateCommand(), this, held);

            protected override void Dispose(bool disposing)
            {
                inner.Dispose();
                base.Dispose(disposing);
            }
        }

        private sealed class Command(SqliteCommand inner, Connection connection, HeldReads held) : DbCommand
        {
            [AllowNull]
            public override string CommandText { get => inner.CommandText; set => inner.CommandText = value; }

            public override int CommandTimeout { get => inner.CommandTimeout; set => inner.CommandTimeout = value; }

            public override CommandType CommandType { get => inner.CommandType; set => inner.CommandType = value; }

            public override UpdateRowSource UpdatedRowSource { get => inner.UpdatedRowSource; set => inner.UpdatedRowSource = value; }

            public override bool DesignTimeVisible { get; set; }

            protected override DbConnection? DbConnection { get => connection; set => throw new NotSupportedException(); }

            protected override DbParameterCollection DbParameterCollection => inner.Parameters;

            protected override DbTransaction? DbTransaction { get => inner.Transaction; set => inner.Transaction = (SqliteTransaction?)value; }

            public override void Cancel() => inner.Cancel();

            public override int ExecuteNonQuery() => inner.ExecuteNonQuery();

            public override object? ExecuteScalar() => inner.ExecuteScalar();

            public override void Prepare() => inner.Prepare();

            protected override DbParameter CreateDbParameter() => inner.CreateParameter();

            protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => throw new NotSupportedException("The reader reads asynchronously.");

            protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
            {
                // SQLite runs the statement to its first row here: the snapshot is taken.
                var reader = await inner.ExecuteReaderAsync(behavior, cancellationToken);
                held.Taken.TrySetResult();
                await held.Release.Task;
                return reader;
            }

            protected override void Dispose(bool disposing)
            {
                inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
