using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Data;

public static class SampleData
{
    public static async Task<bool> LoadIntoEmptyDatabaseAsync(ComplianceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Inspections.AnyAsync(cancellationToken))
        {
            return false;
        }

        _ = clock;
        return false;
    }
}
