using ComplianceApi.Data;
using ComplianceApi.Domain;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Forces;

/// <summary>The forces, in order of code. There are about fifty, so the list is not paged.</summary>
/// <param name="Kind">Only forces of this kind.</param>
public sealed record ListForcesQuery(ForceKind? Kind) : IRequest<IReadOnlyList<ForceView>>;

public sealed class ListForcesHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListForcesQuery, IReadOnlyList<ForceView>>
{
    public async Task<IReadOnlyList<ForceView>> Handle(ListForcesQuery query, CancellationToken cancellationToken) =>
        await db.Forces.AsNoTracking()
            .Where(f => query.Kind == null || f.Kind == query.Kind)
            .OrderBy(f => f.Code)
            .Select(mapping.ProjectionOf<Force, ForceView>())
            .ToListAsync(cancellationToken);
}
