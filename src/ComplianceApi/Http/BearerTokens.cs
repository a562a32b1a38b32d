using System.Security.Claims;
using System.Text.Encodings.Web;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ComplianceApi.Http;

/// <summary>
/// <c>Authentication</c>: the Entra ID tenants whose access tokens the service accepts beside API keys.
/// Each force runs its own tenant; a tenant speaks for one force, or nationally.
/// </summary>
public sealed class BearerTokenSettings
{
    public const string Section = "Authentication";

    /// <summary>The most clock skew the settings may allow: a token is never taken more than this past its expiry.</summary>
    public static readonly TimeSpan LongestClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The service's audiences: its App ID URI (such as api://compliance-api), which v1 tokens carry, and its
    /// application (client) id, which v2 tokens carry. A token for any other audience is refused.
    /// </summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>How far a token's exp and nbf may be off the service's clock.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Discovery documents and keys are fetched over HTTPS only; false only for a local test identity provider.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How often each tenant's discovery document and signing keys are fetched again; an unknown key also asks for a fetch (at most every 5 minutes).</summary>
    public TimeSpan RefreshKeysEvery { get; set; } = TimeSpan.FromHours(12);

    public List<TrustedTenant> Tenants { get; set; } = [];
}

/// <summary>One trusted Entra ID tenant.</summary>
public sealed class TrustedTenant
{
    /// <summary>The directory (tenant) id, a GUID: the tid in its tokens and the middle of its issuers.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>The force this tenant speaks for; null for a national tenant, whose tokens are national unless they carry <see cref="BearerTokens.ForceClaim"/>.</summary>
    public string? ForceCode { get; set; }

    /// <summary>The sign-in authority's host; another cloud's (such as https://login.microsoftonline.us/) changes the defaults below.</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Where the discovery document is; by default the tenant's v2.0 document at the instance, whose jwks_uri gives the signing keys.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>
    /// The issuers accepted; by default the tenant's v1 issuer (https://sts.windows.net/{tid}/) and its v2
    /// issuer ({Instance}{tid}/v2.0), so tokens of either version pass.
    /// </summary>
    public List<string> Issuers { get; set; } = [];

    /// <summary>Audiences for this tenant's tokens, where it registered the API itself; by default <see cref="BearerTokenSettings.Audiences"/>.</summary>
    public List<string> Audiences { get; set; } = [];

    internal string Metadata => MetadataAddress ?? $"{InstanceRoot}{TenantId}/v2.0/.well-known/openid-configuration";

    internal IReadOnlyList<string> AcceptedIssuers =>
        Issuers.Count > 0 ? Issuers : [$"https://sts.windows.net/{TenantId}/", $"{InstanceRoot}{TenantId}/v2.0"];

    private string InstanceRoot => Instance.EndsWith('/') ? Instance : Instance + "/";
}

/// <summary>
/// Bearer tokens beside API keys. A request with <c>Authorization: Bearer</c> is authenticated by the
/// JwtBearer scheme of the tenant that issued the token (picked by its unvalidated iss, then validated in
/// full: signature against the tenant's published keys, issuer, audience, lifetime); any other request by
/// the API key handler. A valid token becomes the same principal a key does (name, one role, force), so
/// Policies and Caller treat both alike.
/// </summary>
public static class BearerTokens
{
    /// <summary>The scheme the service authenticates with: it forwards to the API key or a tenant's bearer scheme.</summary>
    public const string SchemeName = "ApiKeyOrBearer";

    public const string BearerSchemePrefix = Credentials.BearerSchemePrefix;

    /// <summary>Refuses bearer tokens no listed tenant issued (or that are no JWT).</summary>
    public const string UntrustedSchemeName = "UntrustedBearer";

    /// <summary>The claim a national tenant's token may carry to speak for one force only.</summary>
    public const string ForceClaim = "compliance_force";

    /// <summary>The application roles of the API's app registration, highest last, and the role each gives.</summary>
    public static readonly IReadOnlyList<(string AppRole, ApiKeyRole Role)> AppRoles =
    [
        ("Compliance.Reader", ApiKeyRole.Reader),
        ("Compliance.Editor", ApiKeyRole.Editor),
        ("Compliance.Admin", ApiKeyRole.Admin),
    ];

    public static AuthenticationBuilder AddComplianceAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(BearerTokenSettings.Section).Get<BearerTokenSettings>() ?? new BearerTokenSettings();
        Validate(settings);

