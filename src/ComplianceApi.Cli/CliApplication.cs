using System.CommandLine;
using System.CommandLine.Help;
using ComplianceApi.Cli.Commands;
using ComplianceApi.Cli.Common;
using Spectre.Console;

namespace ComplianceApi.Cli;

/// <summary>
/// The <c>compliance</c> tool: the command tree and one run of it. Program passes the process's
/// streams and environment; tests pass their own, so they run the tool in-process.
/// </summary>
public static class CliApplication
{
    public const string Name = "compliance";

    private const string Description = """
        ComplianceApi from the command line: spreadsheet loads (with a dry run) and exports, the import template, position statements for committees, reminders of what falls due, the change feed, evidence files, and API key management.

        The service's address and key come from --api and --api-key, else COMPLIANCE_API_URL and COMPLIANCE_API_KEY; an Entra ID access token may be given instead of a key, with --token or COMPLIANCE_API_TOKEN, or the tool can sign in as an application with --tenant, --client-id and COMPLIANCE_API_CLIENT_SECRET.
        Exit codes: 0 done; 1 the service refused the request (invalid, rows of an import rejected, a rule of the domain, not allowed, not found);
        2 the command line or configuration is wrong; 3 the service could not be reached.
        """;

    /// <param name="args">The command line, without the program's name.</param>
    /// <param name="output">stdout: documents, secrets and tables a script reads.</param>
    /// <param name="error">stderr: messages for the person running it.</param>
    /// <param name="environment">Looks up an environment variable; null when unset.</param>
    /// <param name="isTerminal">Whether output and error go to a terminal (colours and its width) rather than a file or pipe.</param>
    /// <param name="errorIsTerminal">Whether stderr alone is a terminal, where a progress bar can redraw itself; stdout may still be a file.</param>
    /// <param name="cancellationToken">Stops the command (the tool's Ctrl+C, a test's time limit).</param>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        Func<string, string?> environment,
        bool isTerminal = false,
        bool errorIsTerminal = false,
        CancellationToken cancellationToken = default)
    {
        var session = new CliSession(
            Console(output, environment, isTerminal), output, Console(error, environment, isTerminal || errorIsTerminal, live: errorIsTerminal), environment,
            showsProgress: errorIsTerminal);
        // A plain command rather than RootCommand, whose name would be the assembly's, not the tool's.
        var root = new Command(Name, Description) { new HelpOption(), new VersionOption() };
        session.Options.AddTo(root);
        root.Subcommands.Add(StatementCommand.Create(session));
        root.Subcommands.Add(ImportCommand.Create(session));
        root.Subcommands.Add(ExportCommand.Create(session));
        root.Subcommands.Add(TemplateCommand.Create(session));
        root.Subcommands.Add(KeysCommand.Create(session));
        root.Subcommands.Add(RemindersCommand.Create(session));
        root.Subcommands.Add(ChangesCommand.Create(session));
        root.Subcommands.Add(EvidenceCommand.Create(session));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                session.Error.Write(new Text(parseError.Message + Environment.NewLine, new Style(Color.Red)));
            }

            session.Error.WriteLine($"Run '{Name} --help' for the commands and their options.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    // live: whether the console may redraw in place (a progress bar); Spectre falls back to lines of text without it.
    private static IAnsiConsole Console(TextWriter writer, Func<string, string?> environment, bool isTerminal, bool live = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            // https://no-color.org: any value of NO_COLOR turns colours off.
            Ansi = isTerminal && environment("NO_COLOR") is null ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal && environment("NO_COLOR") is null ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = live ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            // A file or a pipe has no width; tables are not wrapped at 80 columns for it.
            console.Profile.Width = 240;
        }

        return console;
    }
}
