using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Gradings;

public sealed record GetGradingQuery(Guid Id) : IRequest<GradingView>;

public sealed class GetGradingHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<GetGradingQuery, GradingView>
{
    public async Task<GradingView> Handle(GetGradingQuery query, CancellationToken cancellationToken) =>
        await db.Gradings.AsNoTracking().Where(g => g.Id == query.Id).Select(mapping.ProjectionOf<Grading, GradingView>()).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("grading", query.Id);
}
