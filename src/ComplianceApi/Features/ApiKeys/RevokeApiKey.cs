using ComplianceApi.Data;
using ComplianceApi.Http;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.ApiKeys;

public sealed record RevokeApiKeyCommand(Guid Id) : ICommand<Unit>;

public sealed class RevokeApiKeyHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, ApiKeyCache cache) : IRequestHandler<RevokeApiKeyCommand, Unit>
{
    public async Task<Unit> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.OfCallersForce(caller).SingleOrDefaultAsync(k => k.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("API key", command.Id);
        key.Revoke(caller.KeyId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(key.SecretHash);
        return Unit.Value;
    }
}
