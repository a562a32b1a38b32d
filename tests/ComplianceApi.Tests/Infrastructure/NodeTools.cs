using System.Security.Cryptography;
using System.Text;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>
/// The Node tools pinned in the repository's package-lock.json (Spectral, TypeScript, playwright-core), installed
/// with <c>npm ci</c> the first time a test needs them.
/// </summary>
public static class NodeTools
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static bool _installed;

    /// <summary>Runs <c>node</c> with a script under node_modules, e.g. "@stoplight/spectral-cli/dist/index.js".</summary>
    public static async Task<ProcessOutput> RunPackageAsync(string script, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        await EnsureInstalledAsync(cancellationToken);
        return await ExternalProcess.RunAsync(
            "node", [Path.Combine(Repository.Root, "node_modules", script), .. arguments], Repository.Root, TimeSpan.FromMinutes(3),
            cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Installs node_modules with <c>npm ci</c> when it is missing. A file lock keeps test processes
    /// started side by side (several test projects, CI) from installing over each other.
    /// </summary>
    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        await InstallGate.WaitAsync(cancellationToken);
        try
        {
            if (_installed || IsInstalled())
            {
                _installed = true;
                return;
            }

            // Fails with what to install when node is missing, before npm ci tries and fails less clearly.
            await ExternalProcess.RunAsync("node", ["--version"], Repository.Root, TimeSpan.FromMinutes(1), cancellationToken: cancellationToken);
            using var fileLock = await AcquireLockAsync(cancellationToken);
            if (!IsInstalled())
            {
                var install = await ExternalProcess.RunAsync(
                    "npm", ["ci", "--no-audit", "--no-fund"], Repository.Root, TimeSpan.FromMinutes(10), cancellationToken: cancellationToken);
                if (install.ExitCode != 0 || !IsInstalled())
                {
                    throw new InvalidOperationException($"npm ci failed in {Repository.Root}: {install}");
                }
            }

            _installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>
    /// The compiled TypeScript client, which the solution build makes; compiled here with the pinned tsc
    /// when a test runs without that build (a filtered run after a clean, say).
    /// </summary>
    public static async Task EnsureTypeScriptClientCompiledAsync()
    {
        var clientRoot = Path.Combine(Repository.Root, "clients", "typescript");
        if (File.Exists(Path.Combine(clientRoot, "dist", "index.js")))
        {
            return;
        }

        var tsc = Path.Combine(Repository.Root, "node_modules", "typescript", "bin", "tsc");
        if (!File.Exists(tsc))
        {
            throw new InvalidOperationException(
                $"clients/typescript/dist is missing and so is {tsc}: run `dotnet build ComplianceApi.sln` (it installs the npm tools and compiles the client).");
        }

        var compiled = await ExternalProcess.RunAsync("node", [tsc, "-p", "tsconfig.json"], clientRoot, TimeSpan.FromMinutes(3));
        if (compiled.ExitCode != 0)
        {
            throw new InvalidOperationException($"tsc could not compile the TypeScript client: {compiled}");
        }
    }

    private static bool IsInstalled() => File.Exists(Path.Combine(Repository.Root, "node_modules", ".package-lock.json"));

    private static async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Repository.Root)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"compliance-npm-ci-{name}.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }
}
