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
        root.Options.Add(Verbose);
    }

    /// <summary>
    /// The address and credential from the options, else from the environment; a usage error when either is
    /// missing or unusable. The credential is a key or an access token (IsToken): an option beats the
    /// environment, and of two options or two variables the key is taken.
    /// </summary>
    public (Uri Address, string AddressSource, string Key, string KeySource, bool IsToken) Resolve(ParseResult parse, Func<string, string?> environment)
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

        var (key, keySource, isToken) =
            Present(parse.GetValue(Key)) is { } keyOption ? (keyOption, Key.Name, false)
            : Present(parse.GetValue(Token)) is { } tokenOption ? (tokenOption, Token.Name, true)
            : Present(environment(KeyVariable)) is { } keyVariable ? (keyVariable, KeyVariable, false)
            : Present(environment(TokenVariable)) is { } tokenVariable ? (tokenVariable, TokenVariable, true)
            : ((string?)null, Key.Name, false);
        if (key is null)
        {
            throw new UsageException($"No API key: set {KeyVariable} (or pass --api-key <key>), or give an access token in {TokenVariable} (or --token <token>).");
        }

        // HttpClient's own refusal of such a header value quotes the value; say what is wrong without it.
        if (key.Any(c => c <= ' ' || c > '~'))
        {
            throw new UsageException($"The {(isToken ? "access token" : "API key")} from {keySource} holds spaces or characters no {(isToken ? "token" : "key")} has (it is not shown here); check how it was copied.");
        }

        return (WithTrailingSlash(uri), addressSource, key, keySource, isToken);
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
