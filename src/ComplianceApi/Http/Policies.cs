using ComplianceApi.Data;
using ComplianceApi.Domain;

namespace ComplianceApi.Http;

public static class Policies
{
    public const string Read = nameof(Read);
    public const string Edit = nameof(Edit);

    /// <summary>
    /// Admins, national or of one force. A force's admins manage their force's keys and read their force's
    /// audit trail; the handlers limit them to it, as they limit every force-scoped key's reads and writes.
    /// National reference data also needs <see cref="National"/> (<see cref="RequireNationalAdmin{T}"/>).
    /// </summary>
    public const string Administer = nameof(Administer);

    /// <summary>A key not scoped to a force.</summary>
    public const string National = nameof(National);

    public static void AddCompliancePolicies(this Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Edit, p => p.RequireRole(nameof(ApiKeyRole.Editor), nameof(ApiKeyRole.Admin)));
        options.AddPolicy(Administer, p => p.RequireRole(nameof(ApiKeyRole.Admin)));
        options.AddPolicy(National, p => p.RequireAuthenticatedUser().RequireAssertion(c => !c.User.HasClaim(claim => claim.Type == ApiKeyClaims.Force)));
        options.FallbackPolicy = options.GetPolicy(Read);
    }

    /// <summary>National reference data (forces, inspections, findings, gradings): national admins only, never a force's admins.</summary>
    public static TBuilder RequireNationalAdmin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Administer, National);
}
