using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.ApiKeys;

public sealed record GetApiKeyQuery(Guid Id) : IRequest<ApiKeyView>;

public sealed class GetApiKeyHandler(ComplianceDbContext db, Caller caller, TypeAdapterConfig mapping) : IRequestHandler<GetApiKeyQuery, ApiKeyView>
{
    public async Task<ApiKeyView> Handle(GetApiKeyQuery query, CancellationToken cancellationToken) =>
        await db.ApiKeys.OfCallersForce(caller).AsNoTracking().Where(k => k.Id == query.Id).Select(mapping.ProjectionOf<ApiKey, ApiKeyView>()).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("API key", query.Id);
}
