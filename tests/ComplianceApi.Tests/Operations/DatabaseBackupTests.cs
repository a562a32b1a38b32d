using System.Collections.Concurrent;
using System.Net;
using ComplianceApi.Data;
using ComplianceApi.Operations;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceApi.Tests.Operations;

public sealed class DatabaseBackupTests(TestHosts hosts)
{
    [Fact]
    public async Task A_backup_taken_under_concurrent_writes_opens_is_intact_and_holds_every_write_acknowledged_before_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await hosts.IsolatedHostFor(Provider.Sqlite);
        var admin = host.AdminClient();
        var acknowledged = new ConcurrentQueue<Guid>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                acknowledged.Enqueue((await admin.CreateInspectionAsync()).Id);
            }
        }, CancellationToken.None)).ToList();
        while (acknowledged.Count < 30)
        {
            await Task.Delay(20, ct);
        }

        var before = acknowledged.ToHashSet();
        var copy = Path.Combine(Path.GetTempPath(), $"compliance-backup-{Guid.NewGuid():N}.db");
        try
        {
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await DatabaseBackup.BackUpAsync(scope.ServiceProvider.GetRequiredService<ComplianceDbContext>(), copy);
            }

            var writtenDuring = acknowledged.Count - before.Count;
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            await using var backup = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=false");
            await backup.OpenAsync(ct);
            Assert.Equal("ok", await ScalarAsync(backup, "PRAGMA integrity_check"));
            var held = new HashSet<Guid>();
            await using (var read = backup.CreateCommand())
            {
                read.CommandText = """SELECT "Id" FROM "Inspections" """;
                await using var rows = await read.ExecuteReaderAsync(ct);
                while (await rows.ReadAsync(ct))
                {
                    held.Add(Guid.Parse(rows.GetString(0)));
                }
            }

            Assert.Superset(before, held);
            Assert.True(writtenDuring > 0 || acknowledged.Count > before.Count, "no write went on beside the backup");
            Assert.False(File.Exists(copy + "-wal"), "the backup is not one self-contained file");
        }
        finally
        {
            await stop.CancelAsync();
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task The_backup_verb_copies_the_database_of_a_running_service_and_never_overwrites()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("compliance-backup-");
        try
        {
            await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string> { ["Storage:DataFolder"] = folder.FullName }, ct);
            using var admin = new HttpClient { BaseAddress = service.Address };
            admin.DefaultRequestHeaders.Add("X-Api-Key", ComplianceApiHost.AdminKey);
            var inspection = await admin.CreateInspectionAsync();
            var copy = Path.Combine(folder.FullName, "backup.db");

            var backup = await ServiceProcess.RunVerbAsync(["backup", copy, $"--Storage:DataFolder={folder.FullName}"], ct);
            var again = await ServiceProcess.RunVerbAsync(["backup", copy, $"--Storage:DataFolder={folder.FullName}"], ct);

            Assert.True(backup.ExitCode == 0, backup.ToString());
            await using (var opened = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=false"))
            {
                await opened.OpenAsync(ct);
                Assert.Equal("ok", await ScalarAsync(opened, "PRAGMA integrity_check"));
                Assert.Equal(1L, await ScalarAsync(opened, $"""SELECT COUNT(*) FROM "Inspections" WHERE "Reference" = '{inspection.Reference}'"""));
            }

            Assert.Equal(DatabaseBackup.Refused, again.ExitCode);
            Assert.Contains("never over another", again.StandardError, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/inspections/{inspection.Id}", ct)).StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_backup_verb_refuses_a_PostgreSQL_database_and_points_to_pg_dump()
    {
        var ct = TestContext.Current.CancellationToken;
        var target = Path.Combine(Path.GetTempPath(), $"compliance-backup-{Guid.NewGuid():N}.db");

        var refused = await ServiceProcess.RunVerbAsync(["backup", target, "--ConnectionStrings:Postgres=Host=127.0.0.1;Database=compliance"], ct);

        Assert.Equal(DatabaseBackup.Refused, refused.ExitCode);
        Assert.Contains("pg_dump", refused.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
