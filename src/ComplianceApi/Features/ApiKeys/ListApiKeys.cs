using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;

namespace ComplianceApi.Features.ApiKeys;

/// <summary>API keys in the order they were issued; revoked keys only on request. A force's admins see their force's keys only.</summary>
/// <param name="IncludeRevoked">Also list revoked keys, which are kept for audit.</param>
/// <param name="ForceCode">Only keys scoped to this force.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListApiKeysQuery(
    bool? IncludeRevoked,
    string? ForceCode,
    int? Limit,
    string? Cursor) : IRequest<Page<ApiKeyView>>, IPagedQuery;

public sealed class ListApiKeysValidator : AbstractValidator<ListApiKeysQuery>
{
    public ListApiKeysValidator()
    {
        this.ValidatesPaging();
        RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
    }
}

public sealed class ListApiKeysHandler(ComplianceDbContext db, Caller caller, TypeAdapterConfig mapping) : IRequestHandler<ListApiKeysQuery, Page<ApiKeyView>>
{
    public Task<Page<ApiKeyView>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        var includeRevoked = query.IncludeRevoked ?? false;
        return db.ApiKeys.OfCallersForce(caller)
            .Where(k => includeRevoked || k.RevokedAt == null)
            .Where(k => query.ForceCode == null || k.ForceCode == query.ForceCode)
            .ToPageByIdAsync(query, k => k.Id, mapping.ProjectionOf<ApiKey, ApiKeyView>(), v => v.Id, cancellationToken);
    }
}
