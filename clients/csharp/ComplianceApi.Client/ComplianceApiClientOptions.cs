namespace ComplianceApi.Client;

/// <summary>
/// What every generated client shares: the API key it sends. Create one and pass it to each client,
/// or register it as a singleton so typed HttpClients (IHttpClientFactory) receive it. The service's
/// address is the HttpClient's <see cref="System.Net.Http.HttpClient.BaseAddress"/>.
/// </summary>
public sealed class ComplianceApiClientOptions
{
    /// <summary>The API key, sent as the <c>X-Api-Key</c> header on every request.</summary>
    public required string ApiKey { get; init; }
}
