using ComplianceApi.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Common;

public static class ForceCodes
{
    /// <summary>Rejects a body that names forces the service does not know, naming the field.</summary>
    public static async Task EnsureExistAsync(this ComplianceDbContext db, IReadOnlyCollection<string> codes, string field, CancellationToken cancellationToken)
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
}
