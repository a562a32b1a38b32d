using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Data;

public static class ForceScope
{
    /// <summary>
    /// The forces a force's code acts for: itself, and for a collaboration each of its member forces. A
    /// caller's scope (<see cref="Caller.ForceCodes"/>) and a force's webhook subscription both read it here.
    /// </summary>
    public static async Task<string[]> CodesActingForAsync(this ComplianceDbContext db, string forceCode, CancellationToken cancellationToken)
    {
        var members = await db.CollaborationMemberships.AsNoTracking()
            .Where(m => m.CollaborationCode == forceCode)
            .Select(m => m.MemberCode)
            .ToListAsync(cancellationToken);
        return [forceCode, .. members.Order(StringComparer.Ordinal)];
    }
}
