using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace ComplianceApi.Data;

/// <summary>
/// DELETE THIS FILE (and the NU1605 suppression and the explicit SQLitePCLRaw 2.0.6 references in
/// ComplianceApi.csproj) once SQLitePCLRaw 2.1.13 can be restored.
///
/// Microsoft.Data.Sqlite 10 is compiled against SQLitePCLRaw.core 2.1.13, but the package source we can
/// reach stops at 2.0.6. A signature-level scan found every member Microsoft.Data.Sqlite and EF Core's
/// SQLite provider use from SQLitePCLRaw.core present in 2.0.6 with the same signature, except
/// <c>raw.sqlite3_load_extension</c>, which only <c>SqliteConnection.LoadExtension</c> calls: never call
/// it. The test SqlitePclRawCompatibilityTests repeats that scan on every build.
///
/// The runtime refuses to satisfy a request for 2.1.13 with the 2.0.6 on disk, so when that request
/// fails we hand back the assembly that is there.
/// </summary>
internal static class SqlitePclRawCompatibility
{
    private static readonly HashSet<string> RedirectedAssemblies =
        ["SQLitePCLRaw.core", "SQLitePCLRaw.batteries_v2", "SQLitePCLRaw.provider.e_sqlite3"];

    [ModuleInitializer]
    internal static void LoadTheRestoredSqlitePclRaw()
    {
        AssemblyLoadContext.Default.Resolving += (context, requested) =>
            requested.Name is { } name && RedirectedAssemblies.Contains(name)
                ? context.LoadFromAssemblyName(new AssemblyName(name))
                : null;
    }
}
