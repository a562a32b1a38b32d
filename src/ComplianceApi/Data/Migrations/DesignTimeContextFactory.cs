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
/// Adding a migration needs no database, so by default the connection strings reach none. A command that
/// reads one is given it after <c>--</c> too: <c>migrations remove -- --provider Postgres --connection "Host=..."</c>
/// (removing asks the database whether the migration was applied).
/// </remarks>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ComplianceDbContext>
{
    public ComplianceDbContext CreateDbContext(string[] args)
    {
        var connection = Option(args, "--connection");
        var options = new DbContextOptionsBuilder<ComplianceDbContext>();
        switch (Option(args, "--provider")?.ToUpperInvariant())
        {
            case "SQLITE":
                options.UseSqlite(connection ?? "Data Source=:memory:");
                break;
            case "POSTGRES":
                options.UseNpgsql(connection ?? "Host=localhost;Database=compliance");
                break;
            default:
                throw new ArgumentException("Name the provider after '--': '-- --provider Sqlite' or '-- --provider Postgres'.", nameof(args));
        }

        return new ComplianceDbContext(options.Options, new Caller(new HttpContextAccessor()));
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
