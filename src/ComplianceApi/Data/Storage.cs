using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplianceApi.Data;

public static class Storage
{
    /// <summary>Lists of ids sent to the database in one query are cut to this size: well within both providers' parameter limits.</summary>
    public const int IdsPerQuery = 1000;

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

        // Made by the container, so the container closes its connections when the host stops.
        services.AddSingleton(_ => string.IsNullOrWhiteSpace(postgres)
            ? new DataVersionReader(SqliteFactory.Instance, sqlite)
            : new DataVersionReader(Npgsql.NpgsqlFactory.Instance, postgres));
        services.AddSingleton<RestrictedViews>();
        services.AddScoped<RequestStamps>();
        // The options are built once: built per request (the default), they cost a cached page about a third of its
        // CPU, which went on copying EF's warning settings and comparing extensions. They depend on nothing scoped.
        services.AddDbContext<ComplianceDbContext>(options =>
        {
            // A failed save is an exception its caller answers: the HTTP pipeline turns a unique violation
            // (another writer got there first) into a 409 and logs every other failure once, as an error, with
            // its request. EF's own error logs of the same moment would report a refusal as a failure.
            options.ConfigureWarnings(warnings => warnings.Log(
                (CoreEventId.SaveChangesFailed, LogLevel.Information),
                (RelationalEventId.CommandError, LogLevel.Information)));
            if (string.IsNullOrWhiteSpace(postgres))
            {
                Directory.CreateDirectory(dataFolder);
                options.UseSqlite(sqlite).AddInterceptors(SqliteDurability.Instance);
            }
            else
            {
                options.UseNpgsql(postgres);
            }
        }, contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.Configure<ChangeFeedOptions>(options => options.KeepFor = configuration.GetValue("Changes:KeepFor", options.KeepFor));
        services.Configure<ReminderOptions>(configuration.GetSection("Reminders"));
        services.AddSingleton<DailyReminders>();
        services.AddHostedService(provider => provider.GetRequiredService<DailyReminders>());
        return services;
    }

    /// <summary>
    /// WAL lets readers run beside the one writer; synchronous=FULL makes a committed transaction
    /// survive power loss, which WAL's default (NORMAL) does not promise.
    /// </summary>
    /// <remarks>
    /// EF opens the connection for every query, and the pool hands back the same physical connection, whose
    /// settings last as long as it does: the pragmas run once per physical connection, not on every query
    /// (three statements prepared and run per query were a measurable share of a list's cost, see bench/).
    /// </remarks>
    private sealed class SqliteDurability : DbConnectionInterceptor
    {
        public static readonly SqliteDurability Instance = new();

        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";

        private static readonly ConditionalWeakTable<object, object> Configured = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (IsConfigured(connection))
            {
                return;
            }

            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (IsConfigured(connection))
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        /// <summary>Whether this physical connection (its native handle outlives the pooled SqliteConnection
        /// objects) has had its pragmas; marks it as having them from now on.</summary>
        private static bool IsConfigured(DbConnection connection) =>
            connection is SqliteConnection { Handle: { } handle } && !Configured.TryAdd(handle, Instance);
    }
}
