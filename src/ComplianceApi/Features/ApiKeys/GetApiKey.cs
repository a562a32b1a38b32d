using ComplianceApi.Data;
using ComplianceApi.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.ApiKeys;

public sealed record GetApiKeyQuery(Guid Id) : IRequest<ApiKeyView>;

public sealed class GetApiKeyHandler(ComplianceDbContext db) : IRequestHandler<GetApiKeyQuery, ApiKeyView>
{
    public async Task<ApiKeyView> Handle(GetApiKeyQuery query, CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking().Where(k => k.Id == query.Id).Select(ApiKeyView.Projection).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("API key", query.Id);
}
