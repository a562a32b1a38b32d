using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplianceApi.Data;

public static class Storage
{
    /// <summary>
    /// PostgreSQL when <c>ConnectionStrings:Postgres</c> is set; otherwise an SQLite file in
    /// <c>Storage:DataFolder</c> (default: <c>data</c> under the content root).
    /// </summary>
    public static IServiceCollection AddComplianceStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        var dataFolder = Path.GetFullPath(configuration["Storage:DataFolder"] ?? "data", environment.ContentRootPath);
        var sqlite = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataFolder, "compliance.db"),
            Pooling = true,
        }.ToString();

        services.AddDbContext<ComplianceDbContext>(options =>
        {
            if (string.IsNullOrWhiteSpace(postgres))
            {
                Directory.CreateDirectory(dataFolder);
                options.UseSqlite(sqlite).AddInterceptors(SqliteDurability.Instance);
            }
            else
            {
                options.UseNpgsql(postgres);
            }

            // The migrations are written by hand and have no model snapshot; the schema tests compare
            // what they build with the model instead.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        return services;
    }

    /// <summary>
    /// WAL lets readers run beside the one writer; synchronous=FULL makes a committed transaction
    /// survive power loss, which WAL's default (NORMAL) does not promise.
    /// </summary>
    private sealed class SqliteDurability : DbConnectionInterceptor
    {
        public static readonly SqliteDurability Instance = new();

        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
