using ComplianceApi.Data;
using ComplianceApi.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Committees;

public sealed record GetCommitteeQuery(Guid Id) : IRequest<CommitteeView>;

public sealed class GetCommitteeHandler(ComplianceDbContext db) : IRequestHandler<GetCommitteeQuery, CommitteeView>
{
    public async Task<CommitteeView> Handle(GetCommitteeQuery query, CancellationToken cancellationToken) =>
        await db.Committees.AsNoTracking().Where(c => c.Id == query.Id).Select(CommitteeView.Projection).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("committee", query.Id);
}
