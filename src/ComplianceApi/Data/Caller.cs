using System.Security.Claims;
using Microsoft.AspNetCore.Routing;
using ComplianceApi.Domain;
using ComplianceApi.Support;

namespace ComplianceApi.Data;

/// <summary>Who is calling, from the API key or bearer token the request was authenticated with.</summary>
public sealed class Caller(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    /// <summary>The force (or collaboration) a force-scoped key or token is limited to; null for national callers and for the service itself.</summary>
    public string? ForceCode => User?.FindFirstValue(ApiKeyClaims.Force);

    /// <summary>
    /// The forces whose records the caller reads and writes as its own: its force; for a collaboration, the
    /// collaboration and each of its member forces (<see cref="ApiKeyClaims.Scope"/>); null for national callers.
    /// This is the one place scope is decided: the query filters, writes and imports all ask it.
    /// </summary>
    public IReadOnlyList<string>? ForceCodes
    {
        get
        {
            if (ForceCode is not { } force)
            {
                return null;
            }

            var scope = User!.FindAll(ApiKeyClaims.Scope).Select(c => c.Value).ToArray();
            return scope.Length > 0 ? scope : [force];
        }
    }

    /// <summary>What the caller authenticated with, for refusals: "API key" or "token".</summary>
    public string Credential => Credentials.Of(User);

    /// <summary>The id of the API key the request was made with; null for the service itself.</summary>
    public Guid? KeyId => Guid.TryParse(User?.FindFirstValue(ApiKeyClaims.KeyId), out var id) ? id : null;

    /// <summary>The client application the key was issued to (a token's app_displayname or client id), recorded as who made a change.</summary>
    public string Name => User?.Identity?.Name ?? "ComplianceApi";

    /// <summary>
    /// Who the client is for the audit trail and for scoping Idempotency-Keys: its key's id, a token's client
    /// id and subject ("{azp or appid}:{sub}"), or the service itself for work no request asked for.
    /// </summary>
    public AuditClient Client => new(Name, KeyId?.ToString() ?? User?.FindFirstValue(ApiKeyClaims.Client) ?? "ComplianceApi");

    /// <summary>
    /// The contract's name of the operation being served (the endpoint's name, such as UpdateForceResponse);
    /// null outside a request, for the service's own writes at start-up, which are not a client's changes.
    /// </summary>
    public string? Operation => accessor.HttpContext?.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;

    /// <summary>The caller as the four-eyes rule compares it: by <see cref="Client"/>'s id (key or token subject), never by a name.</summary>
    public Signatory Signatory => new(Client.Id, Name);

    /// <summary>Whether the key is a national admin's: inspections, findings and gradings are theirs to record, not a force's admins'.</summary>
    public bool IsAdmin => User?.IsInRole(nameof(ApiKeyRole.Admin)) == true && ForceCode is null;

    /// <summary>Whether the key is an admin's, national or of one force.</summary>
    public bool HasAdminRole => User?.IsInRole(nameof(ApiKeyRole.Admin)) == true;

    /// <summary>
    /// What restricted reports hide from the caller, worked out once per request after authentication
    /// (Http/RestrictedReads.cs); null when not yet worked out, which the query filters refuse for a scoped caller.
    /// </summary>
    public RestrictedView? Restricted
    {
        get => accessor.HttpContext?.Items[typeof(RestrictedView)] as RestrictedView;
        set => accessor.HttpContext!.Items[typeof(RestrictedView)] = value;
    }

    public bool CanSee(string forceCode) => ForceCodes is not { } codes || codes.Contains(forceCode, StringComparer.Ordinal);

    /// <summary>Writing another force's records is refused outright; reading them is answered with 404.</summary>
    public void EnsureMayWriteFor(string forceCode)
    {
        if (!CanSee(forceCode))
        {
            throw new ForbiddenException($"This {Credential} is scoped to '{ForceCode}' and cannot write records of '{forceCode}'.");
        }
    }
}

public static class ApiKeyClaims
{
    public const string Force = "compliance:force";
    public const string KeyId = "compliance:key";

    /// <summary>A bearer token's client: its application id and subject (Http/BearerTokens.cs).</summary>
    public const string Client = "compliance:client";

    /// <summary>
    /// Each force a collaboration's key or token acts for (the collaboration and its members), added at
    /// authentication (Http/ForceScopes.cs); a territorial force's callers carry none.
    /// </summary>
    public const string Scope = "compliance:scope";
}

public static class Credentials
{
    /// <summary>The bearer schemes' names start with this (Http/BearerTokens.cs).</summary>
    public const string BearerSchemePrefix = "Bearer:";

    /// <summary>"token" for a bearer token's principal, "API key" otherwise, so a refusal names what the caller sent.</summary>
    public static string Of(ClaimsPrincipal? user) =>
        user?.Identity?.AuthenticationType?.StartsWith(BearerSchemePrefix, StringComparison.Ordinal) == true ? "token" : "API key";
}
