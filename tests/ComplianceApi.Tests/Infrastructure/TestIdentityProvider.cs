using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>An Entra ID tenant as the tests see it: its id, its signing key, and the force it speaks for.</summary>
public sealed class TestTenant(string name, string? forceCode)
{
    public string Name { get; } = name;

    public Guid Id { get; } = Guid.NewGuid();

    public string? ForceCode { get; } = forceCode;

    public RsaSecurityKey SigningKey { get; } = NewKey();

    public string V1Issuer => $"https://sts.windows.net/{Id}/";

    public string V2Issuer => $"https://login.microsoftonline.com/{Id}/v2.0";

    internal static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };
}

/// <summary>
/// Entra ID's discovery documents and JWKS for the test tenants, served by Kestrel on 127.0.0.1 (no network),
/// and tokens minted as Entra mints them: v1 (iss sts.windows.net, aud the App ID URI, appid) and v2 (iss
/// login.microsoftonline.com/{tid}/v2.0, aud the application id, azp). Every test host trusts the listed tenants.
/// </summary>
public static class TestIdentityProvider
{
    /// <summary>The service's App ID URI, the audience of v1 tokens.</summary>
    public const string AppIdUri = "api://compliance-api-tests";

    /// <summary>The service's application (client) id, the audience of v2 tokens.</summary>
    public static readonly string ApplicationId = Guid.NewGuid().ToString();

    public static readonly TestTenant CityOfLondonTenant = new("City of London Police", CityOfLondon);
    public static readonly TestTenant LancashireTenant = new("Lancashire Constabulary", Lancashire);
    public static readonly TestTenant NationalTenant = new("Home Office", null);

    /// <summary>The Bedfordshire, Cambridgeshire and Hertfordshire collaboration's joint tenant.</summary>
    public static readonly TestTenant CollaborationTenant = new("Bedfordshire, Cambridgeshire and Hertfordshire", "bch");

    /// <summary>A tenant whose keys are published but which the service does not list.</summary>
    public static readonly TestTenant UnlistedTenant = new("Elsewhere", null);

    private static readonly TestTenant[] Listed = [CityOfLondonTenant, LancashireTenant, NationalTenant, CollaborationTenant];
    private static readonly Lazy<Uri> Address = new(Start);

    /// <summary>The settings that make the service trust the listed tenants, at this provider.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ServiceSettings()
    {
        yield return new("Authentication:Audiences:0", AppIdUri);
        yield return new("Authentication:Audiences:1", ApplicationId);
        yield return new("Authentication:RequireHttpsMetadata", "false");
        for (var i = 0; i < Listed.Length; i++)
        {
            yield return new($"Authentication:Tenants:{i}:TenantId", Listed[i].Id.ToString());
            yield return new($"Authentication:Tenants:{i}:ForceCode", Listed[i].ForceCode);
            yield return new($"Authentication:Tenants:{i}:MetadataAddress", new Uri(Address.Value, $"{Listed[i].Id}/v2.0/.well-known/openid-configuration").ToString());
        }
    }

    /// <summary>An access token as Entra issues it to a client application; every part can be changed to make a bad one.</summary>
    public static string Token(
        TestTenant tenant,
        int version = 2,
        string[]? roles = null,
        string? clientId = null,
        string? subject = null,
        string? audience = null,
        DateTime? expires = null,
        DateTime? notBefore = null,
        SecurityKey? signedWith = null,
        bool withoutSignature = false,
        IDictionary<string, object>? extraClaims = null)
    {
        var now = DateTime.UtcNow;
        clientId ??= Guid.NewGuid().ToString();
        var claims = new Dictionary<string, object>
        {
            ["tid"] = tenant.Id.ToString(),
            ["sub"] = subject ?? Guid.NewGuid().ToString(),
            ["oid"] = Guid.NewGuid().ToString(),
            ["roles"] = roles ?? ["Compliance.Editor"],
            ["ver"] = version == 1 ? "1.0" : "2.0",
            [version == 1 ? "appid" : "azp"] = clientId,
        };
        foreach (var (name, value) in extraClaims ?? new Dictionary<string, object>())
        {
            claims[name] = value;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = version == 1 ? tenant.V1Issuer : tenant.V2Issuer,
            Audience = audience ?? (version == 1 ? AppIdUri : ApplicationId),
            IssuedAt = (notBefore ?? now).AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            Claims = claims,
            SigningCredentials = withoutSignature ? null : new SigningCredentials(signedWith ?? tenant.SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static Uri Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        TestTenant[] published = [.. Listed, UnlistedTenant];
        app.MapGet("/{tenant:guid}/v2.0/.well-known/openid-configuration", (Guid tenant, HttpRequest request) =>
            published.Any(t => t.Id == tenant)
                ? Results.Json(new Dictionary<string, object>
                {
                    ["issuer"] = $"https://login.microsoftonline.com/{tenant}/v2.0",
                    ["jwks_uri"] = $"{request.Scheme}://{request.Host}/{tenant}/discovery/v2.0/keys",
                    ["token_endpoint"] = $"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
                })
                : Results.NotFound());
        app.MapGet("/{tenant:guid}/discovery/v2.0/keys", (Guid tenant) =>
            published.SingleOrDefault(t => t.Id == tenant) is { } found
                ? Results.Json(new { keys = new[] { Jwk(found.SigningKey) } })
                : Results.NotFound());
        app.StartAsync().GetAwaiter().GetResult();
        return new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");
    }

    private static Dictionary<string, string> Jwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }
}
