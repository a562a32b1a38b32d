using ComplianceApi.Domain;
using ComplianceApi.Support;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Data;

/// <summary>
/// Records a request body names by code or id. One the service does not know is a mistake in that
/// field (400), not a missing resource at the URL (404).
/// </summary>
public static class ReferencedRecords
{
    public static async Task EnsureForcesExistAsync(this ComplianceDbContext db, IReadOnlyCollection<string> codes, string field, CancellationToken cancellationToken)
    {
        if (codes.Count == 0)
        {
            return;
        }

        var distinct = codes.Distinct().ToList();
        var known = await db.Forces.Where(f => distinct.Contains(f.Code)).Select(f => f.Code).ToListAsync(cancellationToken);
        var unknown = distinct.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw Invalid.Field(field, $"No force has code {string.Join(", ", unknown.Select(c => $"'{c}'"))}; GET /api/v1/forces lists them.");
        }
    }

    public static async Task EnsureInspectionExistsAsync(this ComplianceDbContext db, Guid? inspectionId, string field, CancellationToken cancellationToken)
    {
        if (inspectionId is { } id && !await db.Inspections.AnyAsync(i => i.Id == id, cancellationToken))
        {
            throw Invalid.Field(field, $"No inspection has id '{id}'; GET /api/v1/inspections lists them.");
        }
    }

    /// <summary>The findings named, with their inspections' scope loaded for <see cref="Finding.Concerns"/>.</summary>
    public static async Task<IReadOnlyCollection<Finding>> FindingsNamedAsync(
        this ComplianceDbContext db, IReadOnlyCollection<Guid> ids, string field, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        var findings = await db.Findings.Where(f => distinct.Contains(f.Id)).ToListAsync(cancellationToken);
        var unknown = distinct.Except(findings.Select(f => f.Id)).ToList();
        if (unknown.Count > 0)
        {
            throw Invalid.Field(field, $"No finding has id {string.Join(", ", unknown.Select(id => $"'{id}'"))}.");
        }

        return findings;
    }

    public static async Task<Finding?> FindingNamedAsync(this ComplianceDbContext db, Guid? id, string field, CancellationToken cancellationToken) =>
        id is { } named ? (await db.FindingsNamedAsync([named], field, cancellationToken)).Single() : null;

    /// <summary>
    /// The forces a force filter means: the force itself, and a collaboration's members too. Null when
    /// no filter is given; a code the service does not know is a mistake in that field (400).
    /// </summary>
    public static async Task<IReadOnlyList<string>?> ForceCodesMeantByAsync(
        this ComplianceDbContext db, string? forceCode, string field, CancellationToken cancellationToken)
    {
        if (forceCode is null)
        {
            return null;
        }

        var force = await db.Forces.AsNoTracking().SingleOrDefaultAsync(f => f.Code == forceCode, cancellationToken)
            ?? throw Invalid.Field(field, $"No force has code '{forceCode}'; GET /api/v1/forces lists them.");
        return [force.Code, .. force.Members.Select(m => m.MemberCode)];
    }
}
