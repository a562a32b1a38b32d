using System.Globalization;
using System.Net;
using System.Text.Json;

namespace ComplianceApi.Cli.Common;

/// <summary>An application's registration in a force's Entra ID tenant, to sign in with as the tool runs.</summary>
/// <param name="Tenant">The tenant's id or domain, as it appears in the token endpoint's address.</param>
/// <param name="ClientId">The application's client id.</param>
/// <param name="Secret">The application's client secret; never printed.</param>
/// <param name="Scope">What to ask for, normally the service's App ID URI with /.default.</param>
/// <param name="TokenEndpoint">The OAuth 2.0 token endpoint, with the tenant filled in.</param>
public sealed record ClientCredentials(string Tenant, string ClientId, string Secret, string Scope, Uri TokenEndpoint);

/// <summary>Signing in failed: the tenant refused the application's credentials (exit code 1), or could not be reached (3). The message never holds the secret.</summary>
public sealed class SignInException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>
/// Access tokens for the generated clients' token provider, got with the OAuth 2.0 client credentials grant
/// and kept in memory only: reused while valid, and fetched again shortly before they expire, so a long
/// import or a paged listing never sends an expired token.
/// </summary>
public sealed class ClientCredentialsTokens(HttpClient http, ClientCredentials credentials, TimeProvider time) : IDisposable
{
    // Entra ID tokens live 60 to 90 minutes; five minutes covers clock skew and a request in flight.
    private static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAt;

    /// <summary>The token now in use, so that messages quoting others' text can blank it out.</summary>
    public string? Current => Volatile.Read(ref _token);

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            return Fresh() ?? await FetchAsync(cancellationToken);
        }
        finally
        {
            _fetching.Release();
        }
    }

    public void Dispose() => _fetching.Dispose();

    private string? Fresh() => _token is { } token && time.GetUtcNow() < _refreshAt ? token : null;

    private async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials.ClientId,
            ["client_secret"] = credentials.Secret,
            ["scope"] = credentials.Scope,
        });
        var asked = time.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(credentials.TokenEndpoint, form, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new SignInException($"Could not reach the token endpoint {credentials.TokenEndpoint} to sign in: {exception.Message}", ExitCodes.Unreachable);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SignInException($"The token endpoint {credentials.TokenEndpoint} did not answer in time.", ExitCodes.Unreachable);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var (token, lifetime, error, description) = Read(body);
            if (response.StatusCode != HttpStatusCode.OK || token is null)
            {
                throw new SignInException(Refusal(response.StatusCode, error, description), ExitCodes.Rejected);
            }

            var refreshBefore = lifetime > RefreshBefore * 2 ? RefreshBefore : lifetime / 2;
            _refreshAt = asked + lifetime - refreshBefore;
            Volatile.Write(ref _token, token);
            return token;
        }
    }

    private string Refusal(HttpStatusCode status, string? error, string? description)
    {
        var reason = error is null ? "" : $" {error}";
        // Entra's descriptions run on with trace and correlation ids after the first line.
        var detail = description?.Split('\n', 2)[0].Trim().TrimEnd('.') is { Length: > 0 } line ? $": {line}" : "";
        var hint = error switch
        {
            "invalid_client" or "unauthorized_client" =>
                $" Check the client id and the secret ({ServiceOptions.ClientSecretVariable}, or --client-secret): the secret may be wrong or expired.",
            "invalid_scope" => $" Check the scope (--scope); the service's is {ServiceOptions.DefaultScope}.",
            _ when status == HttpStatusCode.NotFound || error is "invalid_request" or "invalid_tenant" =>
                $" Check the tenant ({ServiceOptions.TenantVariable}, or --tenant) and the token endpoint (--token-endpoint).",
            _ => "",
        };
        // Lines kept short: the console wraps a long one mid-word.
        return $"Signing in as application {credentials.ClientId} in tenant {credentials.Tenant} was refused ({(int)status}{reason}){detail}."
            + $"{Environment.NewLine}Token endpoint: {credentials.TokenEndpoint}"
            + (hint.Length > 0 ? Environment.NewLine + hint.Trim() : "");
    }

    private static (string? Token, TimeSpan Lifetime, string? Error, string? Description) Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, default, null, null);
            }

            var token = root.TryGetProperty("access_token", out var accessToken) && accessToken.ValueKind == JsonValueKind.String ? accessToken.GetString() : null;
            var seconds = root.TryGetProperty("expires_in", out var expiresIn) ? expiresIn.ValueKind switch
            {
                JsonValueKind.Number when expiresIn.TryGetInt32(out var number) => number,
                // Entra ID's v1 endpoint writes it as a string.
                JsonValueKind.String when int.TryParse(expiresIn.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
                _ => 0,
            } : 0;
            var error = root.TryGetProperty("error", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
            var description = root.TryGetProperty("error_description", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
            // A token without a lifetime is used for this one request and fetched again for the next.
            return (token, TimeSpan.FromSeconds(Math.Max(seconds, 0)), error, description);
        }
        catch (JsonException)
        {
            return (null, default, null, null);
        }
    }
}
