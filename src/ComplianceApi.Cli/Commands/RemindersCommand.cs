using System.CommandLine;
using System.Globalization;
using ComplianceApi.Cli.Common;
using ComplianceApi.Client;
using Spectre.Console;

namespace ComplianceApi.Cli.Commands;

/// <summary>
/// <c>compliance reminders</c>: the reminders digest (<c>GET /reminders</c>), what each owner has overdue,
/// falling due or up for review, as a table for a person, or as the service's JSON, CSV or printable HTML
/// for a script or a mail merge, to stdout or a file.
/// </summary>
public static class RemindersCommand
{
    /// <summary>How the digest is written: a table, or one of the documents the service serves.</summary>
    public enum Output { Table, Json, Csv, Html }

    public static Command Create(CliSession session)
    {
        var withinDays = new Option<int?>("--within-days")
        {
            Description = "Responses and actions due within this many days are falling due, 0 to 366 [default: 45]",
            HelpName = "days",
        };
        var forceCode = new Option<string?>("--force-code") { Description = "Only this force's records", HelpName = "code" };
        var format = new Option<Output?>("--format", "-f") { Description = "Table, Json, Csv or Html [default: Table]" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The file to write a document to [default: stdout]", HelpName = "file" };
        var force = new Option<bool>("--force") { Description = "Overwrite the --output file when it exists" };

        var command = new Command("reminders", "What each owner has overdue, falling due or up for review, oldest first")
        {
            withinDays, forceCode, format, output, force,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(format) is null or Output.Table && result.GetResult(output) is not null)
            {
                result.AddError("--output takes a document: give --format Json, Csv or Html.");
            }
        });

        command.SetAction((parse, cancellationToken) => session.RunAgainstServiceAsync(parse, async (connection, ct) =>
        {
            var chosen = parse.GetValue(format) ?? Output.Table;
            if (chosen == Output.Table)
            {
                var digest = await connection.Create((options, http) => new RemindersClient(options, http))
                    .GetRemindersAsync(parse.GetValue(withinDays), parse.GetValue(forceCode), ReminderFormat.Json, ct);
                Write(session, digest);
                return ExitCodes.Success;
            }

            var destination = DocumentOutput.To(parse.GetValue(output), parse.GetValue(force), isText: true, binaryKind: "");
            var length = await destination.WriteAsync(session.OutputText, async (stream, writeCt) =>
                await connection.Create((options, http) => new ReminderDocumentClient(options, http, stream))
                    .GetRemindersAsync(parse.GetValue(withinDays), parse.GetValue(forceCode), Enum.Parse<ReminderFormat>(chosen.ToString()), writeCt), ct);
            if (!destination.IsStandardOutput)
            {
                session.Error.WriteLine($"Wrote the reminders ({chosen}, {length:N0} bytes) to {destination.Name}.");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static void Write(CliSession session, ReminderDigest digest)
    {
        session.Error.WriteLine($"{digest.Count} reminders for {digest.Owners.Count} owners as of {digest.AsOf:yyyy-MM-dd}, falling due within {digest.WithinDays} days.");
        var table = new Table().AddColumn("Owner").AddColumn("Role").AddColumn("Reminder").AddColumn("Record").AddColumn("Force")
            .AddColumn("Subject").AddColumn("Date").AddColumn("Days").AddColumn("Id");
        foreach (var owner in digest.Owners)
        {
            foreach (var item in owner.Items)
            {
                table.AddRow(
                    Markup.Escape(owner.OwnerName ?? ""), Markup.Escape(owner.OwnerRole ?? ""), item.Reason.ToString(), Markup.Escape(item.RecordType),
                    Markup.Escape(item.ForceCode), Markup.Escape(item.Subject), item.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    item.DaysFromToday.ToString(CultureInfo.InvariantCulture), item.Id.ToString());
            }
        }

        session.Output.Write(table);
    }

    /// <summary>The generated RemindersClient, keeping the CSV or HTML the service sends instead of reading it as JSON (see StatementCommand).</summary>
    private sealed class ReminderDocumentClient(ComplianceApiClientOptions options, HttpClient http, Stream destination)
        : RemindersClient(options, http)
    {
        protected override async Task<ObjectResponseResult<T>> ReadObjectResponseAsync<T>(
            HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, CancellationToken cancellationToken)
        {
            if (typeof(T) != typeof(ReminderDigest) || !response.IsSuccessStatusCode)
            {
                return await base.ReadObjectResponseAsync<T>(response, headers, cancellationToken);
            }

            await response.Content.CopyToAsync(destination, cancellationToken);
            return new ObjectResponseResult<T>((T)(object)new ReminderDigest(), string.Empty);
        }
    }
}
