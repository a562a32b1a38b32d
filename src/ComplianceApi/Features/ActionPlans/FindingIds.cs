using ComplianceApi.Common;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.ActionPlans;

public static class FindingIds
{
    /// <summary>
    /// The findings a body names, with their inspections' scope (for <see cref="Finding.Concerns"/>);
    /// rejects ids the service does not know, naming the field.
    /// </summary>
    public static async Task<IReadOnlyCollection<Finding>> FindingsAsync(
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
}
