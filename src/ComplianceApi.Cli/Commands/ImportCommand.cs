using System.CommandLine;
using System.Globalization;
using ComplianceApi.Cli.Common;
using ComplianceApi.Client;
using Spectre.Console;

namespace ComplianceApi.Cli.Commands;

/// <summary>Which rows of the load's report <c>compliance import</c> lists on stdout.</summary>
public enum ImportRowsShown
{
    /// <summary>Only the rejected rows, with each problem's column and reason.</summary>
    Rejected,

    /// <summary>Every row and its outcome.</summary>
    All,
}

/// <summary>
/// <c>compliance import</c>: loads a CSV or workbook (<c>POST /imports</c>), streamed from disk, and prints
/// the service's per-row report: the counts, and the rejected rows as a table a person can correct the
/// file from. A dry run or a refused load with rejected rows exits 1, so a script stops before the real run.
/// </summary>
public static class ImportCommand
{
    // Smaller files upload in a moment; a bar would only flicker.
    private const long ProgressFromBytes = 1024 * 1024;

    public static Command Create(CliSession session)
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV or Excel workbook (.xlsx) to load" };
        var kind = new Option<SpreadsheetKind?>("--kind", "-k")
        {
            Description = "Findings, Responses, ProgressUpdates, Actions or Gradings: the kind a CSV holds (required for one), "
                + "or the one sheet of a workbook to load [default for a workbook: every sheet named after a kind]",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what each row would do, and write nothing" };
        var show = new Option<ImportRowsShown>("--show")
        {
            Description = "The rows to list: Rejected (each problem's column and reason) or All (every row's outcome)",
            DefaultValueFactory = _ => ImportRowsShown.Rejected,
        };

        var command = new Command("import", "Load a CSV or workbook of records, all rows or none, and print what became of each row")
        {
            file, kind, dryRun, show,
        };

        command.SetAction((parse, cancellationToken) => session.RunAgainstServiceAsync(parse, async (connection, ct) =>
        {
            var source = parse.GetValue(file)!;
            var shown = parse.GetValue(show);
            InputFile.Open(source).Dispose(); // a file that is missing or unreadable is a usage error before any request
            var spreadsheets = connection.Create((options, http) => new SpreadsheetsClient(options, http));
            ImportReport report;
            try
            {
                // One key for the load and all its attempts: a retry after a lost answer gets the first run's
                // report instead of loading the file twice.
                var idempotencyKey = WriteRetries.NewKey();
                report = await WriteRetries.SendAsync(session.Error, $"Loading {source.Name}", async (_, attemptCt) =>
                {
                    // The request disposes of the stream it sent, so each attempt opens the file again.
                    await using var content = InputFile.Open(source);
                    return await UploadAsync(session, source, content, (upload, uploadCt) =>
                        spreadsheets.ImportSpreadsheetAsync(parse.GetValue(kind), parse.GetValue(dryRun), upload, idempotencyKey: idempotencyKey, cancellationToken: uploadCt), attemptCt);
                }, ct);
            }
            catch (ComplianceApiException<ImportRejectedProblem> rejected) when (rejected.Result is { Report: { } refused })
            {
                Print(session, refused, shown);
                Say(session, $"Refused {source.Name}: {refused.Counts.Rejected:N0} of {refused.Rows.Count:N0} rows are rejected; nothing was written. "
                    + "Correct them and load the file again.", Color.Red);
                return ExitCodes.Rejected;
            }

            Print(session, report, shown);
            var counts = report.Counts;
            if (report.DryRun)
            {
                Say(session, $"Dry run of {source.Name}, nothing written: {counts.Created:N0} to create, {counts.Updated:N0} to update, "
                    + $"{counts.Unchanged:N0} unchanged, {counts.Rejected:N0} rejected."
                    + (counts.Rejected > 0 ? " A real run would be refused until the rejected rows are corrected." : ""),
                    counts.Rejected > 0 ? Color.Yellow : Color.Default);
                return counts.Rejected > 0 ? ExitCodes.Rejected : ExitCodes.Success;
            }

            Say(session, $"Loaded {source.Name} in one transaction. Created {counts.Created:N0}, updated {counts.Updated:N0}, "
                + $"unchanged {counts.Unchanged:N0}.", Color.Default);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static async Task<ImportReport> UploadAsync(
        CliSession session, FileInfo source, FileStream content, Func<FileParameter, CancellationToken, Task<ImportReport>> send, CancellationToken ct)
    {
        var length = content.Length;
        if (!session.ShowsProgress || length < ProgressFromBytes)
        {
            return await send(new FileParameter(content, source.Name, ContentType(source)), ct);
        }

        return await session.Error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape($"Uploading {source.Name}"), maxValue: length);
                var counted = new ReadProgressStream(content, sent =>
                {
                    task.Value = sent;
                    if (sent >= length)
                    {
                        // The service reads and checks every row before it answers; that wait is not the upload's.
                        task.Description = Markup.Escape($"Checking the rows of {source.Name}");
                        task.IsIndeterminate = true;
                    }
                });
                return await send(new FileParameter(counted, source.Name, ContentType(source)), ct);
            });
    }

    // The service tells CSV from a workbook by the content; the type only helps what lies between.
    private static string ContentType(FileInfo source) => source.Extension.ToLowerInvariant() switch
    {
        ".csv" => "text/csv",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };

    private static void Print(CliSession session, ImportReport report, ImportRowsShown shown)
    {
        foreach (var note in report.Notes)
        {
            session.Error.Write(new Text($"{note.Sheet}: {note.Text}{Environment.NewLine}", new Style(Color.Yellow)));
        }

        var counts = new Table().AddColumn("Outcome").AddColumn(new TableColumn("Rows").RightAligned());
        foreach (var (outcome, number) in new[]
                 {
                     (ImportOutcome.Created, report.Counts.Created), (ImportOutcome.Updated, report.Counts.Updated),
                     (ImportOutcome.Unchanged, report.Counts.Unchanged), (ImportOutcome.Rejected, report.Counts.Rejected),
                 })
        {
            counts.AddRow(new Text(outcome.ToString()), new Text(number.ToString("N0", CultureInfo.InvariantCulture)));
        }

        session.Output.Write(counts);

        var listed = report.Rows.Where(r => shown == ImportRowsShown.All || r.Outcome == ImportOutcome.Rejected).ToList();
        if (listed.Count == 0)
        {
            return;
        }

        var rows = new Table().AddColumn("Sheet").AddColumn(new TableColumn("Row").RightAligned()).AddColumn("Key");
        if (shown == ImportRowsShown.All)
        {
            rows.AddColumn("Outcome");
        }

        rows.AddColumn("Column").AddColumn("Reason");
        foreach (var row in listed)
        {
            // A row with several problems gets a line for each, every line whole, so a reader (or grep) sees which row it is.
            foreach (var problem in row.Problems.DefaultIfEmpty())
            {
                List<Text> cells = [new(row.Sheet), new(row.Row.ToString(CultureInfo.InvariantCulture)), new(row.Key)];
                if (shown == ImportRowsShown.All)
                {
                    cells.Add(new Text(row.Outcome.ToString()));
                }

                cells.Add(new Text(problem?.Column ?? ""));
                cells.Add(new Text(problem?.Reason ?? ""));
                rows.AddRow(cells);
            }
        }

        session.Output.Write(rows);
    }

    private static void Say(CliSession session, string message, Color colour) =>
        session.Error.Write(new Text(message + Environment.NewLine, new Style(colour)));
}
