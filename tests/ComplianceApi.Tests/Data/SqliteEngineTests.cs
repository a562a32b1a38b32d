using Microsoft.Data.Sqlite;

namespace ComplianceApi.Tests.Data;

/// <summary>
/// The service runs on the SQLite engine that Microsoft.EntityFrameworkCore.Sqlite brings (through
/// SQLitePCLRaw's bundle), not on one found on the machine; features such as querying into JSON need 3.38.
/// </summary>
public sealed class SqliteEngineTests
{
    [Fact]
    public void The_service_runs_on_the_bundled_SQLite_engine_3_53_or_later()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();

        var version = Version.Parse(connection.ServerVersion);

        Assert.True(version >= new Version(3, 53), $"SQLite {version} is older than the 3.53 the service is built for.");
    }
}
