using System.Runtime.CompilerServices;
using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>
/// Which records an export holds. <paramref name="KeyForces"/> are the forces a force-scoped key is limited
/// to: its responses, updates and actions are already limited by the query filters, and its gradings are
/// limited here; findings are read as the findings list shows them, to every key. <paramref name="TagKeys"/>
/// are what a record's stored tag keys must each contain (none: no tag filter).
/// </summary>
public sealed record SpreadsheetExportFilter(
    IReadOnlyList<string>? KeyForces, IReadOnlyList<string>? ForceCodes, Guid? InspectionId, IReadOnlyList<string>? TagKeys = null);

/// <summary>
/// Every kind's records as rows of cell texts in its layout, read from the database as they are written:
/// no-tracking projections streamed a row at a time. Each kind names its cells by the layout's columns,
/// and <see cref="LayoutRow{TRecord}"/> puts them in the layout's order, so the layout alone decides it.
/// Each row written of a restricted report the caller may read (<paramref name="restricted"/>) is noted in
/// <see cref="RestrictedRead"/> by its report's or response's id, so that the export is recorded as a read of it.
/// </summary>
public sealed class SpreadsheetRows(ComplianceDbContext db, SpreadsheetExportFilter filter, IReadOnlySet<Guid> restricted)
{
    private readonly HashSet<Guid> _restrictedRead = [];

    /// <summary>The restricted records written so far (only those: an export of a million rows notes a few ids).</summary>
    public IReadOnlyCollection<Guid> RestrictedRead => _restrictedRead;

    public IAsyncEnumerable<string[]> For(SpreadsheetKind kind) => kind switch
    {
        SpreadsheetKind.Findings => Findings(),
        SpreadsheetKind.Responses => ExportCells.Responses.Rows(Noting(Responses(), r => r.ResponseId)),
        SpreadsheetKind.ProgressUpdates => ExportCells.ProgressUpdates.Rows(Noting(ProgressUpdates(), u => u.ResponseId)),
        SpreadsheetKind.Actions => ExportCells.Actions.Rows(Noting(Actions(), a => a.PlanInspectionId)),
        SpreadsheetKind.Gradings => ExportCells.Gradings.Rows(Noting(Gradings(), g => g.InspectionId)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private void Note(Guid? id)
    {
        if (id is { } read && restricted.Contains(read))
        {
            _restrictedRead.Add(read);
        }
    }

    private async IAsyncEnumerable<TRecord> Noting<TRecord>(
        IAsyncEnumerable<TRecord> records, Func<TRecord, Guid?> id, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            Note(id(record));
            yield return record;
        }
    }

    private async IAsyncEnumerable<string[]> Findings([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var codes = filter.ForceCodes;
        var findings = db.Findings.AsNoTracking()
            .Where(f => filter.InspectionId == null || f.InspectionId == filter.InspectionId)
            .CarryingEveryTag(f => f.TagKeys, filter.TagKeys);

        if (codes is not null)
        {
            // As the findings list filters on a force: addressed to it, or to chief constables of a report whose scope includes it.
            findings = findings.Where(f => f.Addressees.Any(a =>
                (a.Kind == AddresseeKind.Force && codes.Contains(a.ForceCode!))
                || (a.Kind == AddresseeKind.ChiefConstables
                    && (f.Inspection.AllForcesInScope || f.Inspection.ForcesInScope.Any(s => codes.Contains(s.ForceCode))))));
        }

        // A report's scope is read once, not joined to each of its findings' rows.
        var scopes = (await db.Set<InspectionForce>().AsNoTracking()
                .Where(s => filter.InspectionId == null || s.InspectionId == filter.InspectionId)
                .Select(s => new { s.InspectionId, s.ForceCode })
                .ToListAsync(cancellationToken))
            .GroupBy(s => s.InspectionId)
            .ToDictionary(g => g.Key, g => SpreadsheetValues.FormatList(g.Select(s => s.ForceCode).Order(StringComparer.Ordinal)));

        // Causes of concern are recorded before the recommendations that answer them, so recorded order loads.
        var records = findings
            .OrderBy(f => f.Inspection.Reference).ThenBy(f => f.Id)
            .Select(f => new FindingRecord(
                f.InspectionId, f.Inspection.Reference, f.Inspection.Inspectorate, f.Inspection.Title, f.Inspection.Type,
                f.Inspection.PublishedOn, f.Inspection.FieldworkStartedOn, f.Inspection.FieldworkEndedOn, f.Inspection.PublicationStatus,
                f.Inspection.Link, f.Inspection.AllForcesInScope, f.Reference, f.Kind, f.Text, f.BusinessArea, f.DeadlineText, f.DeadlineKind,
                f.DueDate,
                // Addressees of one finding are written in one instant, so their ids do not keep the order given; this order is stable.
                f.Addressees.OrderBy(a => a.Kind).ThenBy(a => a.ForceCode).ThenBy(a => a.Name).Select(a => new AddresseeRecord(a.Kind, a.ForceCode, a.Name)).ToList(),
                db.Findings.Where(c => c.Id == f.CauseOfConcernId).Select(c => c.Reference).FirstOrDefault(),
                f.TagText))
            .AsAsyncEnumerable();

        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            Note(record.InspectionId);
            yield return ExportCells.Findings.Row(record with { ForcesInScope = scopes.GetValueOrDefault(record.InspectionId, "") });
        }
    }

    /// <summary>The responses the filter keeps, for their rows and their progress updates' rows.</summary>
    private IQueryable<ForceResponse> TaggedResponses() => db.ForceResponses.AsNoTracking().CarryingEveryTag(r => r.TagKeys, filter.TagKeys);

    private IAsyncEnumerable<ResponseRecord> Responses()
    {
        var codes = filter.ForceCodes;
        // The inspectorate's entry standing today, as the response views read it: the latest dated, then the latest recorded.
        var today = db.Today;
        var assessments = db.InspectorateAssessments.AsNoTracking().Where(a => a.AssessedOn <= today)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt);
        return TaggedResponses()
            .Where(r => codes == null || codes.Contains(r.ForceCode))
            .Where(r => filter.InspectionId == null || r.Finding.InspectionId == filter.InspectionId)
            .OrderBy(r => r.ForceCode).ThenBy(r => r.Finding.Inspection.Reference).ThenBy(r => r.Finding.Reference)
            .Select(r => new ResponseRecord(
                r.ForceCode, r.Finding.Inspection.Reference, r.Finding.Reference, r.OwnerName, r.OwnerRole, r.GovernanceBoard, r.Constraints,
                r.TargetDate, r.NextReviewOn, r.DetailsEffectiveOn, r.Status, r.Rag, r.PositionStatement, r.StatusEffectiveOn, r.TagText,
                assessments.Where(a => a.ResponseId == r.Id).Select(a => (InspectorateStatus?)a.Status).FirstOrDefault(),
                assessments.Where(a => a.ResponseId == r.Id).Select(a => (DateOnly?)a.AssessedOn).FirstOrDefault(),
                assessments.Where(a => a.ResponseId == r.Id).Select(a => a.Comment).FirstOrDefault(),
                assessments.Where(a => a.ResponseId == r.Id).Select(a => a.Source).FirstOrDefault(), r.Id))
            .AsAsyncEnumerable();
    }

