using System.Reflection;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>
/// The NSwag CLI from the NSwag.MSBuild package the build generates the clients with. The test project
/// references the same package, and its build records where NuGet restored it (NSwagDir_Net100), so
/// a fresh clone finds it wherever its NuGet packages folder is.
/// </summary>
public static class NSwagCli
{
    public static string Path { get; } = typeof(NSwagCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "NSwagCli").Value!;

    /// <summary>Runs clients/nswag.json with the given variables (e.g. "Contract=…,CSharpOutput=…").</summary>
    public static async Task<ProcessOutput> RunClientsConfigAsync(string variables, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"The NSwag CLI is not at {Path}; restore the solution (dotnet restore) to fetch NSwag.MSBuild.");
        }

        return await ExternalProcess.RunAsync(
            ExternalProcess.Dotnet,
            [Path, "run", System.IO.Path.Combine(Repository.Root, "clients", "nswag.json"), $"/variables:{variables}"],
            System.IO.Path.Combine(Repository.Root, "clients"),
            TimeSpan.FromMinutes(5),
            cancellationToken: cancellationToken);
    }
}
