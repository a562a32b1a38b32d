using ComplianceApi.Common;
using ComplianceApi.Data;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Committees;

public sealed record GetCommitteeQuery(Guid Id) : IRequest<CommitteeView>;

public sealed class GetCommitteeHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<GetCommitteeQuery, CommitteeView>
{
    public async Task<CommitteeView> Handle(GetCommitteeQuery query, CancellationToken cancellationToken) =>
        await db.Committees.AsNoTracking().Where(c => c.Id == query.Id).ProjectToType<CommitteeView>(mapping).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("committee", query.Id);
}
