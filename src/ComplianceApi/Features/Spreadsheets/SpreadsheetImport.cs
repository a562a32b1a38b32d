using System.Data.Common;
using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Microsoft.EntityFrameworkCore;
using static ComplianceApi.Features.Spreadsheets.SpreadsheetLayouts;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>
/// The records one load works on, read in bulk before any row is applied (one query per table, never
/// one per row), the records its rows create or change, and, at the end, their writes. Inspections,
/// findings, plans, actions and gradings are few and go through EF's change tracker; responses and
/// their histories, which a load brings by the ten thousand, are read untracked and written with one
/// prepared statement per table (<see cref="BulkRowWriter"/>).
/// </summary>
public sealed class SpreadsheetImport(ComplianceDbContext db, Caller caller, DateTimeOffset now, string fileName)
{
    private readonly Dictionary<string, Force> _forces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Inspection> _inspections = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid Inspection, string Reference), Finding> _findings = [];

    // Each stored finding's due date as read, to find those the load moved: their responses follow them.
    private readonly Dictionary<Guid, DateOnly?> _storedDueDates = [];
    private readonly Dictionary<(string Force, Guid Finding), ForceResponse> _responses = [];
    // How many stored entries share each key: a history may repeat an entry on one day.
    private readonly Dictionary<(Guid Response, DateOnly EffectiveOn, ResponseStatus Status, string Narrative), int> _storedProgress = [];
    private readonly Dictionary<Guid, object?[]> _storedRows = [];
    private readonly HashSet<ForceResponse> _newResponses = [];
    private readonly HashSet<ForceResponse> _changedResponses = [];

    // Each response's latest inspectorate assessment, as a row's status and date are compared with it, and the entries the load appends.
    private readonly Dictionary<Guid, (DateOnly AssessedOn, InspectorateStatus Status)> _latestAssessments = [];
    private readonly List<InspectorateAssessment> _assessments = [];
    private readonly Dictionary<(string Force, string Title), ActionPlan> _plans = [];
    private readonly Dictionary<(Guid Plan, string Title), PlanAction> _actions = [];

    // Plans and actions are told apart by title in a spreadsheet; stored ones the API gave the same title cannot be.
    private readonly HashSet<string> _ambiguousTitles = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid Inspection, string Force, string Area), Grading> _gradings = [];

    private const string BeforeEarlyWrites = "spreadsheet_import";
    private BackgroundRowWriter? _early;
    private readonly HashSet<ProgressUpdate> _writtenEarly = [];

    /// <summary>Whether the key may load reference data (inspections, findings, gradings), which only admins record.</summary>
    public bool IsAdmin => caller.IsAdmin;

    /// <summary>Who the records the load writes are attributed to, and the client recorded on its progress updates: the key's name.</summary>
    public string Author => caller.Name;

    public DateTimeOffset Now => now;

    /// <summary>The loading client as the four-eyes rule knows it: a closing row becomes its closure request, never a closure.</summary>
    public Signatory Signatory => caller.Signatory;

    public DateOnly Today => ServiceDay.DateAt(now);

    // Rows seen so far that defined a record others repeat (an inspection on the Findings sheet, a plan on the Actions sheet).
    private readonly Dictionary<string, (int Row, object Values)> _firstRows = new(StringComparer.Ordinal);

    /// <summary>
    /// The earlier row that gave a record others repeat, with the values it gave, for a row to agree with;
    /// null when this row is the first, which is then remembered as giving them.
    /// </summary>
    public (int Row, object Values)? EarlierRowGiving(string record, int row, object values) =>
        _firstRows.TryAdd(record, (row, values)) ? null : _firstRows[record];

    public static string KeyOf(params string?[] parts) => string.Join(" / ", parts);

    /// <summary>Reads, a query per table, every stored record the sheets' rows can refer to.</summary>
    public async Task LoadAsync(IReadOnlyList<SpreadsheetSheet> sheets, CancellationToken cancellationToken)
    {
        foreach (var force in await db.Forces.AsNoTracking().ToListAsync(cancellationToken))
        {
            _forces[force.Code] = force;
        }

        var references = sheets.SelectMany(InspectionReferencesIn).Distinct().ToList();
        foreach (var chunk in references.Chunk(Storage.IdsPerQuery))
        {
            foreach (var inspection in await db.Inspections.Where(i => chunk.Contains(i.Reference)).ToListAsync(cancellationToken))
            {
                _inspections[inspection.Reference] = inspection;
            }
        }

        var inspectionIds = _inspections.Values.Select(i => i.Id).ToList();
        foreach (var chunk in inspectionIds.Chunk(Storage.IdsPerQuery))
        {
            foreach (var finding in await db.Findings.Where(f => chunk.Contains(f.InspectionId)).ToListAsync(cancellationToken))
            {
                _findings[(finding.InspectionId, finding.Reference)] = finding;
                _storedDueDates[finding.Id] = finding.DueDate;
            }
        }

        var responseSheets = sheets.Where(s => s.Layout.Kind is SpreadsheetKind.Responses or SpreadsheetKind.ProgressUpdates).ToList();
        if (responseSheets.Count > 0)
        {
            var codes = ForceCodesIn(responseSheets);
            foreach (var chunk in inspectionIds.Chunk(Storage.IdsPerQuery))
            {
                var responses = await db.ForceResponses.AsNoTracking()
                    .Where(r => chunk.Contains(r.Finding.InspectionId) && codes.Contains(r.ForceCode))
                    .ToListAsync(cancellationToken);
                foreach (var response in responses)
                {
                    _responses[(response.ForceCode, response.FindingId)] = response;
                    _storedRows[response.Id] = BulkRowWriter.Snapshot(db, response);
                }
            }

            if (responseSheets.Any(s => s.Layout.Kind == SpreadsheetKind.Responses && s.Has(InspectorateStatusColumn)))
            {
                await LoadLatestAssessmentsAsync(cancellationToken);
            }
        }

        if (sheets.FirstOrDefault(s => s.Layout.Kind == SpreadsheetKind.ProgressUpdates) is { } progress)
        {
            await LoadStoredProgressAsync(progress, cancellationToken);
        }

        if (sheets.FirstOrDefault(s => s.Layout.Kind == SpreadsheetKind.Actions) is { } actions)
        {
            var codes = ForceCodesIn([actions]);
            foreach (var plan in await db.ActionPlans.Where(p => codes.Contains(p.ForceCode)).ToListAsync(cancellationToken))
            {
                if (!_plans.TryAdd((plan.ForceCode, plan.Title), plan))
                {
                    _ambiguousTitles.Add(plan.ForceCode + "/" + plan.Title);
                }
            }

            foreach (var action in await db.PlanActions.Where(a => codes.Contains(a.ForceCode)).ToListAsync(cancellationToken))
            {
                if (!_actions.TryAdd((action.PlanId, action.Title), action))
                {
                    _ambiguousTitles.Add(action.PlanId + "/" + action.Title);
                }
            }
        }

        if (sheets.Any(s => s.Layout.Kind == SpreadsheetKind.Gradings))
        {
            foreach (var chunk in inspectionIds.Chunk(Storage.IdsPerQuery))
            {
                foreach (var grading in await db.Gradings.Where(g => chunk.Contains(g.InspectionId)).ToListAsync(cancellationToken))
                {
                    _gradings[(grading.InspectionId, grading.ForceCode, grading.Area)] = grading;
                }
            }
        }
    }

    /// <summary>
    /// The stored entries the file's progress rows could repeat: of the responses they name, those dated
    /// on a day a row names. Only the key of each is kept. A stored entry is dated no later than its
    /// response's latest (<see cref="ForceResponse.StatusEffectiveOn"/>), so rows dated after it, and all
    /// rows of a first load of history, have nothing to look for.
    /// </summary>
    private async Task LoadStoredProgressAsync(SpreadsheetSheet sheet, CancellationToken cancellationToken)
    {
        if (_responses.Values.All(r => r.StatusEffectiveOn is null))
        {
            return;
        }

        var wanted = new HashSet<(Guid, DateOnly)>();
        foreach (var row in sheet.Rows)
        {
            if (sheet.Raw(row, ForceCode) is { } force && FindingNamed(sheet.Raw(row, InspectionReference), sheet.Raw(row, FindingReference)) is { } finding
                && _responses.TryGetValue((force, finding.Id), out var response) && response.StatusEffectiveOn is { } latest
                && sheet.Raw(row, EffectiveOn) is { } date && SpreadsheetValues.TryParseDate(date, out var effectiveOn) && effectiveOn <= latest)
            {
                wanted.Add((response.Id, effectiveOn));
            }
        }

        foreach (var chunk in wanted.Select(w => w.Item1).Distinct().Chunk(Storage.IdsPerQuery))
        {
            var entries = db.ProgressUpdates.AsNoTracking()
                .Where(u => chunk.Contains(u.ResponseId))
                .Select(u => new { u.ResponseId, u.EffectiveOn, u.Status, u.Narrative })
                .AsAsyncEnumerable();
            await foreach (var entry in entries.WithCancellation(cancellationToken))
            {
                if (wanted.Contains((entry.ResponseId, entry.EffectiveOn)))
                {
                    var key = (entry.ResponseId, entry.EffectiveOn, entry.Status, entry.Narrative);
                    _storedProgress[key] = _storedProgress.GetValueOrDefault(key) + 1;
                }
            }
        }
    }

    private async Task LoadLatestAssessmentsAsync(CancellationToken cancellationToken)
    {
        foreach (var chunk in _responses.Values.Select(r => r.Id).Chunk(Storage.IdsPerQuery))
        {
            var entries = await db.InspectorateAssessments.AsNoTracking().Where(a => chunk.Contains(a.ResponseId))
                .Select(a => new { a.ResponseId, a.AssessedOn, a.RecordedAt, a.Status }).ToListAsync(cancellationToken);
            foreach (var latest in entries.GroupBy(a => a.ResponseId).Select(g => g.OrderBy(a => a.AssessedOn).ThenBy(a => a.RecordedAt).Last()))
            {
                _latestAssessments[latest.ResponseId] = (latest.AssessedOn, latest.Status);
            }
        }
    }

    /// <summary>
    /// Appends the inspectorate's status a row gives to the response's assessment, unless it is already the
    /// latest entry (the same status on the same date: an export loaded back adds nothing). The domain refuses
    /// an entry dated before the latest, which is then the row's problem. Null when refused; whether appended.
    /// </summary>
    public bool? Assessed(ImportRow row, ForceResponse response, InspectorateStatus status, DateOnly assessedOn, string? comment, string? source)
    {
        var latest = _latestAssessments.TryGetValue(response.Id, out var stored) ? stored : ((DateOnly, InspectorateStatus)?)null;
        if (latest == (assessedOn, status))
        {
            return false;
        }

        // A sheet that does not say where its status was read is said to be the source: the file, by name.
        source ??= $"spreadsheet {fileName}";
        var entry = new AssessmentEntry(assessedOn, status, comment ?? "", source.Length > Lengths.Url ? source[..Lengths.Url] : source, null);
        var assessment = row.Domain(InspectorateAssessedOn, () => InspectorateAssessment.Record(response, entry, latest?.Item1, Author, now));
        if (assessment is null)
        {
            return null;
        }

        _assessments.Add(assessment);
        _latestAssessments[response.Id] = (assessedOn, status);
        return true;
    }

    /// <summary>How many entries the rows appended to responses' inspectorate assessments.</summary>
    public int AssessmentsRecorded => _assessments.Count;

    public bool ForceExists(string code) => _forces.ContainsKey(code);

    public Inspection? InspectionNamed(string? reference) => reference is not null && _inspections.TryGetValue(reference, out var inspection) ? inspection : null;

    public Finding? FindingNamed(string? inspectionReference, string? findingReference) =>
        findingReference is not null && InspectionNamed(inspectionReference) is { } inspection
        && _findings.TryGetValue((inspection.Id, findingReference), out var finding)
            ? finding
            : null;

    public IEnumerable<Finding> FindingsOf(Inspection inspection) => _findings.Values.Where(f => f.InspectionId == inspection.Id);

    public ForceResponse? ResponseOf(string force, Finding finding) => _responses.GetValueOrDefault((force, finding.Id));

    /// <summary>Whether the history holds the entry at least <paramref name="occurrence"/> times.</summary>
    /// A closing entry is stored too when its closure request is (an earlier load of the same row made it).
    public bool IsStoredProgress(ForceResponse response, ProgressEntry entry, int occurrence) =>
        _storedProgress.GetValueOrDefault((response.Id, entry.EffectiveOn, entry.Status, entry.Narrative)) >= occurrence
        || (ResponseRules.NeedsSignOff(entry.Status)
            && _storedProgress.GetValueOrDefault((response.Id, entry.EffectiveOn, ResponseStatus.PendingSignOff, entry.Narrative)) >= occurrence);

    public ActionPlan? PlanNamed(string force, string title) => _plans.GetValueOrDefault((force, title));

    public PlanAction? ActionNamed(ActionPlan plan, string title) => _actions.GetValueOrDefault((plan.Id, title));

    /// <summary>Whether more than one stored plan of the force (or action of the plan) has this title, so a row cannot say which it means.</summary>
    public bool IsAmbiguous(string force, string title) => _ambiguousTitles.Contains(force + "/" + title);

    public bool IsAmbiguous(ActionPlan plan, string title) => _ambiguousTitles.Contains(plan.Id + "/" + title);

    public Grading? GradingOf(Inspection inspection, string force, string area) => _gradings.GetValueOrDefault((inspection.Id, force, area));

    /// <summary>The force, checked: it exists, and this key may write its records (row by row, as the API does).</summary>
    public string? WritableForce(ImportRow row)
    {
        var code = row.Required(ForceCode, Lengths.Code);
        if (code.Length == 0)
        {
            return null;
        }

        if (!ForceExists(code))
        {
            row.Problem(ForceCode, $"No force has code '{code}'; GET /api/v1/forces lists them.");
            return null;
        }

        if (!caller.CanSee(code))
        {
            row.Problem(ForceCode, $"This {caller.Credential} is scoped to '{caller.ForceCode}' and cannot load records of '{code}'.");
            return null;
        }

        return code;
    }

    /// <summary>The finding a row names by its Inspection reference and Finding reference columns, stored or created earlier in the load.</summary>
    public Finding? NamedFinding(ImportRow row)
    {
        var inspectionReference = row.Required(InspectionReference, Lengths.Reference);
        var findingReference = row.Required(FindingReference, Lengths.Reference);
        if (inspectionReference.Length == 0 || findingReference.Length == 0)
        {
            return null;
        }

        if (InspectionNamed(inspectionReference) is null)
        {
            row.Problem(InspectionReference, $"No inspection has reference '{inspectionReference}' (stored, or on the Findings sheet of this file).");
            return null;
        }

        if (FindingNamed(inspectionReference, findingReference) is not { } finding)
        {
            row.Problem(FindingReference, $"Inspection '{inspectionReference}' has no finding '{findingReference}' (stored, or on the Findings sheet of this file).");
            return null;
        }

        return finding;
    }

    /// <summary>A finding named as "inspection reference: finding reference" in a cell, stored or created earlier in the load.</summary>
    public Finding? NamedFinding(ImportRow row, SpreadsheetColumn column, string text)
    {
        if (row.FindingReference(text, column) is not { } named)
        {
            return null;
        }

        if (FindingNamed(named.Inspection, named.Finding) is { } finding)
        {
            return finding;
        }

        row.Problem(column, $"No finding '{named.Finding}' in an inspection with reference '{named.Inspection}'.");
        return null;
    }

    public void Added(Inspection inspection)
    {
        db.Inspections.Add(inspection);
        _inspections[inspection.Reference] = inspection;
    }

    public void Added(Finding finding)
    {
        db.Findings.Add(finding);
        _findings[(finding.InspectionId, finding.Reference)] = finding;
    }

    public void Added(ForceResponse response)
    {
        _responses[(response.ForceCode, response.FindingId)] = response;
        _newResponses.Add(response);
    }

    /// <summary>A response whose history grew: a stored one is rewritten with its new entries, a new one is written whole anyway.</summary>
    public void Changed(ForceResponse response)
    {
        if (!_newResponses.Contains(response))
        {
            _changedResponses.Add(response);
        }
    }

    /// <summary>
    /// A progress entry appended to a response's history. An entry of a stored response that names no
    /// finding this load creates refers only to stored rows, so it is written at once when writing has begun.
    /// </summary>
    public void Recorded(ForceResponse response, ProgressUpdate update)
    {
        Changed(response);
        if (_early is not null && !_newResponses.Contains(response)
            && (update.SupersededByFindingId is not { } superseding || _storedDueDates.ContainsKey(superseding)))
        {
            _early.Write(update);
            _writtenEarly.Add(update);
        }
    }

    public void Added(ActionPlan plan)
    {
        db.ActionPlans.Add(plan);
        _plans[(plan.ForceCode, plan.Title)] = plan;
    }

    public void Added(PlanAction action)
    {
        db.PlanActions.Add(action);
        _actions[(action.PlanId, action.Title)] = action;
    }

    public void Added(Grading grading)
    {
        db.Gradings.Add(grading);
        _gradings[(grading.InspectionId, grading.ForceCode, grading.Area)] = grading;
    }

    /// <summary>
    /// Starts writing, on a second thread while rows are still being applied, what refers only to stored
    /// rows (<see cref="Recorded"/>): in a large load, most of its rows. It is written after a savepoint,
    /// so that a row rejected later undoes it (<see cref="DiscardAsync"/>).
    /// </summary>
    public void BeginWriting()
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("A load is written inside a transaction.");
        transaction.CreateSavepoint(BeforeEarlyWrites);
        _early = new BackgroundRowWriter(db);
    }

    /// <summary>Undoes what was written while rows were applied: a load with a rejected row writes nothing.</summary>
    public async Task DiscardAsync(CancellationToken cancellationToken)
    {
        if (_early is null)
        {
            return;
        }

        try
        {
            await _early.CompleteAsync();
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException)
        {
            // The rows are being undone: why one of them could not be written no longer matters.
        }

        await db.Database.CurrentTransaction!.RollbackToSavepointAsync(BeforeEarlyWrites, cancellationToken);
    }

    /// <summary>
    /// Writes everything in the caller's transaction: tracked records first (responses refer to findings),
    /// then new responses whole, then each changed stored response and the entries added to its history,
    /// then the inspectorate's assessments the rows appended.
    /// A stored response changed by someone else since it was read fails the load (409), as the API does.
    /// </summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (_early is not null)
        {
            await _early.CompleteAsync();
        }

        await ResponsesFollowMovedDueDatesAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        WriteResponses();

        // After the responses they refer to, which may be new; few, so through EF (whose save moves the data version).
        if (_assessments.Count > 0)
        {
            db.InspectorateAssessments.AddRange(_assessments);
            await db.SaveChangesAsync(cancellationToken);
        }

        // The rows above go around SaveChanges, which changes the data version only for what it saved;
        // without this a load of progress updates alone would leave cached first pages in place.
        if (_newResponses.Count > 0 || _changedResponses.Count > 0)
        {
            await db.MarkChangedAsync(cancellationToken);
        }
    }

    /// <summary>New responses whole, then each changed stored response and the entries added to its history.</summary>
    private void WriteResponses()
    {
        using var writer = BulkRowWriter.KeepingIds(db);
        foreach (var response in _newResponses)
        {
            writer.Write(response);
        }

        foreach (var response in _changedResponses)
        {
            writer.Update(response, _storedRows[response.Id]);

            // Read untracked, a stored response's collections hold only what this load appended.
            foreach (var revision in response.Revisions)
            {
                writer.Write(revision);
            }

            foreach (var change in response.TargetDateChanges)
            {
                writer.Write(change);
            }

            foreach (var update in response.Updates)
            {
                if (!_writtenEarly.Contains(update))
                {
                    writer.Write(update);
                }
            }
        }
    }

    /// <summary>
    /// Responses to findings whose due date the load moved (a revised deadline, a corrected publication
    /// date) follow them: those the load holds are rewritten with its other rows, the rest through EF.
    /// </summary>
    private async Task ResponsesFollowMovedDueDatesAsync(CancellationToken cancellationToken)
    {
        var moved = _findings.Values
            .Where(f => _storedDueDates.TryGetValue(f.Id, out var dueDate) && dueDate != f.DueDate)
            .ToDictionary(f => f.Id);
        if (moved.Count == 0)
        {
            return;
        }

        var held = new HashSet<Guid>();
        foreach (var response in _responses.Values.Where(r => moved.ContainsKey(r.FindingId)))
        {
            var dueOn = response.DueOn;
            response.FollowDueDateOf(moved[response.FindingId]);
            if (!_newResponses.Contains(response))
            {
                held.Add(response.Id);
                if (response.DueOn != dueOn)
                {
                    Changed(response);
                }
            }
        }

        await db.ResponsesFollowDueDatesAsync(moved.Values, held, cancellationToken);
    }

    private static IEnumerable<string> InspectionReferencesIn(SpreadsheetSheet sheet)
    {
        var columns = sheet.Layout.Columns;
        var inspection = columns.Contains(InspectionReference);
        var plan = columns.Contains(PlanInspectionReference);
        var lists = new[] { ServesFindings, SupersededBy }.Where(columns.Contains).ToArray();
        foreach (var row in sheet.Rows)
        {
            if (inspection && sheet.Raw(row, InspectionReference) is { } reference)
            {
                yield return reference;
            }

            if (plan && sheet.Raw(row, PlanInspectionReference) is { } planInspection)
            {
                yield return planInspection;
            }

            foreach (var column in lists)
            {
                if (sheet.Raw(row, column) is not { } listed)
                {
                    continue;
                }

                foreach (var item in SpreadsheetValues.ParseList(listed))
                {
                    yield return SpreadsheetValues.ParsePair(item).First;
                }
            }
        }
    }

    private static List<string> ForceCodesIn(IEnumerable<SpreadsheetSheet> sheets) =>
        sheets.SelectMany(sheet => sheet.Rows.Select(row => sheet.Raw(row, ForceCode))).OfType<string>().Distinct().ToList();
}
