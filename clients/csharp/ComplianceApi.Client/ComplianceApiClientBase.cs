using System.Net.Http;
using System.Net.Http.Headers;

namespace ComplianceApi.Client;

/// <summary>The base of every generated client: it starts each request with the API key or a fresh access token.</summary>
public abstract class ComplianceApiClientBase
{
    private const string ApiKeyHeader = "X-Api-Key";
    private readonly ComplianceApiClientOptions _options;

    /// <summary>Takes the options shared by every client.</summary>
    protected ComplianceApiClientBase(ComplianceApiClientOptions configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Anonymous)
        {
            if (configuration.ApiKey is not null || configuration.AccessTokenProvider is not null)
            {
                throw new ArgumentException("An anonymous client sends no ApiKey or AccessTokenProvider; leave both unset.", nameof(configuration));
            }
        }
        else if (configuration.AccessTokenProvider is null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(configuration.ApiKey, nameof(configuration));
        }
        else if (configuration.ApiKey is not null)
        {
            throw new ArgumentException("Set either ApiKey or AccessTokenProvider, not both.", nameof(configuration));
        }

        _options = configuration;
    }

    /// <summary>Called by the generated code for every request.</summary>
    protected async Task<HttpRequestMessage> CreateHttpRequestMessageAsync(CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage();
        if (_options.AccessTokenProvider is { } provider)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await provider(cancellationToken).ConfigureAwait(false));
        }
        else if (!_options.Anonymous)
        {
            request.Headers.Add(ApiKeyHeader, _options.ApiKey);
        }

        return request;
    }
}
