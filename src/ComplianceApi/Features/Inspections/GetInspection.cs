using ComplianceApi.Data;
using ComplianceApi.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Inspections;

public sealed record GetInspectionQuery(Guid Id) : IRequest<InspectionView>;

public sealed class GetInspectionHandler(ComplianceDbContext db) : IRequestHandler<GetInspectionQuery, InspectionView>
{
    public async Task<InspectionView> Handle(GetInspectionQuery query, CancellationToken cancellationToken) =>
        await db.Inspections.AsNoTracking().Where(i => i.Id == query.Id).Select(InspectionView.Projection).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("inspection", query.Id);
}
