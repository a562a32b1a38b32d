using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>What a finished process wrote, each stream whole.</summary>
public sealed record ProcessOutput(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"{Command} exited {ExitCode}.\n{StandardError}\n{StandardOutput}".TrimEnd();
}

/// <summary>
/// Runs the programs the tests drive from outside (node, npm, dotnet): output captured, a time limit that
/// kills the whole process tree, and a message that says what to install when the program is missing.
/// </summary>
public static class ExternalProcess
{
    /// <summary>The dotnet host running the tests (dotnet test tells its children which one), else the one on the PATH.</summary>
    public static string Dotnet { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    public static async Task<ProcessOutput> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null,
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

        var command = $"{Path.GetFileName(fileName)} {string.Join(' ', start.ArgumentList)}";

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
                $"'{fileName}' could not be started ({exception.Message}). {WhatToInstall(fileName)}", exception);
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
                    $"{command} did not finish within {timeout}; it was stopped. What it wrote:\n"
                    + $"{await standardError}\n{await standardOutput}");
            }

            return new ProcessOutput(command, process.ExitCode, await standardOutput, await standardError);
        }
    }

    private static string WhatToInstall(string fileName) => Path.GetFileNameWithoutExtension(fileName) switch
    {
        "node" or "npm" =>
            "Node.js 20 or later, with npm, is needed for the contract lint and the client tests. "
            + "Install it (Debian: apt-get install nodejs npm), then run `dotnet build` to install the npm tools.",
        "dotnet" => "The .NET 10 SDK is needed here; install it and put dotnet on the PATH.",
        _ => "Install it and put it on the PATH.",
    };
}
