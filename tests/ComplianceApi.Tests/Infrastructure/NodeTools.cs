using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>
/// The Node tools pinned in the repository's package-lock.json (Spectral, NSwag, TypeScript, …), installed
/// with <c>npm ci</c> the first time a test needs them.
/// </summary>
public static class NodeTools
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static bool _installed;

    /// <summary>The folder holding ComplianceApi.sln and package.json.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Runs <c>node</c> with a script under node_modules, e.g. "@stoplight/spectral-cli/dist/index.js".</summary>
    public static async Task<(int ExitCode, string Output)> RunPackageAsync(string script, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        await EnsureInstalledAsync(cancellationToken);
        return await RunAsync("node", [Path.Combine(RepositoryRoot, "node_modules", script), .. arguments], cancellationToken);
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

            await RequireNodeAsync(cancellationToken);
            using var fileLock = await AcquireLockAsync(cancellationToken);
            if (!IsInstalled())
            {
                var (exitCode, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], cancellationToken);
                if (exitCode != 0 || !IsInstalled())
                {
                    throw new InvalidOperationException($"npm ci failed in {RepositoryRoot} (exit code {exitCode}):{Environment.NewLine}{output}");
                }
            }

            _installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string command, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var reading = Task.WhenAll(CopyAsync(process.StandardOutput, output), CopyAsync(process.StandardError, output));
        await process.WaitForExitAsync(cancellationToken);
        await reading;
        return (process.ExitCode, output.ToString());
    }

    private static async Task CopyAsync(StreamReader reader, StringBuilder into)
    {
        var text = await reader.ReadToEndAsync();
        lock (into)
        {
            into.Append(text);
        }
    }

    private static bool IsInstalled() => File.Exists(Path.Combine(RepositoryRoot, "node_modules", ".package-lock.json"));

    private static async Task RequireNodeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync("node", ["--version"], cancellationToken);
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException(
                "Node.js (20 or later, with npm) is needed for the contract lint and the client tests, and `node` was not found on the PATH. "
                + "Install it (e.g. `apt-get install nodejs npm`), then run the tests again; they install the pinned tools with `npm ci`.");
        }
    }

    private static async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(RepositoryRoot)))[..16];
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

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null
            && !(File.Exists(Path.Combine(directory.FullName, "ComplianceApi.sln")) && File.Exists(Path.Combine(directory.FullName, "package.json"))))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ComplianceApi.sln and package.json not found above the test binaries.");
    }
}
