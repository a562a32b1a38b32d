using System.CommandLine;
using ComplianceApi.Cli.Common;
using ComplianceApi.Client;
using Spectre.Console;

namespace ComplianceApi.Cli.Commands;

/// <summary>
/// <c>compliance template</c>: the Excel workbook to fill in for 'import' (<c>GET /imports/template</c>),
/// a sheet per kind with its headers and an example row, and a notes sheet on every column.
/// </summary>
public static class TemplateCommand
{
    public static Command Create(CliSession session)
    {
        var output = new Option<FileInfo>("--output", "-o") { Description = "The file to write", HelpName = "file", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite the --output file when it exists" };
        var command = new Command("template", "Download the Excel template to fill in and load with 'import'") { output, force };

        command.SetAction((parse, cancellationToken) => session.RunAgainstServiceAsync(parse, async (connection, ct) =>
        {
            var destination = DocumentOutput.To(parse.GetValue(output), parse.GetValue(force), isText: false, binaryKind: "An Excel workbook");
            var length = await destination.WriteAsync(session.OutputText, async (stream, writeCt) =>
            {
                var spreadsheets = connection.Create((options, http) => new SpreadsheetsClient(options, http));
                using var template = await spreadsheets.GetImportTemplateAsync(writeCt);
                await template.Stream.CopyToAsync(stream, writeCt);
            }, ct);

            session.Error.WriteLine($"Wrote the import template ({length:N0} bytes) to {destination.Name}.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
