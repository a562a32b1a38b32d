using ComplianceApi.Cli;
using ComplianceApi.Cli.Common;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Cli;

/// <summary>What one run of the tool printed, and how it exited.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>
/// Runs the compliance tool in-process, exactly as Program runs it but with its own stdout, stderr and
/// environment, against the service on a real 127.0.0.1 socket.
/// </summary>
public static class CliRunner
{
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(
            args, output, error, name => environment.GetValueOrDefault(name), cancellationToken: TestContext.Current.CancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The variables a script sets: the service's address and a key.</summary>
    public static Dictionary<string, string> Environment(ComplianceApiHost host, string key = ComplianceApiHost.AdminKey) => new()
    {
        [ServiceOptions.AddressVariable] = host.ServerAddress.ToString(),
        [ServiceOptions.KeyVariable] = key,
    };

    public static Task<CliRun> RunAsync(ComplianceApiHost host, params string[] args) => RunAsync(Environment(host), args);
}