        services.AddSingleton<ForceScopes>();
        services.AddSingleton<IClaimsTransformation>(provider => provider.GetRequiredService<ForceScopes>());
        var schemeByIssuer = new Dictionary<string, string>(StringComparer.Ordinal);
        var builder = services
            .AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, null, options => options.ForwardDefaultSelector = context => SchemeFor(context, schemeByIssuer))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, UntrustedBearerHandler>(UntrustedSchemeName, null);

        for (var i = 0; i < settings.Tenants.Count; i++)
        {
            var tenant = settings.Tenants[i];
            var scheme = BearerSchemePrefix + i;
            foreach (var issuer in tenant.AcceptedIssuers)
            {
                if (!schemeByIssuer.TryAdd(issuer, scheme))
                {
                    throw new OptionsValidationException(BearerTokenSettings.Section, typeof(BearerTokenSettings),
                        [$"Authentication:Tenants lists the issuer {issuer} twice."]);
                }
            }

            builder.AddJwtBearer(scheme, options => Configure(options, settings, tenant));
        }

        return builder;
    }

    private static void Validate(BearerTokenSettings settings)
    {
        List<string> errors = [];
        if (settings.ClockSkew < TimeSpan.Zero || settings.ClockSkew > BearerTokenSettings.LongestClockSkew)
        {
            errors.Add($"Authentication:ClockSkew must be between 0 and {BearerTokenSettings.LongestClockSkew}.");
        }

        for (var i = 0; i < settings.Tenants.Count; i++)
        {
            var tenant = settings.Tenants[i];
            if (!Guid.TryParse(tenant.TenantId, out _))
            {
                errors.Add($"Authentication:Tenants:{i}:TenantId must be the tenant's directory id, a GUID.");
            }

            if (settings.Audiences.Count == 0 && tenant.Audiences.Count == 0)
            {
                errors.Add($"Authentication:Audiences (or Authentication:Tenants:{i}:Audiences) must name the service's App ID URI and application id.");
            }
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(BearerTokenSettings.Section, typeof(BearerTokenSettings), errors);
        }
    }

    private static string SchemeFor(HttpContext context, Dictionary<string, string> schemeByIssuer)
    {
        if (BearerTokenOf(context.Request) is not { } token)
        {
            return ApiKeyAuthenticationHandler.SchemeName;
        }

        return IssuerOf(token) is { } issuer && schemeByIssuer.TryGetValue(issuer, out var scheme) ? scheme : UntrustedSchemeName;
    }

    internal static string? BearerTokenOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    /// <summary>The token's iss, unvalidated: only to choose whose keys validate it.</summary>
    internal static string? IssuerOf(string token)
    {
        try
        {
            return new JsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static void Configure(JwtBearerOptions options, BearerTokenSettings settings, TrustedTenant tenant)
    {
        options.MetadataAddress = tenant.Metadata;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.AutomaticRefreshInterval = settings.RefreshKeysEvery;
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuers = tenant.AcceptedIssuers,
            ValidAudiences = tenant.Audiences.Count > 0 ? tenant.Audiences : settings.Audiences,
            ClockSkew = settings.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            // Entra ID signs access tokens with RS256; nothing else (none, or HMAC with a public key) is taken.
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        };
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (PrincipalFor((JsonWebToken)context.SecurityToken, tenant, context.Scheme.Name) is { } principal)
                {
                    context.Principal = principal;
                }
                else
                {
                    context.Fail($"The token has none of the application roles {string.Join(", ", AppRoles.Select(r => r.AppRole))}, or names no client.");
                }

                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                var description = context.AuthenticateFailure is { } failure
                    ? string.IsNullOrEmpty(context.ErrorDescription) ? failure.Message : context.ErrorDescription
                    : null;
                await WriteChallengeAsync(context.HttpContext, description);
            },
            OnForbidden = async context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                var role = context.HttpContext.User.FindFirstValue(ClaimTypes.Role);
                await WriteProblemAsync(context.HttpContext, "This token may not do that.", $"A token with the {role} role cannot call this operation.");
            },
        };
    }

    /// <summary>
    /// The principal a key would give: the client's name, its highest role, the force it speaks for, and the
    /// client (its application id and the token's subject) the audit trail and Idempotency-Keys are scoped to.
    /// </summary>
    private static ClaimsPrincipal? PrincipalFor(JsonWebToken token, TrustedTenant tenant, string scheme)
    {
        var roles = token.Claims.Where(c => c.Type == "roles").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var role = AppRoles.LastOrDefault(r => roles.Contains(r.AppRole));
        // v2 tokens name the client in azp, v1 in appid.
        var clientId = Value(token, "azp") ?? Value(token, "appid");
        if (role.AppRole is null || clientId is null || string.IsNullOrEmpty(token.Subject))
        {
            return null;
        }

        List<Claim> claims =
        [
            new(ClaimTypes.Name, Value(token, "app_displayname") ?? clientId),
            new(ClaimTypes.Role, role.Role.ToString()),
            new(ApiKeyClaims.Client, $"{clientId}:{token.Subject}"),
        ];
        // A blank setting (an environment variable left empty) is national too.
        if ((string.IsNullOrWhiteSpace(tenant.ForceCode) ? Value(token, ForceClaim) : tenant.ForceCode) is { } force)
        {
            claims.Add(new Claim(ApiKeyClaims.Force, force));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    private static string? Value(JsonWebToken token, string claim) =>
        token.TryGetPayloadValue<string>(claim, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>401 with RFC 6750's challenge and the same reason as a problem.</summary>
    internal static async Task WriteChallengeAsync(HttpContext context, string? description)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = description is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{description.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        await WriteProblemAsync(context, "The bearer token was refused.",
            description ?? "Send an access token from a trusted Entra ID tenant for this service's audience.");
    }

    private static Task WriteProblemAsync(HttpContext context, string title, string detail) =>
        context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = context.Response.StatusCode, Title = title, Detail = detail },
        }).AsTask();
}

/// <summary>A bearer token no listed tenant issued, or no JWT at all: refused without looking further.</summary>
public sealed class UntrustedBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Fail(Reason()));

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        BearerTokens.WriteChallengeAsync(Context, Reason());

    private string Reason() =>
        BearerTokens.BearerTokenOf(Request) is { } token && BearerTokens.IssuerOf(token) is { } issuer
            ? $"The issuer '{issuer}' is not a tenant this service trusts."
            : "The bearer token is not a JWT.";
}
