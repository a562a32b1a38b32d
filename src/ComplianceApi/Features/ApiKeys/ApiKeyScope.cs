using ComplianceApi.Data;
using ComplianceApi.Domain;

namespace ComplianceApi.Features.ApiKeys;

public static class ApiKeyScope
{
    /// <summary>
    /// The keys the caller manages: every key for a national admin, its own force's for a force's admin.
    /// Another force's key is then not found, as another force's records are for a force-scoped key.
    /// </summary>
    public static IQueryable<ApiKey> OfCallersForce(this IQueryable<ApiKey> keys, Caller caller) =>
        caller.ForceCode is { } force ? keys.Where(k => k.ForceCode == force) : keys;
}
