using ComplianceApi.Data;
using ComplianceApi.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(TestHosts))]

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>
/// One service per provider for the whole run. Tests share them and keep out of each other's way by
/// creating their own inspections and filtering by them.
/// </summary>
public sealed class TestHosts : IAsyncLifetime
{
    private readonly string _sqliteFolder = Path.Combine(Path.GetTempPath(), $"compliance-tests-{Guid.NewGuid():N}");
    private readonly SemaphoreSlim _postgresStart = new(1, 1);
    private ComplianceApiHost? _sqlite;
    private ComplianceApiHost? _postgres;
    private ComplianceApiHost? _loopback;
    private readonly Dictionary<Provider, ComplianceApiHost> _secondInstances = [];
    private PostgresCluster? _cluster;
    private string? _postgresUnavailable;
    private bool _postgresTried;

    public static TheoryData<Provider> Providers => new(Provider.Sqlite, Provider.Postgres);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>The host for a provider; a test on PostgreSQL is skipped, with the reason, where none can run.</summary>
    public async Task<ComplianceApiHost> For(Provider provider)
    {
        if (provider == Provider.Sqlite)
        {
            return _sqlite ??= Start(Provider.Sqlite, new Dictionary<string, string?> { ["Storage:DataFolder"] = _sqliteFolder });
        }

        var cluster = await ClusterAsync();
        if (cluster is null)
        {
            Assert.Skip(_postgresUnavailable!);
        }

        await _postgresStart.WaitAsync();
        try
        {
            return _postgres ??= Start(Provider.Postgres, new Dictionary<string, string?>
            {
                ["ConnectionStrings:Postgres"] = await cluster.CreateDatabaseAsync("compliance"),
            });
        }
        finally
        {
            _postgresStart.Release();
        }
    }

    /// <summary>
    /// A second instance of the service on the same database as <see cref="For"/>'s, as when several run
    /// behind a load balancer: its own memory (caches), the same rows.
    /// </summary>
    public async Task<ComplianceApiHost> SecondInstanceFor(Provider provider)
    {
        var first = await For(provider);
        lock (_secondInstances)
        {
            if (!_secondInstances.TryGetValue(provider, out var second))
            {
                second = Start(provider, first.Settings);
                _secondInstances.Add(provider, second);
            }

            return second;
        }
    }

    /// <summary>
    /// A service on a database of its own, for a test that no other test's writes may disturb; the caller
    /// disposes of it.
    /// </summary>
    public async Task<ComplianceApiHost> IsolatedHostFor(Provider provider)
    {
        if (provider == Provider.Sqlite)
        {
            return Start(Provider.Sqlite, new Dictionary<string, string?> { ["Storage:DataFolder"] = Path.Combine(_sqliteFolder, $"isolated-{Guid.NewGuid():N}") });
        }

        var cluster = await ClusterAsync();
        if (cluster is null)
        {
            Assert.Skip(_postgresUnavailable!);
        }

        return Start(Provider.Postgres, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = await cluster.CreateDatabaseAsync($"isolated_{Guid.NewGuid():N}"),
        });
    }

    /// <summary>A service on a database of its own with these settings too (the caller disposes of it).</summary>
    public async Task<ComplianceApiHost> IsolatedHostFor(Provider provider, IReadOnlyDictionary<string, string?> settings)
    {
        var database = await IsolatedHostSettingsAsync(provider);
        foreach (var (key, value) in settings)
        {
            database[key] = value;
        }

        return Start(provider, database);
    }

    /// <summary>Another instance of a service on the same database, with the same settings (the caller disposes of it).</summary>
    public static ComplianceApiHost AnotherInstanceOf(ComplianceApiHost host) => Start(host.Provider, host.Settings);

    private async Task<Dictionary<string, string?>> IsolatedHostSettingsAsync(Provider provider)
    {
        if (provider == Provider.Sqlite)
        {
            return new Dictionary<string, string?> { ["Storage:DataFolder"] = Path.Combine(_sqliteFolder, $"isolated-{Guid.NewGuid():N}") };
        }

        var cluster = await ClusterAsync();
        if (cluster is null)
        {
            Assert.Skip(_postgresUnavailable!);
        }

        return new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = await cluster.CreateDatabaseAsync($"isolated_{Guid.NewGuid():N}") };
    }

    /// <summary>
    /// The service on Kestrel at a real 127.0.0.1 address (SQLite), for clients that speak HTTP over a
    /// socket: the generated C# client's HttpClient, the TypeScript client under Node, a browser.
    /// </summary>
    public ComplianceApiHost Loopback()
    {
        lock (_sqliteFolder)
        {
            return _loopback ??= new ComplianceApiHost(Provider.Sqlite, new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = Path.Combine(_sqliteFolder, "loopback"),
            }).StartOnLoopback();
        }
    }

    /// <summary>A fresh, empty database for tests of the schema itself; null (after skipping) where none can run.</summary>
    public async Task<string> NewPostgresDatabaseAsync()
    {
        var cluster = await ClusterAsync();
        if (cluster is null)
        {
            Assert.Skip(_postgresUnavailable!);
        }

        return await cluster.CreateDatabaseAsync($"schema_{Guid.NewGuid():N}");
    }

    public string NewSqliteDatabase()
    {
        Directory.CreateDirectory(_sqliteFolder);
        return $"Data Source={Path.Combine(_sqliteFolder, $"schema-{Guid.NewGuid():N}.db")};Pooling=false";
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        foreach (var second in _secondInstances.Values)
        {
            await second.DisposeAsync();
        }

        if (_loopback is not null)
        {
            await _loopback.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (Directory.Exists(_sqliteFolder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }
    }

    private static ComplianceApiHost Start(Provider provider, IReadOnlyDictionary<string, string?> settings)
    {
        var host = new ComplianceApiHost(provider, settings);
        _ = host.Server; // starts it: migrations and the bootstrap key happen here, once
        return host;
    }

    private async Task<PostgresCluster?> ClusterAsync()
    {
        await _postgresStart.WaitAsync();
        try
        {
            if (!_postgresTried)
            {
                _postgresTried = true;
                (_cluster, _postgresUnavailable) = await PostgresCluster.StartAsync();
            }

            return _cluster;
        }
        finally
        {
            _postgresStart.Release();
        }
    }
}
