using ComplianceApi.Common;
using ComplianceApi.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.ActionPlans;

public static class InspectionIds
{
    /// <summary>Rejects a body that names an inspection the service does not know, naming the field.</summary>
    public static async Task EnsureExistsAsync(this ComplianceDbContext db, Guid? inspectionId, string field, CancellationToken cancellationToken)
    {
        if (inspectionId is { } id && !await db.Inspections.AnyAsync(i => i.Id == id, cancellationToken))
        {
            throw Invalid.Field(field, $"No inspection has id '{id}'; GET /api/v1/inspections lists them.");
        }
    }
}
