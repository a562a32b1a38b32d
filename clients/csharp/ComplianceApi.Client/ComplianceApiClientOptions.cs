namespace ComplianceApi.Client;

/// <summary>
/// What every generated client shares: how it proves who it is, with an API key or with OAuth 2.0 access
/// tokens (set one of the two), or as no one for the public page (Anonymous). Create one and pass it to each client, or register it as a singleton so
/// typed HttpClients (IHttpClientFactory) receive it. The service's address is the HttpClient's
/// <see cref="System.Net.Http.HttpClient.BaseAddress"/>.
/// </summary>
public sealed class ComplianceApiClientOptions
{
    /// <summary>The API key, sent as the <c>X-Api-Key</c> header on every request.</summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// Gives an access token for the service (from your force's Entra ID tenant, by the client credentials
    /// grant), sent as <c>Authorization: Bearer</c>. It is asked before every request, so it should hand back
    /// a cached token until that nears its expiry, as MSAL's AcquireTokenForClient and Azure.Identity's
    /// credentials do.
    /// </summary>
    public Func<CancellationToken, ValueTask<string>>? AccessTokenProvider { get; init; }

    /// <summary>
    /// Sends neither a key nor a token: for the operations anyone may call, a force's public page of
    /// progress (<c>PublicClient.GetPublicProgressAsync</c>). Every other operation then answers 401.
    /// </summary>
    public bool Anonymous { get; init; }
}
