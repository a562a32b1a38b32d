using ComplianceApi.Data;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Evidence;

public sealed record ListEvidenceFilesQuery(Guid EvidenceId) : IRequest<List<EvidenceFileView>>;

public sealed class ListEvidenceFilesHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListEvidenceFilesQuery, List<EvidenceFileView>>
{
    public async Task<List<EvidenceFileView>> Handle(ListEvidenceFilesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Evidence.AnyAsync(e => e.Id == query.EvidenceId, cancellationToken))
        {
            throw NotFoundException.For("evidence", query.EvidenceId);
        }

        return await db.EvidenceFiles.AsNoTracking().Where(f => f.EvidenceId == query.EvidenceId).OrderBy(f => f.Version)
            .Select(mapping.ProjectionOf<Domain.EvidenceFile, EvidenceFileView>()).ToListAsync(cancellationToken);
    }
}
