using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ComplianceApi.Cli.Common;
using ComplianceApi.Client;
using Spectre.Console;

namespace ComplianceApi.Cli.Commands;

/// <summary>
/// <c>compliance changes</c>: tails the change feed (<c>GET /changes</c>) for scripts, a change a line
/// (jsonl) or a table, from a cursor; with --follow it keeps polling until stopped. It remembers nothing on
/// disk unless given --cursor-file, where it reads the cursor to start from and keeps the last one read.
/// </summary>
public static class ChangesCommand
{
    public enum Output { Table, Jsonl }

    private static readonly JsonSerializerOptions Lines = new() { WriteIndented = false };

    public static Command Create(CliSession session)
    {
        var after = new Option<string?>("--after") { Description = "The cursor to read on from [default: --cursor-file's, else the oldest change kept]", HelpName = "cursor" };
        var follow = new Option<bool>("--follow") { Description = "Keep polling for new changes until stopped (Ctrl+C)" };
        var kinds = new Option<string?>("--kinds") { Description = "Only changes of these kinds, comma-separated, such as response.updated,response.overdue", HelpName = "kinds" };
        var forceCode = new Option<string?>("--force-code") { Description = "Only changes to this force's records", HelpName = "code" };
        var format = new Option<Output?>("--format", "-f") { Description = "Table or Jsonl (a change a line) [default: Table]" };
        var cursorFile = new Option<FileInfo?>("--cursor-file") { Description = "Read the cursor to start from here, and write each page's next cursor here", HelpName = "file" };
        var every = new Option<int?>("--every") { Description = "With --follow: seconds between polls when nothing is new [default: 5]", HelpName = "seconds" };

        var command = new Command("changes", "Tail the change feed: every change once, in commit order, from a cursor")
        {
            after, follow, kinds, forceCode, format, cursorFile, every,
        };

        command.SetAction((parse, cancellationToken) => session.RunAgainstServiceAsync(parse, async (connection, ct) =>
        {
            var changes = connection.Create((options, http) => new ChangesClient(options, http));
            var file = parse.GetValue(cursorFile);
            var cursor = parse.GetValue(after)
                ?? (file is { Exists: true } ? (await File.ReadAllTextAsync(file.FullName, ct)).Trim() is { Length: > 0 } saved ? saved : null : null);
            var chosen = parse.GetValue(format) ?? Output.Table;
            var pause = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(every) ?? 5));
            try
            {
                while (true)
                {
                    var page = await changes.ListChangesAsync(cursor, parse.GetValue(kinds), parse.GetValue(forceCode), 200, ct);
                    Write(session, chosen, page.Items);
                    cursor = page.NextCursor;
                    if (file is not null)
                    {
                        // Written whole and moved into place, so a tool stopped mid-write never leaves half a cursor.
                        var partial = file.FullName + ".partial";
                        await File.WriteAllTextAsync(partial, cursor, ct);
                        File.Move(partial, file.FullName, overwrite: true);
                    }

                    if (!page.HasMore)
                    {
                        if (!parse.GetValue(follow))
                        {
                            break;
                        }

                        await Task.Delay(pause, ct);
                    }
                }
            }
            catch (OperationCanceledException) when (parse.GetValue(follow) && ct.IsCancellationRequested)
            {
                // Stopping a follower is how it ends; every change it printed has its cursor saved.
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static void Write(CliSession session, Output format, ICollection<Change> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        if (format == Output.Jsonl)
        {
            foreach (var change in items)
            {
                session.OutputText.WriteLine(JsonSerializer.Serialize(change, Lines));
            }

            session.OutputText.Flush();
            return;
        }

        var table = new Table().AddColumn("Sequence").AddColumn("Kind").AddColumn("Record").AddColumn("Id").AddColumn("Force")
            .AddColumn("Version").AddColumn("When").AddColumn("Client");
        foreach (var change in items)
        {
            table.AddRow(
                change.Sequence.ToString(CultureInfo.InvariantCulture), Markup.Escape(change.Kind), Markup.Escape(change.RecordType),
                Markup.Escape(change.RecordId), Markup.Escape(change.ForceCode ?? ""), change.RecordVersion?.ToString(CultureInfo.InvariantCulture) ?? "",
                change.OccurredAt.ToString("u", CultureInfo.InvariantCulture), Markup.Escape(change.Client.Name));
        }

        session.Output.Write(table);
    }
}
