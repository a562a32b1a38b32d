using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Data.Responses;

public static class ResponseViews
{
    /// <summary>The view of one visible response on a date (today when null), through the same as-of path as the lists.</summary>
    public static async Task<ForceResponseView> ResponseViewAsync(
        this ComplianceDbContext db, Guid id, DateOnly? asOf, TimeProvider clock, TypeAdapterConfig mapping, CancellationToken cancellationToken)
    {
        var row = await db.ResponsesAsOf(asOf).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (row is null)
        {
            throw asOf is { } on && await db.ForceResponses.AnyAsync(r => r.Id == id, cancellationToken)
                ? new NotFoundException($"Response '{id}' has no history on {on:yyyy-MM-dd}: its history begins later.")
                : NotFoundException.For("response", id);
        }

        return ResponseOnDate.Of(row, asOf ?? clock.Today()).Adapt<ForceResponseView>(mapping);
    }
}
