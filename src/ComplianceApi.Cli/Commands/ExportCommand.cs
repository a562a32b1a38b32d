using System.CommandLine;
using ComplianceApi.Cli.Common;
using ComplianceApi.Client;
using Spectre.Console;

namespace ComplianceApi.Cli.Commands;

/// <summary>
/// <c>compliance export</c>: records in the import layout (<c>GET /exports</c>), as CSV for one kind or
/// as an Excel workbook of one kind or every kind, so the file can be edited and loaded back.
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliSession session)
    {
        var kind = new Option<SpreadsheetKind?>("--kind", "-k")
        {
            Description = "Findings, Responses, ProgressUpdates, Actions or Gradings [default: every kind, one sheet each; Xlsx only]",
        };
        var format = new Option<SpreadsheetFormat?>("--format", "-f")
        {
            Description = "Csv or Xlsx [default: from the --output file's extension, else Csv with --kind and Xlsx without]",
        };
        var forceCode = new Option<string?>("--force-code") { Description = "Only this force's records", HelpName = "code" };
        var inspection = new Option<string?>("--inspection") { Description = "Only records of the inspection with this reference", HelpName = "reference" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The file to write [default: stdout, for Csv]", HelpName = "file" };
        var force = new Option<bool>("--force") { Description = "Overwrite the --output file when it exists" };

        var command = new Command("export", "Export records in the import layout, to edit and load back with 'import'")
        {
            kind, format, forceCode, inspection, output, force,
        };

        command.SetAction((parse, cancellationToken) => session.RunAgainstServiceAsync(parse, async (connection, ct) =>
        {
            var file = parse.GetValue(output);
            var chosen = parse.GetValue(format) ?? FormatFor(file, parse.GetValue(kind));
            if (chosen == SpreadsheetFormat.Csv && parse.GetValue(kind) is null)
            {
                throw new UsageException("A CSV holds one kind of record: give --kind, or export every kind as Xlsx.");
            }

            var destination = DocumentOutput.To(file, parse.GetValue(force), isText: chosen == SpreadsheetFormat.Csv, binaryKind: "An Excel workbook");
            var length = await destination.WriteAsync(session.OutputText, async (stream, writeCt) =>
            {
                var spreadsheets = connection.Create((options, http) => new SpreadsheetsClient(options, http));
                using var export = await spreadsheets.ExportSpreadsheetAsync(
                    parse.GetValue(kind), chosen, parse.GetValue(forceCode), parse.GetValue(inspection), writeCt);
                await export.Stream.CopyToAsync(stream, writeCt);
            }, ct);

            if (!destination.IsStandardOutput)
            {
                session.Error.WriteLine($"Wrote {parse.GetValue(kind)?.ToString() ?? "every kind"} ({chosen}, {length:N0} bytes) to {destination.Name}.");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static SpreadsheetFormat FormatFor(FileInfo? file, SpreadsheetKind? kind) => file?.Extension.ToLowerInvariant() switch
    {
        ".csv" => SpreadsheetFormat.Csv,
        ".xlsx" => SpreadsheetFormat.Xlsx,
        _ => kind is null ? SpreadsheetFormat.Xlsx : SpreadsheetFormat.Csv,
    };
}
