using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Http;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.ApiKeys;

/// <summary>How to rotate a key: the replacement's expiry, and optionally when the old key stops.</summary>
/// <param name="ExpiresAt">When the replacement stops working by itself; omit for one that works until revoked.</param>
/// <param name="OldKeyExpiresAt">When the old key stops working, to finish the changeover by a deadline; omit to leave it working until revoked (or its own expiry). It can only bring an expiry forward.</param>
public sealed record ApiKeyRotationRequest(DateTimeOffset? ExpiresAt, DateTimeOffset? OldKeyExpiresAt);

public sealed record RotateApiKeyCommand(Guid Id, ApiKeyRotationRequest Body) : ICommand<ApiKeyIssuedView>;

public sealed class RotateApiKeyHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, ApiKeyCache cache, TypeAdapterConfig mapping)
    : IRequestHandler<RotateApiKeyCommand, ApiKeyIssuedView>
{
    public async Task<ApiKeyIssuedView> Handle(RotateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var old = await db.ApiKeys.OfCallersForce(caller).SingleOrDefaultAsync(k => k.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("API key", command.Id);
        var now = clock.GetUtcNow();
        if (command.Body.ExpiresAt <= now)
        {
            throw Invalid.Field("expiresAt", "The expiry must be in the future.");
        }

        var (key, secret) = old.Rotate(now, command.Body.ExpiresAt, command.Body.OldKeyExpiresAt);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        if (command.Body.OldKeyExpiresAt is not null)
        {
            // This instance's cached copy would keep the old expiry; another instance's lives out its lifetime.
            cache.Forget(old.SecretHash);
        }

        return new IssuedApiKey(key, secret).Adapt<ApiKeyIssuedView>(mapping);
    }
}
