using System.Collections.Concurrent;
using System.Security.Claims;
using ComplianceApi.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Http;

/// <summary>
/// Widens a collaboration's key or token to the forces it acts for: the collaboration and each member force,
/// as <see cref="ApiKeyClaims.Scope"/> claims that <see cref="Caller.ForceCodes"/> reads. Keys and tokens
/// both pass through here, so both get the same scope. A collaboration's members are cached per instance for
/// <see cref="Lifetime"/>; changing them forgets the entry on the instance that changed them, and another
/// instance on the same database follows within the lifetime.
/// </summary>
public sealed class ForceScopes(IHttpContextAccessor accessor, TimeProvider clock) : IClaimsTransformation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (string[] Codes, DateTimeOffset Until)> _scopes = new(StringComparer.Ordinal);

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.FindFirstValue(ApiKeyClaims.Force) is not { } force
            || principal.HasClaim(c => c.Type == ApiKeyClaims.Scope)
            || accessor.HttpContext is not { } context)
        {
            return principal;
        }

        var codes = await CodesAsync(force, context);
        if (codes.Length <= 1)
        {
            return principal;
        }

        // A fresh principal: the handler's may be cached and shared, and must not collect claims.
        var identity = ((ClaimsIdentity)principal.Identity!).Clone();
        identity.AddClaims(codes.Select(code => new Claim(ApiKeyClaims.Scope, code)));
        return new ClaimsPrincipal(identity);
    }

    public void Forget(string forceCode) => _scopes.TryRemove(forceCode, out _);

    private async Task<string[]> CodesAsync(string force, HttpContext context)
    {
        var now = clock.GetUtcNow();
        if (_scopes.TryGetValue(force, out var cached) && cached.Until > now)
        {
            return cached.Codes;
        }

        var db = context.RequestServices.GetRequiredService<ComplianceDbContext>();
        var codes = await db.ScopeOfAsync(force, context.RequestAborted);
        _scopes[force] = (codes, now + Lifetime);
        return codes;
    }
}
