using ComplianceApi.Data;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Evidence;

public sealed record GetEvidenceQuery(Guid Id) : IRequest<EvidenceView>;

public sealed class GetEvidenceHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<GetEvidenceQuery, EvidenceView>
{
    public async Task<EvidenceView> Handle(GetEvidenceQuery query, CancellationToken cancellationToken) =>
        await db.Evidence.AsNoTracking().Where(e => e.Id == query.Id).Select(mapping.ProjectionOf<Domain.Evidence, EvidenceView>()).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("evidence", query.Id);
}
