using ComplianceApi.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ComplianceApi.Data.Migrations;

/// <summary>
/// The context <c>dotnet ef</c> works with, for the provider named after <c>--</c>:
/// <c>dotnet ef migrations add Name --output-dir Data/Migrations/Sqlite -- --provider Sqlite</c> (or
/// <c>Postgres</c>). Each provider has its own chain of migrations and model snapshot (see
/// <see cref="MigrationsPerProvider"/>), so each change to the model is added once per provider.
/// </summary>
/// <remarks>
/// Adding a migration needs no database. The connection strings here reach none; a command that does need
/// one (<c>database update</c>, <c>migrations remove</c> on PostgreSQL) is given it with <c>--connection</c>.
/// </remarks>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ComplianceDbContext>
{
    public ComplianceDbContext CreateDbContext(string[] args)
    {
        var at = Array.IndexOf(args, "--provider");
        var provider = at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var options = new DbContextOptionsBuilder<ComplianceDbContext>();
        switch (provider?.ToUpperInvariant())
        {
            case "SQLITE":
                options.UseSqlite("Data Source=:memory:");
                break;
            case "POSTGRES":
                options.UseNpgsql("Host=localhost;Database=compliance");
                break;
            default:
                throw new ArgumentException("Name the provider after '--': '-- --provider Sqlite' or '-- --provider Postgres'.", nameof(args));
        }

        return new ComplianceDbContext(options.Options, new Caller(new HttpContextAccessor()));
    }
}
