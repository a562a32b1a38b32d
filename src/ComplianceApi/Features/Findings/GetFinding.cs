using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Findings;

public sealed record GetFindingQuery(Guid Id) : IRequest<FindingView>;

public sealed class GetFindingHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<GetFindingQuery, FindingView>
{
    public async Task<FindingView> Handle(GetFindingQuery query, CancellationToken cancellationToken) =>
        await db.Findings.AsNoTracking().Where(f => f.Id == query.Id).Select(mapping.ProjectionOf<Finding, FindingView>()).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("finding", query.Id);
}
