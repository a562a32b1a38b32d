using System.Collections.Concurrent;
using ComplianceApi.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Data;

/// <summary>
/// Who may see a restricted report (circulated to some forces, not published): national callers, and callers
/// whose force scope (<see cref="Caller.ForceCodes"/>: a force, or a collaboration and its members) includes
/// a force it was circulated to. Everyone else is told it does not exist. This is the rule's one home; the
/// query filters (<see cref="ComplianceDbContext"/>), the audit list, the change feed and webhook fan-out
/// apply what it answers.
/// </summary>
/// <remarks>
/// A report hidden from a caller hides with it its findings, its gradings, and the caller's own records about
/// it: responses to its findings and their progress updates, revisions and target-date changes, action plans
/// for it and actions serving only its findings, evidence for those, evidence files, and report responses.
/// The ids are worked out once per request (<see cref="ForAsync"/>), so every query filter is one test of a
/// row's own id against one list, which is empty for almost every caller: restricted reports are few.
/// </remarks>
public static class RestrictedReports
{
    /// <summary>The kind of the audit event recorded when a caller reads a restricted report's records.</summary>
    public const string ReadKind = "restricted.read";

    /// <summary>The rule: whether a restricted report circulated to these forces is hidden from a caller of this scope (null: national).</summary>
    public static bool Hides(IEnumerable<string> circulatedTo, IReadOnlyList<string>? scope) =>
        scope is not null && !circulatedTo.Any(code => scope.Contains(code, StringComparer.Ordinal));

    /// <summary>
    /// What a caller of this scope may not see (<see cref="RestrictedView.Hidden"/>) and the restricted
    /// records it may (<see cref="RestrictedView.Readable"/>: the reports and their findings, and the
    /// responses in its scope, by which a read of them is recognised).
    /// </summary>
    public static async Task<RestrictedView> ForAsync(ComplianceDbContext db, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        var restricted = await db.Inspections.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.PublicationStatus == PublicationStatus.Restricted)
            .Select(i => new { i.Id, Circulated = i.CirculatedTo.Select(c => c.ForceCode).ToList() })
            .ToListAsync(cancellationToken);
        if (restricted.Count == 0)
        {
            return RestrictedView.None;
        }

        var hidden = restricted.Where(r => Hides(r.Circulated, scope)).Select(r => r.Id).ToArray();
        var readable = restricted.Where(r => !Hides(r.Circulated, scope)).Select(r => r.Id).ToArray();
        var hiddenIds = hidden.Length == 0 ? [] : await RecordsOfAsync(db, hidden, scope!, cancellationToken);

        var readableFindings = await db.Findings.IgnoreQueryFilters().AsNoTracking()
            .Where(f => readable.Contains(f.InspectionId)).Select(f => new { f.Id, f.InspectionId }).ToListAsync(cancellationToken);
        var findingIds = readableFindings.Select(f => f.Id).ToList();
        var readableResponses = await db.ForceResponses.IgnoreQueryFilters().AsNoTracking()
            .Where(r => findingIds.Contains(r.FindingId) && (scope == null || scope.Contains(r.ForceCode)))
            .Select(r => new { r.Id, r.Finding.InspectionId }).ToListAsync(cancellationToken);
        var reports = readable.ToDictionary(id => id, id => id);
        foreach (var record in readableFindings.Select(f => (f.Id, f.InspectionId)).Concat(readableResponses.Select(r => (r.Id, r.InspectionId))))
        {
            reports[record.Id] = record.InspectionId;
        }

