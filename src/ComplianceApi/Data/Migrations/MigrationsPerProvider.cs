using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace ComplianceApi.Data.Migrations;

/// <summary>
/// The migrations and model snapshot of the provider in use: those in the namespace (and folder) named for
/// it, <c>Sqlite</c> or <c>Postgres</c>.
/// </summary>
/// <remarks>
/// A model snapshot describes one provider's schema (its column types and annotations), so
/// <c>dotnet ef migrations add</c> needs one per provider, and each provider then needs its own chain of
/// migrations. EF tells migrations apart by context type only, which both chains share; rather than a
/// migrations assembly per provider (which would need the data layer in a project of its own, referenced by
/// the service and referencing it), this picks the chain by namespace.
/// </remarks>
internal sealed class MigrationsPerProvider(ICurrentDbContext currentContext, IDatabaseProvider provider, IMigrationsIdGenerator idGenerator)
    : IMigrationsAssembly
{
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _modelSnapshot;
    private bool _snapshotLookedFor;

    public Assembly Assembly => typeof(MigrationsPerProvider).Assembly;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= FindMigrations();

    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!_snapshotLookedFor)
            {
                _modelSnapshot = ChainTypes()
                    .Where(t => t.IsSubclassOf(typeof(ModelSnapshot)))
                    .Select(t => (ModelSnapshot)Activator.CreateInstance(t.AsType())!)
                    .SingleOrDefault();
                _snapshotLookedFor = true;
            }

            return _modelSnapshot;
        }
    }

    /// <summary>The namespace of a provider's chain.</summary>
    public static string ChainOf(string providerName) => providerName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => $"{typeof(MigrationsPerProvider).Namespace}.Sqlite",
        "Npgsql.EntityFrameworkCore.PostgreSQL" => $"{typeof(MigrationsPerProvider).Namespace}.Postgres",
        _ => throw new NotSupportedException($"No migrations are written for provider '{providerName}'."),
    };

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(idGenerator.IsValidId(nameOrId)
            ? id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            : id => string.Equals(idGenerator.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private SortedList<string, TypeInfo> FindMigrations()
    {
        var migrations = new SortedList<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in ChainTypes().Where(t => t.IsSubclassOf(typeof(Migration))))
        {
            var id = type.GetCustomAttribute<MigrationAttribute>()?.Id
                ?? throw new InvalidOperationException($"The migration {type.FullName} has no [Migration] attribute.");
            migrations.Add(id, type);
        }

        return migrations;
    }

    /// <summary>The constructible types of this provider's chain that belong to the context in use.</summary>
    private IEnumerable<TypeInfo> ChainTypes()
    {
        var chain = ChainOf(provider.Name);
        var context = currentContext.Context.GetType();
        return Assembly.DefinedTypes.Where(t =>
            t is { IsAbstract: false, IsGenericTypeDefinition: false }
            && t.Namespace == chain
            && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context);
    }
}
