using ComplianceApi.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Operations;

/// <summary>
/// The <c>backup &lt;path&gt;</c> verb: an online copy of the SQLite database through SQLite's backup API,
/// safe while the service runs and writes. The copy is read in one read transaction (WAL lets the writers
/// go on beside it), so it holds exactly what was committed when it began; a file copy of a live database
/// can catch the database and its write-ahead log at different moments.
/// </summary>
public static class DatabaseBackup
{
    public const int Refused = 2;

    public static async Task<int> RunAsync(IServiceProvider services, string destination, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        if (!db.Database.IsSqlite())
        {
            await error.WriteLineAsync("This service stores its data in PostgreSQL: back it up with pg_dump (pg_dump -Fc), and restore with pg_restore (see the README).");
            return Refused;
        }

        var source = (SqliteConnection)db.Database.GetDbConnection();
        if (!File.Exists(source.DataSource))
        {
            await error.WriteLineAsync($"There is no database at {source.DataSource}; check Storage:DataFolder.");
            return Refused;
        }

        var target = Path.GetFullPath(destination);
        if (File.Exists(target))
        {
            await error.WriteLineAsync($"{target} exists; a backup is written to a new file, never over another.");
            return Refused;
        }

        await BackUpAsync(db, target);
        await output.WriteLineAsync($"Backed up {source.DataSource} to {target}.");
        return 0;
    }

    /// <summary>Writes the copy under a temporary name first, so a file at the target is always a whole backup.</summary>
    public static async Task BackUpAsync(ComplianceDbContext db, string target)
    {
        var partial = target + ".partial";
        File.Delete(partial);
        await db.Database.OpenConnectionAsync();
        try
        {
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await copy.OpenAsync();
                ((SqliteConnection)db.Database.GetDbConnection()).BackupDatabase(copy);

                // One self-contained file, with no write-ahead log beside it.
                await using var journal = copy.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode=DELETE";
                await journal.ExecuteNonQueryAsync();
            }

            File.Move(partial, target);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
