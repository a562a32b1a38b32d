using System.CommandLine;
using ComplianceApi.Cli.Common;
using ComplianceApi.Client;
using Spectre.Console;

namespace ComplianceApi.Cli.Commands;

/// <summary>
/// <c>compliance statement</c>: a committee position statement as JSON, CSV, an Excel workbook or a
/// printable HTML page, either previewed as of a date (<c>GET /committees/{id}/statement</c>) or as
/// issued with a committee report (<c>GET /committee-reports/{id}/statement</c>), written to a file or,
/// for the text formats, to stdout.
/// </summary>
public static class StatementCommand
{
    private static readonly Dictionary<string, StatementFormat> FormatsByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".json"] = StatementFormat.Json,
        [".csv"] = StatementFormat.Csv,
        [".xlsx"] = StatementFormat.Xlsx,
        [".html"] = StatementFormat.Html,
        [".htm"] = StatementFormat.Html,
    };

    public static Command Create(CliSession session)
    {
        var committee = new Option<Guid?>("--committee")
        {
            Description = "Preview the statement for this committee (its id) as of --as-of; nothing is stored",
            HelpName = "id",
            CustomParser = Values.Id,
        };
        var report = new Option<Guid?>("--report")
        {
            Description = "The statement issued with this committee report (its id), exactly as issued",
            HelpName = "id",
            CustomParser = Values.Id,
        };
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "With --committee: the date to read every response as of, yyyy-MM-dd [default: today]",
            HelpName = "date",
            CustomParser = Values.Date,
        };
        var format = new Option<StatementFormat?>("--format", "-f")
        {
            Description = "Json, Csv, Xlsx or Html [default: from the --output file's extension, else Json]",
        };
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "The file to write [default: stdout, for Json, Csv and Html]",
            HelpName = "file",
        };
        var force = new Option<bool>("--force") { Description = "Overwrite the --output file when it exists" };

        var command = new Command("statement",
            "Download a committee position statement: a preview as of a date (--committee), or the one issued with a report (--report)")
        {
            committee, report, asOf, format, output, force,
        };
        command.Validators.Add(result =>
        {
            // Whether given, not their values: a value that does not parse is reported on its own.
            var isPreview = result.GetResult(committee) is not null;
            if (isPreview == (result.GetResult(report) is not null))
            {
                result.AddError("Give either --committee <id> (a preview as of a date) or --report <id> (a statement as issued).");
            }
            else if (!isPreview && result.GetResult(asOf) is not null)
            {
                result.AddError("--as-of goes with --committee: an issued statement stays as of the date it was issued.");
            }
        });

        command.SetAction((parse, cancellationToken) => session.RunAgainstServiceAsync(parse, async (connection, ct) =>
        {
            var file = parse.GetValue(output);
            var chosen = parse.GetValue(format)
                ?? (file is not null && FormatsByExtension.TryGetValue(file.Extension, out var byExtension) ? byExtension : StatementFormat.Json);
            var destination = DocumentOutput.To(file, parse.GetValue(force), isText: chosen != StatementFormat.Xlsx, binaryKind: "An Excel workbook");

            var length = await destination.WriteAsync(session.OutputText, async (stream, writeCt) =>
            {
                var statements = connection.Create((options, http) => new StatementDocumentClient(options, http, stream));
                if (parse.GetValue(committee) is { } committeeId)
                {
                    await statements.PreviewPositionStatementAsync(committeeId, parse.GetValue(asOf), chosen, writeCt);
                }
                else
                {
                    await statements.GetIssuedStatementAsync(parse.GetValue(report)!.Value, chosen, writeCt);
                }
            }, ct);

            if (!destination.IsStandardOutput)
            {
                session.Error.WriteLine($"Wrote the position statement ({chosen}, {length:N0} bytes) to {destination.Name}.");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    /// <summary>
    /// The generated StatementsClient, keeping the document the service sends instead of reading it as
    /// JSON. The contract offers one operation in four media types and NSwag types its answer as the
    /// JSON model only, so the bytes of a CSV, XLSX or HTML answer are copied to the destination here;
    /// the URL, the key, and every refusal (ComplianceApiException with its problem) stay the generated code's.
    /// </summary>
    private sealed class StatementDocumentClient(ComplianceApiClientOptions options, HttpClient http, Stream destination)
        : StatementsClient(options, http)
    {
        protected override async Task<ObjectResponseResult<T>> ReadObjectResponseAsync<T>(
            HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, CancellationToken cancellationToken)
        {
            if (typeof(T) != typeof(PositionStatement) || !response.IsSuccessStatusCode)
            {
                return await base.ReadObjectResponseAsync<T>(response, headers, cancellationToken);
            }

            await response.Content.CopyToAsync(destination, cancellationToken);

            // The generated method only checks that it received an object; the document is in destination.
            return new ObjectResponseResult<T>((T)(object)new PositionStatement(), string.Empty);
        }
    }
}
