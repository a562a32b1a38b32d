using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Responses;

/// <summary>A response's re-baselinings, oldest first.</summary>
/// <param name="Id">The response's id.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListTargetDateChangesQuery(Guid Id, int? Limit, string? Cursor) : IRequest<Page<TargetDateChangeView>>, IPagedQuery;

public sealed class ListTargetDateChangesValidator : AbstractValidator<ListTargetDateChangesQuery>
{
    public ListTargetDateChangesValidator() => this.ValidatesPaging();
}

public sealed class ListTargetDateChangesHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListTargetDateChangesQuery, Page<TargetDateChangeView>>
{
    public async Task<Page<TargetDateChangeView>> Handle(ListTargetDateChangesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.ForceResponses.AnyAsync(r => r.Id == query.Id, cancellationToken))
        {
            throw NotFoundException.For("response", query.Id);
        }

        // Changes are appended in date order, so the order they were recorded in is the order they took effect in.
        return await db.TargetDateChanges
            .Where(c => c.ResponseId == query.Id)
            .ToPageByIdAsync(query, c => c.Id, mapping.ProjectionOf<TargetDateChange, TargetDateChangeView>(), v => v.Id, cancellationToken);
    }
}

public sealed record GetTargetDateChangeQuery(Guid ResponseId, Guid ChangeId) : IRequest<TargetDateChangeView>;

public sealed class GetTargetDateChangeHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<GetTargetDateChangeQuery, TargetDateChangeView>
{
    public async Task<TargetDateChangeView> Handle(GetTargetDateChangeQuery query, CancellationToken cancellationToken) =>
        await db.TargetDateChanges.AsNoTracking()
            .Where(c => c.Id == query.ChangeId && c.ResponseId == query.ResponseId)
            .Select(mapping.ProjectionOf<TargetDateChange, TargetDateChangeView>())
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException($"Response '{query.ResponseId}' has no target date change with id '{query.ChangeId}'.");
}
