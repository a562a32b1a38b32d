using ComplianceApi.Data;
using ComplianceApi.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Forces;

public sealed record GetForceQuery(string Code) : IRequest<ForceView>;

public sealed class GetForceHandler(ComplianceDbContext db) : IRequestHandler<GetForceQuery, ForceView>
{
    public async Task<ForceView> Handle(GetForceQuery query, CancellationToken cancellationToken) =>
        await db.Forces.AsNoTracking().Where(f => f.Code == query.Code).Select(ForceView.Projection).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException($"No force has code '{query.Code}'.");
}
