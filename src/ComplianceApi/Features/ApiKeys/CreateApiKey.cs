using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using FluentValidation;
using Mapster;
using MediatR;

namespace ComplianceApi.Features.ApiKeys;

public sealed record CreateApiKeyCommand(ApiKeyRequest Body) : ICommand<ApiKeyIssuedView>;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator() => RuleFor(c => c.Body).SetValidator(new ApiKeyRequestValidator());
}

public sealed class CreateApiKeyHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<CreateApiKeyCommand, ApiKeyIssuedView>
{
    public async Task<ApiKeyIssuedView> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        await db.EnsureForcesExistAsync(body.ForceCode is null ? [] : [body.ForceCode], "forceCode", cancellationToken);
        var (key, secret) = ApiKey.Issue(body.ClientName, body.Role, body.ForceCode, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiKey(key, secret).Adapt<ApiKeyIssuedView>(mapping);
    }
}
