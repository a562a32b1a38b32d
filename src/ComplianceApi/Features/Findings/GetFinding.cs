using ComplianceApi.Data;
using ComplianceApi.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Findings;

public sealed record GetFindingQuery(Guid Id) : IRequest<FindingView>;

public sealed class GetFindingHandler(ComplianceDbContext db) : IRequestHandler<GetFindingQuery, FindingView>
{
    public async Task<FindingView> Handle(GetFindingQuery query, CancellationToken cancellationToken) =>
        await db.Findings.AsNoTracking().Where(f => f.Id == query.Id).Select(FindingView.Projection).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("finding", query.Id);
}
