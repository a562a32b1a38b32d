using System.Security.Claims;
using System.Text.Encodings.Web;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceApi.Http;

public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IProblemDetailsService problems,
    ApiKeyCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    // Resolved only when the key must be read or its use recorded: a request with a cached key that reads no
    // data (a cached page) then builds no context.
    private ComplianceDbContext Database => Context.RequestServices.GetRequiredService<ComplianceDbContext>();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = Request.Headers[HeaderName].FirstOrDefault();
        if (string.IsNullOrEmpty(secret))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKey.Hash(secret);
        var key = cache.Find(hash);
        if (key is null)
        {
            key = await Database.ApiKeys.AsNoTracking()
                .Where(k => k.SecretHash == hash && k.RevokedAt == null)
                .Select(k => new AuthenticatedKey(k.Id, k.ClientName, k.Role, k.ForceCode, k.ExpiresAt))
                .SingleOrDefaultAsync(Context.RequestAborted);
            if (key is null)
            {
                return AuthenticateResult.Fail("The API key is not recognised, or has been revoked.");
            }

            cache.Remember(hash, key);
        }

        var now = clock.GetUtcNow();
        if (key.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail($"The API key expired at {key.ExpiresAt:yyyy-MM-dd'T'HH:mm:ss'Z'}; ask an admin for a new one.");
        }

        if (cache.IsLastUseDue(key.Id, now))
        {
            await Database.RecordKeyUseAsync(key.Id, now, Logger);
        }

        List<Claim> claims =
        [
            new(ClaimTypes.Name, key.ClientName),
            new(ClaimTypes.Role, key.Role.ToString()),
            new(ApiKeyClaims.KeyId, key.Id.ToString()),
        ];
        if (key.ForceCode is not null)
        {
            claims.Add(new Claim(ApiKeyClaims.Force, key.ForceCode));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await WriteProblemAsync(
            "An API key is required.",
            result.Failure?.Message ?? $"Send the API key issued to your application in the {HeaderName} header.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirstValue(ClaimTypes.Role);
        var credential = Credentials.Of(Context.User);
        return WriteProblemAsync($"This {credential} may not do that.", $"A {(credential == "token" ? "token" : "key")} with the {role} role cannot call this operation.");
    }

    private async Task WriteProblemAsync(string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = Response.StatusCode, Title = title, Detail = detail },
        });
}
