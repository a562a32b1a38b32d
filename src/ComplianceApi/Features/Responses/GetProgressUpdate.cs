using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Responses;

public sealed record GetProgressUpdateQuery(Guid ResponseId, Guid UpdateId) : IRequest<ProgressUpdateView>;

public sealed class GetProgressUpdateHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<GetProgressUpdateQuery, ProgressUpdateView>
{
    public async Task<ProgressUpdateView> Handle(GetProgressUpdateQuery query, CancellationToken cancellationToken) =>
        await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.Id == query.UpdateId && u.ResponseId == query.ResponseId)
            .Select(mapping.ProjectionOf<ProgressUpdate, ProgressUpdateView>())
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException($"Response '{query.ResponseId}' has no progress update with id '{query.UpdateId}'.");
}