    /// <summary>
    /// Oldest first within each response, as loading requires. Responses follow in the order they were
    /// recorded, which the index on (response, effective date, recorded) reads without sorting a million rows.
    /// </summary>
    private IAsyncEnumerable<ProgressRecord> ProgressUpdates()
    {
        var codes = filter.ForceCodes;
        return (
                from u in db.ProgressUpdates.AsNoTracking()
                join r in TaggedResponses() on u.ResponseId equals r.Id
                join s in db.Findings.AsNoTracking() on u.SupersededByFindingId equals (Guid?)s.Id into superseding
                from s in superseding.DefaultIfEmpty()
                where codes == null || codes.Contains(u.ForceCode)
                where filter.InspectionId == null || r.Finding.InspectionId == filter.InspectionId
                orderby u.ResponseId, u.EffectiveOn, u.RecordedAt
                select new ProgressRecord(
                    u.ForceCode, r.Finding.Inspection.Reference, r.Finding.Reference, u.EffectiveOn, u.Status, u.Rag, u.Narrative, u.Author,
                    u.SignedOffBy, s == null ? null : s.Inspection.Reference, s == null ? null : s.Reference, u.ResponseId))
            .AsAsyncEnumerable();
    }

    private IAsyncEnumerable<ActionRecord> Actions()
    {
        var codes = filter.ForceCodes;
        return (
                from a in db.PlanActions.AsNoTracking()
                join p in db.ActionPlans.AsNoTracking() on a.PlanId equals p.Id
                where codes == null || codes.Contains(a.ForceCode)
                where filter.InspectionId == null
                    || p.InspectionId == filter.InspectionId
                    || a.Findings.Any(l => db.Findings.Any(f => f.Id == l.FindingId && f.InspectionId == filter.InspectionId))
                orderby a.ForceCode, p.Title, a.Id
                select new ActionRecord(
                    a.ForceCode, p.Title, db.Inspections.Where(i => i.Id == p.InspectionId).Select(i => i.Reference).FirstOrDefault(),
                    a.Title, a.OwnerName, a.OwnerRole, a.DueOn, a.Status, a.CompletedOn,
                    (from l in a.Findings
                     join f in db.Findings on l.FindingId equals f.Id
                     orderby f.Inspection.Reference, f.Reference
                     select new FindingKeyRecord(f.Inspection.Reference, f.Reference)).ToList(),
                    p.InspectionId))
            .AsAsyncEnumerable();
    }

