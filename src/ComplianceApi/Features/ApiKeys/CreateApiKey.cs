using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;

namespace ComplianceApi.Features.ApiKeys;

public sealed record CreateApiKeyCommand(ApiKeyRequest Body) : ICommand<ApiKeyIssuedView>;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator() => RuleFor(c => c.Body).SetValidator(new ApiKeyRequestValidator());
}

public sealed class CreateApiKeyHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<CreateApiKeyCommand, ApiKeyIssuedView>
{
    public async Task<ApiKeyIssuedView> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        if (caller.ForceCode is { } own && body.ForceCode != own)
        {
            throw new ForbiddenException($"This {caller.Credential} is scoped to '{own}': it issues keys of that force only, never national ones or another force's.");
        }

        await db.EnsureForcesExistAsync(body.ForceCode is null ? [] : [body.ForceCode], "forceCode", cancellationToken);
        var now = clock.GetUtcNow();
        if (body.ExpiresAt <= now)
        {
            throw Invalid.Field("expiresAt", "The expiry must be in the future.");
        }

        var (key, secret) = ApiKey.Issue(body.ClientName, body.Role, body.ForceCode, now, body.ExpiresAt);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiKey(key, secret).Adapt<ApiKeyIssuedView>(mapping);
    }
}
