using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Committees;

public sealed record GetCommitteeQuery(Guid Id) : IRequest<CommitteeView>;

public sealed class GetCommitteeHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<GetCommitteeQuery, CommitteeView>
{
    public async Task<CommitteeView> Handle(GetCommitteeQuery query, CancellationToken cancellationToken) =>
        await db.Committees.AsNoTracking().Where(c => c.Id == query.Id).Select(mapping.ProjectionOf<Committee, CommitteeView>()).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("committee", query.Id);
}
