using ComplianceApi.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Data;

/// <summary>A response's place (its finding's inspection) and its state on a date.</summary>
public sealed record ResponseOnDate(Guid Id, Guid InspectionId, string InspectionReference, ResponseState State);

public static class ResponseHistories
{
    /// <summary>
    /// Every response of the query folded to its state on a date, in memory. For many responses of one
    /// scope (a force's summary) this reads each history table once, by response id through its index,
    /// which is far cheaper than the per-row lookups of <see cref="ResponseSnapshots"/> that a list
    /// page needs for filtering and sorting in the database. Responses not yet tracked on the date are
    /// left out, as they are there.
    /// </summary>
    public static async Task<List<ResponseOnDate>> StatesOnAsync(
        this ComplianceDbContext db, IQueryable<ForceResponse> responses, DateOnly on, CancellationToken cancellationToken)
    {
        var tracked = responses.Where(r => r.TrackedSince <= on);
        var ids = tracked.Select(r => r.Id);
        var heads = await tracked.AsNoTracking()
            .Select(r => new { r.Id, r.TrackedSince, r.Finding.DueDate, r.Finding.InspectionId, InspectionReference = r.Finding.Inspection.Reference })
            .ToListAsync(cancellationToken);
        var updates = (await db.ProgressUpdates.AsNoTracking()
                .Where(u => ids.Contains(u.ResponseId) && u.EffectiveOn <= on)
                .Select(u => new { u.ResponseId, Entry = new UpdateInEffect(u.EffectiveOn, u.RecordedAt, u.Status, u.Rag, u.Narrative) })
                .ToListAsync(cancellationToken))
            .ToLookup(u => u.ResponseId, u => u.Entry);
        var revisions = (await db.ResponseRevisions.AsNoTracking()
                .Where(r => ids.Contains(r.ResponseId) && (r.EffectiveOn == null || r.EffectiveOn <= on)).ToListAsync(cancellationToken))
            .ToLookup(r => r.ResponseId);
        var changes = (await db.TargetDateChanges.AsNoTracking()
                .Where(c => ids.Contains(c.ResponseId) && c.EffectiveOn <= on).ToListAsync(cancellationToken))
            .ToLookup(c => c.ResponseId);
        var evidence = (await db.Evidence.AsNoTracking()
                .Where(e => e.ResponseId != null && ids.Contains(e.ResponseId.Value))
                .Select(e => new { ResponseId = e.ResponseId!.Value, e.Date, e.RecordedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.ResponseId, e => e.Date ?? DateOnly.FromDateTime(e.RecordedAt.UtcDateTime));

        return [.. heads.Select(h => new ResponseOnDate(h.Id, h.InspectionId, h.InspectionReference,
            new ResponseHistory(h.TrackedSince, h.DueDate, updates[h.Id], revisions[h.Id], changes[h.Id], evidence[h.Id]).StateOn(on)!))];
    }
}