    private IAsyncEnumerable<GradingRecord> Gradings()
    {
        var codes = filter.ForceCodes;
        var keyForces = filter.KeyForces;
        return (
                from g in db.Gradings.AsNoTracking()
                join i in db.Inspections.AsNoTracking() on g.InspectionId equals i.Id
                where keyForces == null || keyForces.Contains(g.ForceCode)
                where codes == null || codes.Contains(g.ForceCode)
                where filter.InspectionId == null || g.InspectionId == filter.InspectionId
                orderby i.Reference, g.ForceCode, g.Area
                select new GradingRecord(g.ForceCode, i.Reference, g.Area, g.Grade, g.GivenOn, g.InspectionId))
            .AsAsyncEnumerable();
    }
}

internal sealed record AddresseeRecord(AddresseeKind Kind, string? ForceCode, string? Name);

internal sealed record FindingKeyRecord(string InspectionReference, string FindingReference);

internal sealed record FindingRecord(
    Guid InspectionId, string InspectionReference, Inspectorate Inspectorate, string InspectionTitle, InspectionType InspectionType,
    DateOnly? PublishedOn, DateOnly? FieldworkStartedOn, DateOnly? FieldworkEndedOn, PublicationStatus PublicationStatus, string? Link,
    bool AllForcesInScope, string FindingReference, FindingKind Kind, string Text, BusinessArea BusinessArea, string? DeadlineText,
    DeadlineKind DeadlineKind, DateOnly? DueDate, List<AddresseeRecord> Addressees, string? AnswersCauseOfConcern, string Tags)
{
    public string ForcesInScope { get; init; } = "";
}

internal sealed record ResponseRecord(
    string ForceCode, string InspectionReference, string FindingReference, string? OwnerName, string? OwnerRole, string? GovernanceBoard,
    string? Constraints, DateOnly? TargetDate, DateOnly? NextReviewOn, DateOnly? DetailsEffectiveOn, ResponseStatus Status, Rag? Rag,
    string? PositionStatement, DateOnly? StatusEffectiveOn, string Tags, InspectorateStatus? InspectorateStatus, DateOnly? InspectorateAssessedOn,
    string? InspectorateComment, string? InspectorateSource, Guid ResponseId);

internal sealed record ProgressRecord(
    string ForceCode, string InspectionReference, string FindingReference, DateOnly EffectiveOn, ResponseStatus Status, Rag? Rag,
    string Narrative, string Author, string? SignedOffBy, string? SupersedingInspectionReference, string? SupersedingFindingReference,
    Guid ResponseId);

internal sealed record ActionRecord(
    string ForceCode, string PlanTitle, string? PlanInspectionReference, string ActionTitle, string? OwnerName, string? OwnerRole,
    DateOnly? DueOn, ActionStatus Status, DateOnly? CompletedOn, List<FindingKeyRecord> Serves, Guid? PlanInspectionId);

internal sealed record GradingRecord(string ForceCode, string InspectionReference, string Area, Grade Grade, DateOnly GivenOn, Guid InspectionId);

/// <summary>
/// A kind's cells, each named by its layout column; rows come out in the layout's column order. A layout
/// column without a cell, or a cell for a column the layout lacks, fails when the type is first used.
/// </summary>
internal sealed class LayoutRow<TRecord>
{
    private readonly Func<TRecord, string>[] _cells;