        return new RestrictedView(hiddenIds, reports);
    }

    /// <summary>The ids of a hidden report's records: its own, national ones (findings, gradings), and the scope's.</summary>
    private static async Task<Guid[]> RecordsOfAsync(ComplianceDbContext db, Guid[] inspections, IReadOnlyList<string> scope, CancellationToken cancellationToken)
    {
        List<Guid> ids = [.. inspections];
        var findings = await db.Findings.IgnoreQueryFilters().Where(f => inspections.Contains(f.InspectionId)).Select(f => f.Id).ToListAsync(cancellationToken);
        ids.AddRange(findings);
        ids.AddRange(await db.Gradings.IgnoreQueryFilters().Where(g => inspections.Contains(g.InspectionId)).Select(g => g.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.ReportResponses.IgnoreQueryFilters()
            .Where(r => inspections.Contains(r.InspectionId) && scope.Contains(r.ForceCode)).Select(r => r.Id).ToListAsync(cancellationToken));

        var responses = await db.ForceResponses.IgnoreQueryFilters()
            .Where(r => findings.Contains(r.FindingId) && scope.Contains(r.ForceCode)).Select(r => r.Id).ToListAsync(cancellationToken);
        var plans = await db.ActionPlans.IgnoreQueryFilters()
            .Where(p => p.InspectionId != null && inspections.Contains(p.InspectionId.Value) && scope.Contains(p.ForceCode)).Select(p => p.Id).ToListAsync(cancellationToken);

        // An action serving findings of other reports too stays: it is the force's work on those as well.
        var actions = await db.PlanActions.IgnoreQueryFilters()
            .Where(a => scope.Contains(a.ForceCode)
                && (plans.Contains(a.PlanId) || (a.Findings.Any() && a.Findings.All(f => findings.Contains(f.FindingId)))))
            .Select(a => a.Id).ToListAsync(cancellationToken);
        ids.AddRange(responses);
        ids.AddRange(plans);
        ids.AddRange(actions);
        if (responses.Count > 0)
        {
            ids.AddRange(await db.ProgressUpdates.IgnoreQueryFilters().Where(u => responses.Contains(u.ResponseId)).Select(u => u.Id).ToListAsync(cancellationToken));
            ids.AddRange(await db.ResponseRevisions.IgnoreQueryFilters().Where(v => responses.Contains(v.ResponseId)).Select(v => v.Id).ToListAsync(cancellationToken));
            ids.AddRange(await db.TargetDateChanges.IgnoreQueryFilters().Where(c => responses.Contains(c.ResponseId)).Select(c => c.Id).ToListAsync(cancellationToken));
        }

        if (responses.Count > 0 || actions.Count > 0)
        {
            var evidence = await db.Evidence.IgnoreQueryFilters()
                .Where(e => (e.ResponseId != null && responses.Contains(e.ResponseId.Value)) || (e.ActionId != null && actions.Contains(e.ActionId.Value)))
                .Select(e => e.Id).ToListAsync(cancellationToken);
            ids.AddRange(evidence);
            if (evidence.Count > 0)
            {
                ids.AddRange(await db.EvidenceFiles.IgnoreQueryFilters().Where(f => evidence.Contains(f.EvidenceId)).Select(f => f.Id).ToListAsync(cancellationToken));
            }
        }

        return [.. ids];
    }

    /// <summary>Events about records hidden from the caller (by the event's record id) are left out of its audit list, change feed and webhooks.</summary>
    public static IQueryable<AuditEvent> NotAbout(this IQueryable<AuditEvent> events, RestrictedView view)
    {
        var hidden = view.HiddenRecordIds;
        return hidden.Length == 0 ? events : events.Where(a => !hidden.Contains(a.RecordId));
    }

    /// <inheritdoc cref="NotAbout(IQueryable{AuditEvent}, RestrictedView)"/>
    public static IEnumerable<AuditEvent> NotAbout(this IEnumerable<AuditEvent> events, RestrictedView view) =>
        view.HiddenRecordIds.Length == 0 ? events : events.Where(a => !view.HiddenRecordIdSet.Contains(a.RecordId));
}

/// <summary>
/// <see cref="RestrictedReports.ForAsync"/> once per scope while the data it reads stands: the answer depends on
/// national records (reports, their circulation, findings, gradings) and the scope's own, so it is kept with the
/// stamps of those (<see cref="DataStamps.VersionOf"/>) and worked out again when a fresh read of them differs, on
/// any instance. Every authenticated request needs it before anything reads, and working it out (a query through
/// the context even when no report is restricted) cost more than a cached page's whole answer.
/// </summary>
public sealed class RestrictedViews
{
    // One entry per scope that has asked (a force, a collaboration with its members, national): a few dozen.
    private readonly ConcurrentDictionary<string, (PageVersion Version, RestrictedView View)> _views = new(StringComparer.Ordinal);

    /// <param name="database">The database, made and read only when the kept answer is not current.</param>
    /// <param name="stamps">The request's stamps.</param>
    /// <param name="forceCode">The caller's force (a collaboration's code stands for its members too); null for national.</param>
    /// <param name="scope">The forces the caller acts for (<see cref="Caller.ForceCodes"/>); null for national.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<RestrictedView> ForAsync(
        Func<ComplianceDbContext> database, RequestStamps stamps, string? forceCode, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        // Read before the data, as for a cached page: an answer kept under these stamps is at least as new as they are.
        var version = (await stamps.CurrentAsync(cancellationToken)).VersionOf(scope is null ? null : forceCode);
        var key = scope is null ? "" : string.Join(',', scope);
        if (_views.TryGetValue(key, out var kept) && kept.Version.Equals(version))
        {
            return kept.View;
        }

        var view = await RestrictedReports.ForAsync(database(), scope, cancellationToken);
        _views[key] = (version, view);
        return view;
    }
}

/// <summary>What <see cref="RestrictedReports"/> answered for one caller.</summary>
public sealed class RestrictedView(Guid[] hidden, IReadOnlyDictionary<Guid, Guid> readable)
{
    public static readonly RestrictedView None = new([], new Dictionary<Guid, Guid>());

    /// <summary>The ids of every record the caller is not to see, for the query filters.</summary>
    public Guid[] Hidden { get; } = hidden;

    /// <summary>The same ids as an audit event names its record.</summary>
    public string[] HiddenRecordIds { get; } = [.. hidden.Select(id => id.ToString())];

    /// <summary>The same, to test events already read against (compared as the database compares them: ordinally).</summary>
    public IReadOnlySet<string> HiddenRecordIdSet => _hiddenRecordIdSet ??= HiddenRecordIds.ToHashSet(StringComparer.Ordinal);

    private HashSet<string>? _hiddenRecordIdSet;

    /// <summary>The restricted reports, findings and responses the caller may read: a read of one is audited.</summary>
    public IReadOnlySet<Guid> Readable { get; } = readable.Keys.ToHashSet();

    /// <summary>The report a readable record belongs to.</summary>
    public Guid ReportOf(Guid record) => readable[record];
}
