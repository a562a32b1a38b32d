using System.Globalization;
using System.Security.Cryptography;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using MediatR;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>A CSV or XLSX file to load; in a dry run nothing is written.</summary>
public sealed record ImportSpreadsheetCommand(IFormFile File, SpreadsheetKind? Kind, bool DryRun) : ICommand<ImportReport>;

public sealed class ImportSpreadsheetValidator : AbstractValidator<ImportSpreadsheetCommand>
{
    public ImportSpreadsheetValidator() => RuleFor(c => c.Kind).IsInEnum();
}

/// <summary>
/// Reads the file, looks up what its rows refer to in bulk, applies each row through the domain, and
/// writes only when nothing was rejected and it is not a dry run, in the command's one transaction. In a
/// real run most rows are written while later ones are still being applied, and undone if one is rejected.
/// </summary>
public sealed class ImportSpreadsheetHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, IConfiguration configuration, ServiceMetrics metrics)
    : IRequestHandler<ImportSpreadsheetCommand, ImportReport>
{
    public async Task<ImportReport> Handle(ImportSpreadsheetCommand command, CancellationToken cancellationToken)
    {
        var limits = SpreadsheetLimits.From(configuration);
        if (command.File.Length > limits.MaxFileBytes)
        {
            throw new PayloadTooLargeException(
                $"The file is {command.File.Length:N0} bytes; one load takes at most {limits.MaxFileBytes:N0} (setting Spreadsheets:MaxFileBytes).");
        }

        IReadOnlyList<SpreadsheetSheet> sheets;
        await using (var file = command.File.OpenReadStream())
        {
            sheets = SpreadsheetUploads.Read(file, command.Kind, limits.MaxRows);
        }

        var now = clock.GetUtcNow();
        var import = new SpreadsheetImport(db, caller, now, command.File.FileName);
        await import.LoadAsync(sheets, cancellationToken);
        if (!command.DryRun)
        {
            // Every row the load writes names it, and the load is one event in the trail, not one per save.
            db.LoadId = Guid.CreateVersion7(now);
            import.BeginWriting();
        }

        List<ImportNote> notes;
        List<ImportRowReport> rows;
        try
        {
            (notes, rows) = Apply(sheets, import);
        }
        catch
        {
            await import.DiscardAsync(CancellationToken.None);
            throw;
        }

        var counts = new ImportCounts(
            rows.Count(r => r.Outcome == ImportOutcome.Created), rows.Count(r => r.Outcome == ImportOutcome.Updated),
            rows.Count(r => r.Outcome == ImportOutcome.Unchanged), rows.Count(r => r.Outcome == ImportOutcome.Rejected));
        var applied = !command.DryRun && counts.Rejected == 0;
        if (applied)
        {
            db.AuditEvents.Add(await LoadEventAsync(command, db.LoadId!.Value, rows, import.AssessmentsRecorded, now, cancellationToken));
            await import.WriteAsync(cancellationToken);
        }
        else
        {
            await import.DiscardAsync(cancellationToken);
        }

        metrics.ImportFinished(command.DryRun, applied,
            [("created", counts.Created), ("updated", counts.Updated), ("unchanged", counts.Unchanged), ("rejected", counts.Rejected)]);
        return new ImportReport(command.DryRun, applied, counts, notes, rows);
    }

    /// <summary>
    /// The load's one audit event: the file, by name and SHA-256, so the very file can be told from another
    /// of the same name, and how many records of each kind it created and updated.
    /// </summary>
    private async Task<AuditEvent> LoadEventAsync(
        ImportSpreadsheetCommand command, Guid loadId, List<ImportRowReport> rows, int assessments, DateTimeOffset now, CancellationToken cancellationToken)
    {
        byte[] sha256;
        await using (var file = command.File.OpenReadStream())
        {
            sha256 = await SHA256.HashDataAsync(file, cancellationToken);
        }

        var loaded = new AuditEvent("import.loaded", "import", loadId.ToString(), caller.ForceCode, caller.Operation ?? "ImportSpreadsheet", caller.Client, loadId, now);
        List<FieldChange> changes =
        [
            new("fileName", null, command.File.FileName),
            new("sha256", null, Convert.ToHexStringLower(sha256)),
        ];
        foreach (var kind in rows.GroupBy(r => r.Kind).OrderBy(g => g.Key))
        {
            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.Key.ToString());
            foreach (var outcome in new[] { ImportOutcome.Created, ImportOutcome.Updated, ImportOutcome.Unchanged })
            {
                changes.Add(new($"{name}.{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString())}", null,
                    kind.Count(r => r.Outcome == outcome).ToString(CultureInfo.InvariantCulture)));
            }
        }

        // Entries of the inspectorate's assessment ride on Responses rows (updated or created): counted apart, as the endpoint records each.
        if (assessments > 0)
        {
            changes.Add(new("inspectorateAssessments.recorded", null, assessments.ToString(CultureInfo.InvariantCulture)));
        }

        loaded.Record(changes);
        return loaded;
    }

    private static (List<ImportNote> Notes, List<ImportRowReport> Rows) Apply(IReadOnlyList<SpreadsheetSheet> sheets, SpreadsheetImport import)
    {
        var notes = new List<ImportNote>();
        var rows = new List<ImportRowReport>(sheets.Sum(s => s.Rows.Count));
        foreach (var sheet in sheets)
        {
            if (sheet.IgnoredHeaders.Count > 0 && notes.Count < ImportReport.MostNotes)
            {
                notes.Add(new ImportNote(sheet.Name,
                    $"Columns not in the {sheet.Layout.SheetName} layout were not loaded: {string.Join(", ", sheet.IgnoredHeaders.Select(h => $"'{h}'"))}."));
            }

            var seen = new Dictionary<string, (int FirstRow, int Count)>(StringComparer.Ordinal);
            foreach (var spreadsheetRow in sheet.Rows)
            {
                var row = new ImportRow(sheet, spreadsheetRow);
                var key = KeyOf(sheet.Layout.Kind, row);
                var (firstRow, count) = seen.TryGetValue(key, out var before) ? before : (row.Number, 0);
                var occurrence = count + 1;
                seen[key] = (firstRow, occurrence);
                ImportOutcome? outcome = null;
                if (occurrence > 1 && sheet.Layout.Kind != SpreadsheetKind.ProgressUpdates)
                {
                    row.Problem(sheet.Layout.NaturalKey, $"Row {firstRow} has the same {sheet.Layout.NaturalKey}; each record appears once in a file.");
                }
                else
                {
                    outcome = Load(sheet.Layout.Kind, row, import, occurrence);
                }

                // A history may hold identical entries on one day (the domain allows it), so they repeat in a file; the report tells them apart.
                if (occurrence > 1)
                {
                    key = $"{key} (#{occurrence})";
                }

                rows.Add(new ImportRowReport(sheet.Layout.Kind, sheet.Name, row.Number, key,
                    row.IsRejected || outcome is null ? ImportOutcome.Rejected : outcome.Value, row.Problems));
            }
        }

        return (notes, rows);
    }

    private static string KeyOf(SpreadsheetKind kind, ImportRow row) => kind switch
    {
        SpreadsheetKind.Findings => FindingRows.Key(row),
        SpreadsheetKind.Responses => ResponseRows.Key(row),
        SpreadsheetKind.ProgressUpdates => ProgressUpdateRows.Key(row),
        SpreadsheetKind.Actions => ActionRows.Key(row),
        SpreadsheetKind.Gradings => GradingRows.Key(row),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static ImportOutcome? Load(SpreadsheetKind kind, ImportRow row, SpreadsheetImport import, int occurrence) => kind switch
    {
        SpreadsheetKind.Findings => FindingRows.Load(row, import),
        SpreadsheetKind.Responses => ResponseRows.Load(row, import),
        SpreadsheetKind.ProgressUpdates => ProgressUpdateRows.Load(row, import, occurrence),
        SpreadsheetKind.Actions => ActionRows.Load(row, import),
        SpreadsheetKind.Gradings => GradingRows.Load(row, import),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
