using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;

namespace ComplianceApi.Features.ApiKeys;

/// <summary>A key to issue to a client application.</summary>
/// <param name="ClientName">The application, and who runs it, such as "Lancashire compliance tracker".</param>
/// <param name="Role">Reader, editor or admin; an admin scoped to a force manages that force's keys and reads its audit trail, and edits its records as its editors do.</param>
/// <param name="ForceCode">The one force the key may see and change (a collaboration's code: it and its member forces); omit for a national key.</param>
/// <param name="ExpiresAt">When the key stops working by itself; omit for a key that works until revoked.</param>
public sealed record ApiKeyRequest(string ClientName, ApiKeyRole Role, string? ForceCode, DateTimeOffset? ExpiresAt = null);

public sealed class ApiKeyRequestValidator : AbstractValidator<ApiKeyRequest>
{
    public ApiKeyRequestValidator()
    {
        RuleFor(r => r.ClientName).NotEmpty().MaximumLength(Lengths.Name);
        RuleFor(r => r.Role).IsInEnum();
        RuleFor(r => r.ForceCode).NotEmpty().MaximumLength(Lengths.Code).When(r => r.ForceCode is not null);
    }
}
