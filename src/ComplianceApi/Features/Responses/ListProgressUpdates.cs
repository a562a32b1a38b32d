using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Responses;

/// <summary>A response's history, oldest entry first.</summary>
/// <param name="Id">The response's id.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListProgressUpdatesQuery(Guid Id, int? Limit, string? Cursor) : IRequest<Page<ProgressUpdateView>>, IPagedQuery;

public sealed class ListProgressUpdatesValidator : AbstractValidator<ListProgressUpdatesQuery>
{
    public ListProgressUpdatesValidator() => this.ValidatesPaging();
}

public sealed class ListProgressUpdatesHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListProgressUpdatesQuery, Page<ProgressUpdateView>>
{
    public async Task<Page<ProgressUpdateView>> Handle(ListProgressUpdatesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.ForceResponses.AnyAsync(r => r.Id == query.Id, cancellationToken))
        {
            throw NotFoundException.For("response", query.Id);
        }

        // Entries are appended in date order, so the order they were recorded in (their ids) is the order they took effect in.
        return await db.ProgressUpdates
            .Where(u => u.ResponseId == query.Id)
            .ToPageByIdAsync(query, u => u.Id, mapping.ProjectionOf<ProgressUpdate, ProgressUpdateView>(), v => v.Id, cancellationToken);
    }
}
