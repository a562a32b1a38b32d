using System.CommandLine;
using ComplianceApi.Client;
using Spectre.Console;

namespace ComplianceApi.Cli.Common;

/// <summary>
/// What every command shares in one run: stdout (for data a script reads: a document, a new key's secret,
/// a table), stderr (for everything said to the person: progress, confirmations, errors), the
/// environment, and the global options. <see cref="RunAgainstServiceAsync"/> turns each way a call can
/// fail into its message and exit code, so commands only do their work.
/// </summary>
public sealed class CliSession(IAnsiConsole output, TextWriter outputText, IAnsiConsole error, Func<string, string?> environment, bool showsProgress = false)
{
    /// <summary>stdout, for tables.</summary>
    public IAnsiConsole Output { get; } = output;

    /// <summary>stdout as plain text, for what a script pipes on: documents, secrets.</summary>
    public TextWriter OutputText { get; } = outputText;

    /// <summary>stderr.</summary>
    public IAnsiConsole Error { get; } = error;

    public ServiceOptions Options { get; } = new();

    /// <summary>Whether stderr is a terminal, where a progress bar redraws in place; in a file or a pipe it would only be noise.</summary>
    public bool ShowsProgress { get; } = showsProgress;

    public async Task<int> RunAgainstServiceAsync(ParseResult parse, Func<ServiceConnection, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        Uri address;
        ServiceConnection connection;
        var verbose = parse.GetValue(Options.Verbose);
        try
        {
            var target = Options.Resolve(parse, environment);
            address = target.Address;
            if (verbose)
            {
                Error.WriteLine($"Service {address} (from {target.AddressSource}); " + target switch
                {
                    { Client: { } client } => $"signing in as application {client.ClientId} (from {target.CredentialSource}) in tenant {client.Tenant} at {client.TokenEndpoint}, scope {client.Scope}.",
                    { Kind: CredentialKind.AccessToken } => $"access token from {target.CredentialSource}.",
                    _ => $"API key from {target.CredentialSource}.",
                }, new Style(Color.Grey));
            }

            connection = new ServiceConnection(target, verbose ? Error : null);
        }
        catch (UsageException exception)
        {
            return Usage(exception);
        }

        using (connection)
        {
            try
            {
                return await work(connection, cancellationToken);
            }
            catch (UsageException exception)
            {
                return Usage(exception);
            }
            catch (SignInException exception)
            {
                Error.Write(new Text(connection.Redact(exception.Message) + Environment.NewLine, new Style(Color.Red)));
                return exception.ExitCode;
            }
            catch (ComplianceApiException exception)
            {
                ServiceErrors.Render(Error, exception);
                return ExitCodes.Rejected;
            }
            catch (HttpRequestException exception)
            {
                Unreachable($"Could not reach the service at {address}: {connection.Redact(exception.Message)}");
                return ExitCodes.Unreachable;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Unreachable($"The service at {address} did not answer in time.");
                return ExitCodes.Unreachable;
            }
        }
    }

    /// <summary>Says that the command cannot run as given; exit code 2.</summary>
    public int Usage(UsageException exception)
    {
        Error.Write(new Text(exception.Message + Environment.NewLine, new Style(Color.Red)));
        return ExitCodes.Usage;
    }

    private void Unreachable(string message) =>
        Error.Write(new Text(message + Environment.NewLine + "Check the address (--api or " + ServiceOptions.AddressVariable + ") and that the service is running." + Environment.NewLine, new Style(Color.Red)));
}
