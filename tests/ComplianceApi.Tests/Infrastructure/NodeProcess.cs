using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>What a finished Node process wrote, each stream whole.</summary>
public sealed record NodeOutput(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"node exited {ExitCode}.\n{StandardError}\n{StandardOutput}".TrimEnd();
}

/// <summary>
/// Runs `node` for the tests that drive the service from JavaScript (the TypeScript client, the
/// browser test): output captured, a time limit that kills the whole process tree, and a message
/// that says what to install when Node is missing.
/// </summary>
public static class NodeProcess
{
    public static async Task<NodeOutput> RunAsync(
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null,
        string fileName = "node",
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Colour codes would make failure messages unreadable in test reports.
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"Node.js 20 or later is needed here, but '{fileName}' could not be started ({exception.Message}). "
                + "Install it (Debian: apt-get install nodejs npm), then run `dotnet build` to install the npm tools.", exception);
        }

        using (process)
        {
            // Read to the end even when cancelled: the streams close when the process is killed, and
            // what it wrote so far explains why it hung.
            var standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException(
                    $"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}; it was stopped. What it wrote:\n"
                    + $"{await standardError}\n{await standardOutput}");
            }

            return new NodeOutput(process.ExitCode, await standardOutput, await standardError);
        }
    }

    /// <summary>
    /// The compiled TypeScript client, which the solution build makes; compiled here with the pinned tsc
    /// when a test runs without that build (a filtered run after a clean, say).
    /// </summary>
    public static async Task EnsureTypeScriptClientCompiledAsync(string repositoryRoot)
    {
        var clientRoot = Path.Combine(repositoryRoot, "clients", "typescript");
        if (File.Exists(Path.Combine(clientRoot, "dist", "index.js")))
        {
            return;
        }

        var tsc = Path.Combine(repositoryRoot, "node_modules", "typescript", "bin", "tsc");
        if (!File.Exists(tsc))
        {
            throw new InvalidOperationException(
                $"clients/typescript/dist is missing and so is {tsc}: run `dotnet build ComplianceApi.sln` (it installs the npm tools and compiles the client).");
        }

        var compiled = await RunAsync([tsc, "-p", "tsconfig.json"], clientRoot, TimeSpan.FromMinutes(3));
        if (compiled.ExitCode != 0)
        {
            throw new InvalidOperationException($"tsc could not compile the TypeScript client: {compiled}");
        }
    }
}
