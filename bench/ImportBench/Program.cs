using System.Diagnostics;
using System.Globalization;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Xlsx;
using Microsoft.Data.Sqlite;

// bench/import's helper. Verbs:
//   workbook <database> <rows> <file.xlsx>  writes that many progress updates, valid and dated in order per
//                                           response, for responses of the database that have no history yet
//   ceiling <database> <rows>               inserts the same rows with one prepared INSERT in one transaction
//                                           and prints the seconds it took
//   count <database>                        prints how many progress updates the database holds
//
return args switch
{
    ["workbook", var database, var rows, var file] => ImportBench.WriteWorkbook(database, int.Parse(rows, CultureInfo.InvariantCulture), file),
    ["ceiling", var database, var rows] => ImportBench.InsertCeiling(database, int.Parse(rows, CultureInfo.InvariantCulture)),
    ["count", var database] => ImportBench.Count(database),
    _ => ImportBench.Usage(),
};

/// <summary>A progress update to load, with the stored id of the response it belongs to (which only the ceiling uses).</summary>
internal sealed record BenchRow(
    string ResponseId, string ForceCode, string InspectionReference, string FindingReference, DateOnly EffectiveOn, ResponseStatus Status, Rag? Rag,
    string Narrative, string Author);

internal static class ImportBench
{
    private const int UpdatesPerResponse = 10;
    private static readonly DateOnly FirstEntry = new(2024, 1, 15);
    private static readonly string[] InsertParameters = ["$id", "$response", "$force", "$effective", "$status", "$rag", "$narrative", "$author", "$recorded"];

    public static int Usage()
    {
        Console.Error.WriteLine("usage: ImportBench workbook <database> <rows> <file.xlsx> | ceiling <database> <rows> | count <database>");
        return 2;
    }

    public static int WriteWorkbook(string database, int count, string file)
    {
        var rows = Rows(database, count);
        var layout = SpreadsheetLayouts.ProgressUpdates;
        using (var output = File.Create(file))
        using (var workbook = new XlsxWorkbookWriter(output, [layout.SheetName]))
        {
            workbook.StartSheet(layout.SheetName);
            workbook.WriteTextRow(layout.Columns.Select(c => c.Header));
            foreach (var row in rows)
            {
                // Cells by header, in the layout's order: the file is read exactly as an export would be.
                var cells = new Dictionary<string, string>
                {
                    [SpreadsheetLayouts.ForceCode.Header] = row.ForceCode,
                    [SpreadsheetLayouts.InspectionReference.Header] = row.InspectionReference,
                    [SpreadsheetLayouts.FindingReference.Header] = row.FindingReference,
                    [SpreadsheetLayouts.EffectiveOn.Header] = SpreadsheetValues.Format(row.EffectiveOn),
                    [SpreadsheetLayouts.Status.Header] = SpreadsheetValues.Format<ResponseStatus>(row.Status),
                    [SpreadsheetLayouts.RagRating.Header] = SpreadsheetValues.Format(row.Rag),
                    [SpreadsheetLayouts.Narrative.Header] = row.Narrative,
                    [SpreadsheetLayouts.Author.Header] = row.Author,
                };
                workbook.WriteTextRow(layout.Columns.Select(c => cells.GetValueOrDefault(c.Header, "")));
            }
        }

        Console.WriteLine($"{rows.Count} {rows.Select(r => r.ResponseId).Distinct().Count()}");
        return 0;
    }

    public static int InsertCeiling(string database, int count)
    {
        var rows = Rows(database, count);
        using var connection = Open(database);
        var stopwatch = Stopwatch.StartNew();
        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO "ProgressUpdates" ("Id", "ResponseId", "ForceCode", "EffectiveOn", "Status", "Rag", "Narrative", "Author", "SignedOffBy", "SupersededByFindingId", "RecordedAt")
                VALUES ($id, $response, $force, $effective, $status, $rag, $narrative, $author, NULL, NULL, $recorded)
                """;
            var parameters = InsertParameters.Select(name => insert.Parameters.Add(name, SqliteType.Text)).ToArray();
            insert.Prepare();
            var recordedAt = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            foreach (var row in rows)
            {
                // Stored as EF stores them on SQLite: Guids as upper-case text, dates as ISO text, enums by name.
                parameters[0].Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
                parameters[1].Value = row.ResponseId;
                parameters[2].Value = row.ForceCode;
                parameters[3].Value = SpreadsheetValues.Format(row.EffectiveOn);
                parameters[4].Value = row.Status.ToString();
                parameters[5].Value = (object?)row.Rag?.ToString() ?? DBNull.Value;
                parameters[6].Value = row.Narrative;
                parameters[7].Value = row.Author;
                parameters[8].Value = recordedAt;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        Console.WriteLine(stopwatch.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture));
        return 0;
    }

    public static int Count(string database)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "ProgressUpdates" """;
        Console.WriteLine(Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>With the service's own pragmas (Data/Storage.cs), so the ceiling commits as durably as the service does.</summary>
    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// The same rows for the same database, every time: ten entries a month apart for each response without
    /// history, in the order responses were recorded, starting not started, then in progress, a third ending implemented.
    /// </summary>
    private static List<BenchRow> Rows(string database, int count)
    {
        var responses = new List<(string Id, string Force, string Inspection, string Finding)>();
        using (var connection = Open(database))
        using (var select = connection.CreateCommand())
        {
            select.CommandText = """
                SELECT r."Id", r."ForceCode", i."Reference", f."Reference"
                FROM "ForceResponses" AS r
                JOIN "Findings" AS f ON f."Id" = r."FindingId"
                JOIN "Inspections" AS i ON i."Id" = f."InspectionId"
                WHERE NOT EXISTS (SELECT 1 FROM "ProgressUpdates" AS u WHERE u."ResponseId" = r."Id")
                ORDER BY r."Id"
                """;
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                responses.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        var perResponse = Math.Max(UpdatesPerResponse, (count + responses.Count - 1) / Math.Max(responses.Count, 1));
        if ((long)perResponse * responses.Count < count)
        {
            throw new InvalidOperationException($"The database has {responses.Count} responses without history; {count} rows need more.");
        }

        var rows = new List<BenchRow>(count);
        for (var r = 0; rows.Count < count; r++)
        {
            var (id, force, inspection, finding) = responses[r];
            var entries = Math.Min(perResponse, count - rows.Count);
            for (var e = 0; e < entries; e++)
            {
                var (status, rag) = e == 0 ? (ResponseStatus.NotStarted, Rag.Red)
                    : e == entries - 1 && r % 3 == 0 ? (ResponseStatus.Implemented, Rag.Green)
                    : (ResponseStatus.InProgress, Rag.Amber);
                var on = FirstEntry.AddDays((30 * e) + (r % 28));
                rows.Add(new BenchRow(id, force, inspection, finding, on, status, rag,
                    $"Entry {e + 1} for {force}: crime recording audit, {(r * 37 % 900) + 100} records checked, findings reported to the board.",
                    "Bench loader"));
            }
        }

        return rows;
    }
}
