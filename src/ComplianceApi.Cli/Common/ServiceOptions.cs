using System.CommandLine;

namespace ComplianceApi.Cli.Common;

/// <summary>
/// The options every command takes: where the service is, the key to call it with, and whether to log
/// each request. The address and the key fall back to environment variables, which is where scripts
/// should keep the key: a command line can be read by other users of the machine.
/// </summary>
public sealed class ServiceOptions
{
    public const string AddressVariable = "COMPLIANCE_API_URL";
    public const string KeyVariable = "COMPLIANCE_API_KEY";
    public const string TokenVariable = "COMPLIANCE_API_TOKEN";
    public const string TenantVariable = "COMPLIANCE_API_TENANT";
    public const string ClientIdVariable = "COMPLIANCE_API_CLIENT_ID";
    public const string ClientSecretVariable = "COMPLIANCE_API_CLIENT_SECRET";
    public const string ScopeVariable = "COMPLIANCE_API_SCOPE";
    public const string TokenEndpointVariable = "COMPLIANCE_API_TOKEN_ENDPOINT";

    /// <summary>The service's App ID URI with .default: every application role granted to the client.</summary>
    public const string DefaultScope = "api://compliance-api/.default";

    /// <summary>Entra ID's v2.0 token endpoint; {tenant} is the tenant's id or domain.</summary>
    public const string DefaultTokenEndpoint = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    public Option<string?> Address { get; } = new("--api")
    {
        Description = $"The service's base address, such as https://compliance.example.police.uk/ [default: ${AddressVariable}]",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string?> Key { get; } = new("--api-key")
    {
        Description = $"The API key to call the service with [default: ${KeyVariable}, which is safer: other users can see a command line]",
        HelpName = "key",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"An OAuth 2.0 access token from your force's Entra ID tenant, sent instead of a key [default: ${TokenVariable}]",
        HelpName = "token",
        Recursive = true,
    };

    public Option<string?> Tenant { get; } = new("--tenant")
    {
        Description = $"Sign in as an application: your force's Entra ID tenant (its id or domain) [default: ${TenantVariable}]",
        HelpName = "tenant",
        Recursive = true,
    };

    public Option<string?> ClientId { get; } = new("--client-id")
    {
        Description = $"Sign in as an application: its client (application) id, registered in the tenant [default: ${ClientIdVariable}]",
        HelpName = "id",
        Recursive = true,
    };

    public Option<string?> ClientSecret { get; } = new("--client-secret")
    {
        Description = $"Sign in as an application: its client secret [default: ${ClientSecretVariable}, which is safer: other users can see a command line]",
        HelpName = "secret",
        Recursive = true,
    };

    public Option<string?> Scope { get; } = new("--scope")
    {
        Description = $"Sign in as an application: the scope to ask for [default: ${ScopeVariable}, else {DefaultScope}]",
        HelpName = "scope",
        Recursive = true,
    };

    public Option<string?> TokenEndpoint { get; } = new("--token-endpoint")
    {
        Description = $"Sign in as an application: the OAuth 2.0 token endpoint; {{tenant}} is replaced by the tenant [default: ${TokenEndpointVariable}, else {DefaultTokenEndpoint}]",
        HelpName = "url",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Print where the address and key came from, and each request with its answer, to stderr (never the key itself)",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Address);
        root.Options.Add(Key);
        root.Options.Add(Token);
        root.Options.Add(Tenant);
        root.Options.Add(ClientId);
        root.Options.Add(ClientSecret);
        root.Options.Add(Scope);
        root.Options.Add(TokenEndpoint);
        root.Options.Add(Verbose);
    }

    /// <summary>
    /// The address and credential from the options, else from the environment; a usage error when either is
    /// missing or unusable. The credential is a key, an access token, or an application's client credentials
    /// to sign in with: an option beats the environment, and of two options or two variables the key is
    /// taken, then the token, then the client id. The client credentials' other settings (tenant, secret,
    /// scope, endpoint) each come from their option, else their variable.
    /// </summary>
    public ServiceTarget Resolve(ParseResult parse, Func<string, string?> environment)
    {
        var (address, addressSource) = FromOptionOrEnvironment(parse.GetValue(Address), Address.Name, environment(AddressVariable), AddressVariable);
        if (address is null)
        {
            throw new UsageException($"No service address: pass --api <url> or set {AddressVariable}.");
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"The service address from {addressSource} is not an http or https address: {address}");
        }

        if (uri.UserInfo.Length > 0)
        {
            // Credentials in the address would be echoed with it in messages and logs; the key goes in its own header.
            throw new UsageException($"The service address from {addressSource} carries a user name or password; give the address alone and the key in {KeyVariable}.");
        }

        var (key, keySource, kind) =
            Present(parse.GetValue(Key)) is { } keyOption ? (keyOption, Key.Name, CredentialKind.ApiKey)
            : Present(parse.GetValue(Token)) is { } tokenOption ? (tokenOption, Token.Name, CredentialKind.AccessToken)
            : Present(parse.GetValue(ClientId)) is { } clientIdOption ? (clientIdOption, ClientId.Name, CredentialKind.ClientCredentials)
            : Present(environment(KeyVariable)) is { } keyVariable ? (keyVariable, KeyVariable, CredentialKind.ApiKey)
            : Present(environment(TokenVariable)) is { } tokenVariable ? (tokenVariable, TokenVariable, CredentialKind.AccessToken)
            : Present(environment(ClientIdVariable)) is { } clientIdVariable ? (clientIdVariable, ClientIdVariable, CredentialKind.ClientCredentials)
            : ((string?)null, Key.Name, CredentialKind.ApiKey);
        if (key is null)
        {
            throw new UsageException($"No API key: set {KeyVariable} (or pass --api-key <key>), give an access token in {TokenVariable} (or --token <token>), "
                + $"or sign in as an application with {TenantVariable}, {ClientIdVariable} and {ClientSecretVariable} (or --tenant, --client-id, --client-secret).");
        }

        if (kind == CredentialKind.ClientCredentials)
        {
            return new ServiceTarget(WithTrailingSlash(uri), addressSource, null, kind, keySource, ClientCredentialsFrom(parse, environment, key));
        }

        // HttpClient's own refusal of such a header value quotes the value; say what is wrong without it.
        var isToken = kind == CredentialKind.AccessToken;
        if (key.Any(c => c <= ' ' || c > '~'))
        {
            throw new UsageException($"The {(isToken ? "access token" : "API key")} from {keySource} holds spaces or characters no {(isToken ? "token" : "key")} has (it is not shown here); check how it was copied.");
        }

        return new ServiceTarget(WithTrailingSlash(uri), addressSource, key, kind, keySource, null);
    }

