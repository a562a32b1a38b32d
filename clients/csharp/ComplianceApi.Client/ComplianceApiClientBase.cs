using System.Net.Http;

namespace ComplianceApi.Client;

/// <summary>The base of every generated client: it starts each request with the API key.</summary>
public abstract class ComplianceApiClientBase
{
    private const string ApiKeyHeader = "X-Api-Key";
    private readonly ComplianceApiClientOptions _options;

    /// <summary>Takes the options shared by every client.</summary>
    protected ComplianceApiClientBase(ComplianceApiClientOptions configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration.ApiKey, nameof(configuration));
        _options = configuration;
    }

    /// <summary>Called by the generated code for every request.</summary>
    protected Task<HttpRequestMessage> CreateHttpRequestMessageAsync(CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage();
        request.Headers.Add(ApiKeyHeader, _options.ApiKey);
        return Task.FromResult(request);
    }
}
