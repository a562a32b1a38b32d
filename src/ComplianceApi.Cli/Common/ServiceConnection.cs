using System.Diagnostics;
using ComplianceApi.Client;
using Spectre.Console;

namespace ComplianceApi.Cli.Common;

/// <summary>
/// One command's connection to the service: the HttpClient every generated client of the command
/// shares, and the options carrying the key, token or signed-in application's tokens. They stay in
/// here; nothing prints them.
/// </summary>
public sealed class ServiceConnection : IDisposable
{
    // Loads and exports of large files take longer than HttpClient's default of 100 seconds.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(10);

    private readonly HttpClient _http;
    private readonly ComplianceApiClientOptions _options;
    private readonly string[] _secrets;
    private readonly ClientCredentialsTokens? _tokens;

    public ServiceConnection(ServiceTarget target, IAnsiConsole? requestLog)
    {
        HttpMessageHandler handler = new SocketsHttpHandler();
        if (requestLog is not null)
        {
            handler = new RequestLog(requestLog) { InnerHandler = handler };
        }

        // The token endpoint is called on the same handler (and logged alike) but without the service's base address.
        _http = new HttpClient(handler, disposeHandler: false) { BaseAddress = target.Address, Timeout = RequestTimeout };
        _signIn = new HttpClient(handler) { Timeout = SignInTimeout };
        if (target.Client is { } client)
        {
            _tokens = new ClientCredentialsTokens(_signIn, client, TimeProvider.System);
            _options = new ComplianceApiClientOptions { AccessTokenProvider = _tokens.GetAsync };
            _secrets = [client.Secret];
        }
        else
        {
            var key = target.Key!;
            // One command's run is short; a token given to it is used as it is, and the service says when it has expired.
            _options = target.Kind == CredentialKind.AccessToken
                ? new ComplianceApiClientOptions { AccessTokenProvider = _ => ValueTask.FromResult(key) }
                : new ComplianceApiClientOptions { ApiKey = key };
            _secrets = [key];
        }

        Address = target.Address;
    }

    private static readonly TimeSpan SignInTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _signIn;

    public Uri Address { get; }

    /// <summary>A generated client on this connection: <c>connection.Create((options, http) => new ApiKeysClient(options, http))</c>.</summary>
    public TClient Create<TClient>(Func<ComplianceApiClientOptions, HttpClient, TClient> client) => client(_options, _http);

    /// <summary>The text with the key, token or secret blanked out, for messages that quote what others wrote (an exception's message).</summary>
    public string Redact(string text)
    {
        foreach (var secret in _tokens?.Current is { } token ? [.. _secrets, token] : _secrets)
        {
            text = text.Replace(secret, "[credential]", StringComparison.Ordinal);
        }

        return text;
    }

    public void Dispose()
    {
        _http.Dispose();
        _signIn.Dispose();
        _tokens?.Dispose();
    }

    /// <summary>For --verbose: each request's method and address, and the answer's status and time. Headers (the key) are never written.</summary>
    private sealed class RequestLog(IAnsiConsole log) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            log.WriteLine($"> {request.Method} {request.RequestUri}", new Style(Color.Grey));
            var started = Stopwatch.GetTimestamp();
            var response = await base.SendAsync(request, cancellationToken);
            log.WriteLine(
                $"< {(int)response.StatusCode} {response.ReasonPhrase} {response.Content.Headers.ContentType} in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms",
                new Style(Color.Grey));
            return response;
        }
    }
}