    public LayoutRow(SpreadsheetLayout layout, params (SpreadsheetColumn Column, Func<TRecord, string> Cell)[] cells)
    {
        var extra = cells.Where(c => layout.Columns.All(l => l.Header != c.Column.Header)).Select(c => c.Column.Header).ToList();
        if (extra.Count > 0)
        {
            throw new InvalidOperationException($"The {layout.SheetName} layout has no column {string.Join(", ", extra)}.");
        }

        _cells =
        [
            .. layout.Columns.Select(column => cells.SingleOrDefault(c => c.Column.Header == column.Header).Cell
                ?? throw new InvalidOperationException($"The {layout.SheetName} export writes nothing in column '{column.Header}'.")),
        ];
    }

    public string[] Row(TRecord record)
    {
        var row = new string[_cells.Length];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = _cells[i](record);
        }

        return row;
    }

    public async IAsyncEnumerable<string[]> Rows(IAsyncEnumerable<TRecord> records, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            yield return Row(record);
        }
    }
}

/// <summary>What each kind writes in each column of its layout.</summary>
internal static class ExportCells
{
    private static string Text(string? text) => text ?? "";

    public static readonly LayoutRow<FindingRecord> Findings = new(
        SpreadsheetLayouts.Findings,
        (SpreadsheetLayouts.InspectionReference, f => f.InspectionReference),
        (SpreadsheetLayouts.Inspectorate, f => SpreadsheetValues.Format<Inspectorate>(f.Inspectorate)),
        (SpreadsheetLayouts.InspectionTitle, f => f.InspectionTitle),
        (SpreadsheetLayouts.InspectionType, f => SpreadsheetValues.Format<InspectionType>(f.InspectionType)),
        (SpreadsheetLayouts.PublishedOn, f => SpreadsheetValues.Format(f.PublishedOn)),
        (SpreadsheetLayouts.FieldworkStartedOn, f => SpreadsheetValues.Format(f.FieldworkStartedOn)),
        (SpreadsheetLayouts.FieldworkEndedOn, f => SpreadsheetValues.Format(f.FieldworkEndedOn)),
        (SpreadsheetLayouts.PublicationStatus, f => SpreadsheetValues.Format<PublicationStatus>(f.PublicationStatus)),
        (SpreadsheetLayouts.Link, f => Text(f.Link)),
        (SpreadsheetLayouts.AllForcesInScope, f => SpreadsheetValues.Format(f.AllForcesInScope)),
        (SpreadsheetLayouts.ForcesInScope, f => f.ForcesInScope),
        (SpreadsheetLayouts.FindingReference, f => f.FindingReference),
        (SpreadsheetLayouts.FindingKind, f => SpreadsheetValues.Format<FindingKind>(f.Kind)),
        (SpreadsheetLayouts.FindingText, f => f.Text),
        (SpreadsheetLayouts.BusinessArea, f => SpreadsheetValues.Format<BusinessArea>(f.BusinessArea)),
        (SpreadsheetLayouts.Deadline, f => Text(f.DeadlineText)),
        // Only a due date the words do not give is kept as given; one the words resolve to follows from them on loading.
        (SpreadsheetLayouts.DueDate, f => f.DeadlineKind == DeadlineKind.Explicit ? SpreadsheetValues.Format(f.DueDate) : ""),
        (SpreadsheetLayouts.Addressees, f => SpreadsheetValues.FormatList(f.Addressees.Select(a =>
            SpreadsheetValues.FormatPair(a.Kind.ToString(), a.Kind == AddresseeKind.Force ? a.ForceCode : a.Name)))),
        (SpreadsheetLayouts.AnswersCauseOfConcern, f => Text(f.AnswersCauseOfConcern)),
        (SpreadsheetLayouts.Tags, f => f.Tags));