    private ClientCredentials ClientCredentialsFrom(ParseResult parse, Func<string, string?> environment, string clientId)
    {
        var (secret, _) = FromOptionOrEnvironment(parse.GetValue(ClientSecret), ClientSecret.Name, environment(ClientSecretVariable), ClientSecretVariable);
        if (secret is null)
        {
            throw new UsageException($"No client secret to sign in with: set {ClientSecretVariable} (or pass --client-secret <secret>).");
        }

        var (scope, _) = FromOptionOrEnvironment(parse.GetValue(Scope), Scope.Name, environment(ScopeVariable), ScopeVariable);
        var (endpoint, endpointSource) = FromOptionOrEnvironment(parse.GetValue(TokenEndpoint), TokenEndpoint.Name, environment(TokenEndpointVariable), TokenEndpointVariable);
        endpoint ??= DefaultTokenEndpoint;
        endpointSource = endpoint == DefaultTokenEndpoint ? "the default" : endpointSource;
        var (tenant, _) = FromOptionOrEnvironment(parse.GetValue(Tenant), Tenant.Name, environment(TenantVariable), TenantVariable);
        if (tenant is null)
        {
            throw new UsageException($"No tenant to sign in to: set {TenantVariable} (or pass --tenant <tenant>), your force's Entra ID tenant id or domain.");
        }

        if (tenant.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.')))
        {
            throw new UsageException($"The tenant '{tenant}' is not a tenant id (a GUID) or a domain such as lancashire.police.uk.");
        }

        if (!Uri.TryCreate(endpoint.Replace("{tenant}", tenant, StringComparison.OrdinalIgnoreCase), UriKind.Absolute, out var tokenEndpoint)
            || (tokenEndpoint.Scheme != Uri.UriSchemeHttps && !(tokenEndpoint.Scheme == Uri.UriSchemeHttp && tokenEndpoint.IsLoopback))
            || tokenEndpoint.UserInfo.Length > 0)
        {
            // The secret is posted to it: only https, or http to this machine (a local test identity provider).
            throw new UsageException($"The token endpoint from {endpointSource} is not an https address (http only to this machine): {endpoint}");
        }

        return new ClientCredentials(tenant, clientId, secret, scope ?? DefaultScope, tokenEndpoint);
    }

    private static string? Present(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static (string? Value, string Source) FromOptionOrEnvironment(string? option, string optionName, string? environment, string variable) =>
        !string.IsNullOrWhiteSpace(option) ? (option.Trim(), optionName)
        : !string.IsNullOrWhiteSpace(environment) ? (environment.Trim(), variable)
        : (null, optionName);

    // The generated clients call relative paths (api/v1/...), which replace the last segment of an
    // address that does not end in a slash: a service under /compliance would be missed.
    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsolutePath.EndsWith('/') ? address : new Uri(address.GetLeftPart(UriPartial.Path) + "/" + address.Query);
}

public enum CredentialKind
{
    ApiKey,
    AccessToken,
    ClientCredentials,
}

/// <summary>Where the service is and how to call it: a key or token as given (Key), or client credentials to sign in with (Client).</summary>
public sealed record ServiceTarget(Uri Address, string AddressSource, string? Key, CredentialKind Kind, string CredentialSource, ClientCredentials? Client);
