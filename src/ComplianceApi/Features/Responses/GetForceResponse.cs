using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Responses;

/// <summary>One response, as it stands or as it stood on a date.</summary>
/// <param name="Id">The response's id.</param>
/// <param name="AsOf">The date to read the response as of; today when omitted. Before the response's history begins it is not found.</param>
public sealed record GetForceResponseQuery(Guid Id, DateOnly? AsOf) : IRequest<ForceResponseView>;

public sealed class GetForceResponseHandler(ComplianceDbContext db, TimeProvider clock) : IRequestHandler<GetForceResponseQuery, ForceResponseView>
{
    public Task<ForceResponseView> Handle(GetForceResponseQuery query, CancellationToken cancellationToken) =>
        db.ResponseViewAsync(query.Id, query.AsOf, clock, cancellationToken);
}

public static class ResponseViews
{
    /// <summary>The view of one visible response on a date (today when null), through the same as-of path as the lists.</summary>
    public static async Task<ForceResponseView> ResponseViewAsync(
        this ComplianceDbContext db, Guid id, DateOnly? asOf, TimeProvider clock, CancellationToken cancellationToken)
    {
        var row = await db.ResponsesAsOf(asOf).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (row is null)
        {
            throw asOf is { } on && await db.ForceResponses.AnyAsync(r => r.Id == id, cancellationToken)
                ? new NotFoundException($"Response '{id}' has no history on {on:yyyy-MM-dd}: its history begins later.")
                : NotFoundException.For("response", id);
        }

        return ForceResponseView.From(row, asOf ?? Today(clock));
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