    /// <summary>
    /// The target date change reason is left blank: the target date written is the stored one, so loading
    /// it back re-baselines nothing; the history of re-baselinings is read from the API.
    /// </summary>
    public static readonly LayoutRow<ResponseRecord> Responses = new(
        SpreadsheetLayouts.Responses,
        (SpreadsheetLayouts.ForceCode, r => r.ForceCode),
        (SpreadsheetLayouts.InspectionReference, r => r.InspectionReference),
        (SpreadsheetLayouts.FindingReference, r => r.FindingReference),
        (SpreadsheetLayouts.OwnerName, r => Text(r.OwnerName)),
        (SpreadsheetLayouts.OwnerRole, r => Text(r.OwnerRole)),
        (SpreadsheetLayouts.GovernanceBoard, r => Text(r.GovernanceBoard)),
        (SpreadsheetLayouts.Constraints, r => Text(r.Constraints)),
        (SpreadsheetLayouts.TargetDate, r => SpreadsheetValues.Format(r.TargetDate)),
        (SpreadsheetLayouts.TargetDateChangeReason, _ => ""),
        (SpreadsheetLayouts.NextReviewOn, r => SpreadsheetValues.Format(r.NextReviewOn)),
        (SpreadsheetLayouts.DetailsEffectiveOn, r => SpreadsheetValues.Format(r.DetailsEffectiveOn)),
        (SpreadsheetLayouts.Status, r => SpreadsheetValues.Format<ResponseStatus>(r.Status)),
        (SpreadsheetLayouts.RagRating, r => SpreadsheetValues.Format(r.Rag)),
        (SpreadsheetLayouts.PositionStatement, r => Text(r.PositionStatement)),
        (SpreadsheetLayouts.StatusEffectiveOn, r => SpreadsheetValues.Format(r.StatusEffectiveOn)),
        (SpreadsheetLayouts.Tags, r => r.Tags),
        (SpreadsheetLayouts.InspectorateStatusColumn, r => SpreadsheetValues.Format(r.InspectorateStatus)),
        (SpreadsheetLayouts.InspectorateAssessedOn, r => SpreadsheetValues.Format(r.InspectorateAssessedOn)),
        (SpreadsheetLayouts.InspectorateComment, r => Text(r.InspectorateComment)),
        (SpreadsheetLayouts.InspectorateSource, r => Text(r.InspectorateSource)),
        (SpreadsheetLayouts.DisagreesWithInspectorate, r => SpreadsheetValues.Format(InspectorateRules.Disagrees(r.Status, r.InspectorateStatus))));

    public static readonly LayoutRow<ProgressRecord> ProgressUpdates = new(
        SpreadsheetLayouts.ProgressUpdates,
        (SpreadsheetLayouts.ForceCode, u => u.ForceCode),
        (SpreadsheetLayouts.InspectionReference, u => u.InspectionReference),
        (SpreadsheetLayouts.FindingReference, u => u.FindingReference),
        (SpreadsheetLayouts.EffectiveOn, u => SpreadsheetValues.Format(u.EffectiveOn)),
        (SpreadsheetLayouts.Status, u => SpreadsheetValues.Format<ResponseStatus>(u.Status)),
        (SpreadsheetLayouts.RagRating, u => SpreadsheetValues.Format(u.Rag)),
        (SpreadsheetLayouts.Narrative, u => u.Narrative),
        (SpreadsheetLayouts.Author, u => u.Author),
        (SpreadsheetLayouts.SignedOffBy, u => Text(u.SignedOffBy)),
        (SpreadsheetLayouts.SupersededBy, u => u.SupersedingInspectionReference is null
            ? ""
            : SpreadsheetValues.FormatPair(u.SupersedingInspectionReference, u.SupersedingFindingReference)));

    public static readonly LayoutRow<ActionRecord> Actions = new(
        SpreadsheetLayouts.Actions,
        (SpreadsheetLayouts.ForceCode, a => a.ForceCode),
        (SpreadsheetLayouts.PlanTitle, a => a.PlanTitle),
        (SpreadsheetLayouts.PlanInspectionReference, a => Text(a.PlanInspectionReference)),
        (SpreadsheetLayouts.ActionTitle, a => a.ActionTitle),
        (SpreadsheetLayouts.OwnerName, a => Text(a.OwnerName)),
        (SpreadsheetLayouts.OwnerRole, a => Text(a.OwnerRole)),
        (SpreadsheetLayouts.DueOn, a => SpreadsheetValues.Format(a.DueOn)),
        (SpreadsheetLayouts.ActionStatus, a => SpreadsheetValues.Format<ActionStatus>(a.Status)),
        (SpreadsheetLayouts.CompletedOn, a => SpreadsheetValues.Format(a.CompletedOn)),
        (SpreadsheetLayouts.ServesFindings, a => SpreadsheetValues.FormatList(a.Serves.Select(f =>
            SpreadsheetValues.FormatPair(f.InspectionReference, f.FindingReference)))));

    public static readonly LayoutRow<GradingRecord> Gradings = new(
        SpreadsheetLayouts.Gradings,
        (SpreadsheetLayouts.ForceCode, g => g.ForceCode),
        (SpreadsheetLayouts.InspectionReference, g => g.InspectionReference),
        (SpreadsheetLayouts.Area, g => g.Area),
        (SpreadsheetLayouts.GradeGiven, g => SpreadsheetValues.Format<Grade>(g.Grade)),
        (SpreadsheetLayouts.GivenOn, g => SpreadsheetValues.Format(g.GivenOn)));
}
