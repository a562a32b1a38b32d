using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Inspections;

public sealed record GetInspectionQuery(Guid Id) : IRequest<InspectionView>;

public sealed class GetInspectionHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<GetInspectionQuery, InspectionView>
{
    public async Task<InspectionView> Handle(GetInspectionQuery query, CancellationToken cancellationToken) =>
        await db.Inspections.AsNoTracking().Where(i => i.Id == query.Id).Select(mapping.ProjectionOf<Inspection, InspectionView>()).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("inspection", query.Id);
}
