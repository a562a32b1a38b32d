using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run: initdb into a temporary folder, trust auth on
/// loopback, a free port, durability switched off because nothing here needs to survive.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly string _binDirectory;
    private readonly int _port;

    private PostgresCluster(string binDirectory, string dataDirectory, int port)
    {
        _binDirectory = binDirectory;
        _dataDirectory = dataDirectory;
        _port = port;
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    /// <summary>Starts a cluster, or says why none can be started here.</summary>
    public static async Task<(PostgresCluster? Cluster, string? Unavailable)> StartAsync()
    {
        var binDirectory = FindBinaries();
        if (binDirectory is null)
        {
            return (null, "PostgreSQL server binaries (initdb, pg_ctl) were not found: install postgresql, or set COMPLIANCE_PG_BIN.");
        }

        var dataDirectory = Path.Combine(Path.GetTempPath(), $"compliance-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        var cluster = new PostgresCluster(binDirectory, dataDirectory, FreePort());
        try
        {
            if (Environment.UserName == "root")
            {
                // PostgreSQL refuses to run as root; the cluster belongs to the postgres user instead.
                await RunAsync("chown", "-R", "postgres:postgres", dataDirectory);
            }

            await cluster.RunPostgresToolAsync("initdb", "-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
            await cluster.RunPostgresToolAsync("pg_ctl", "-D", dataDirectory, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "60",
                "-o", $"-p {cluster._port} -k {dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                "start");
            return (cluster, null);
        }
        catch (Exception exception)
        {
            await cluster.DisposeAsync();
            return (null, $"The PostgreSQL test cluster could not start: {exception.Message}");
        }
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunPostgresToolAsync("pg_ctl", "-D", _dataDirectory, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Not running: nothing to stop.
        }

        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static string? FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("COMPLIANCE_PG_BIN");
        if (configured is not null)
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunPostgresToolAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(_binDirectory, tool);
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string fileName, params string[] arguments)
    {
        // pg_ctl waits (-w, -t 60) for the server; two minutes covers initdb and that wait with room to spare.
        var result = await ExternalProcess.RunAsync(fileName, arguments, Path.GetTempPath(), TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.ToString());
        }
    }
}
