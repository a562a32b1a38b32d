using ComplianceApi.Domain;

namespace ComplianceApi.Http;

public static class Policies
{
    public const string Read = nameof(Read);
    public const string Edit = nameof(Edit);
    public const string Administer = nameof(Administer);

    public static void AddCompliancePolicies(this Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Edit, p => p.RequireRole(nameof(ApiKeyRole.Editor), nameof(ApiKeyRole.Admin)));
        options.AddPolicy(Administer, p => p.RequireRole(nameof(ApiKeyRole.Admin)));
        options.FallbackPolicy = options.GetPolicy(Read);
    }
}
