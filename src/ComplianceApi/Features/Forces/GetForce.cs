using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Forces;

public sealed record GetForceQuery(string Code) : IRequest<ForceView>;

public sealed class GetForceHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<GetForceQuery, ForceView>
{
    public async Task<ForceView> Handle(GetForceQuery query, CancellationToken cancellationToken) =>
        await db.Forces.AsNoTracking().Where(f => f.Code == query.Code).Select(mapping.ProjectionOf<Force, ForceView>()).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException($"No force has code '{query.Code}'.");
}
