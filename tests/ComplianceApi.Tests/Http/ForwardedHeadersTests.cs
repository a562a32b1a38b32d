using System.Net;
using ComplianceApi.Http;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Http;

/// <summary>
/// The service behind a reverse proxy, on a real socket (the in-memory test server has no client address,
/// and the framework believes the first forwarded address of a connection without one). What depends on the
/// client's address is the rate limit of callers without a key: one limit per address.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ReverseProxy.KnownProxiesSetting, "127.0.0.1")]
    [InlineData(ReverseProxy.KnownNetworksSetting, "127.0.0.0/8")]
    public async Task Behind_a_listed_proxy_each_forwarded_client_address_has_a_rate_limit_of_its_own(string setting, string listed)
    {
        var host = StartBehindProxy(setting, listed, out var folder);
        try
        {
            using var proxy = new HttpClient { BaseAddress = host.ServerAddress };

            var first = await SendAsync(proxy, "203.0.113.7");
            var second = await SendAsync(proxy, "203.0.113.7");
            var third = await SendAsync(proxy, "203.0.113.7");
            var another = await SendAsync(proxy, "198.51.100.9");

            Assert.Equal((HttpStatusCode.Unauthorized, "1"), first);
            Assert.Equal((HttpStatusCode.Unauthorized, "0"), second);
            Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
            Assert.Equal((HttpStatusCode.Unauthorized, "1"), another);
        }
        finally
        {
            await host.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(ReverseProxy.KnownProxiesSetting, "192.0.2.10")]
    [InlineData(ReverseProxy.KnownNetworksSetting, "10.0.0.0/8")]
    public async Task The_same_headers_from_an_address_not_listed_are_ignored_so_a_client_cannot_claim_a_fresh_address(string setting, string listed)
    {
        var host = StartBehindProxy(setting, listed, out var folder);
        try
        {
            using var client = new HttpClient { BaseAddress = host.ServerAddress };

            await SendAsync(client, "203.0.113.7");
            await SendAsync(client, "203.0.113.8");
            var claimingAnother = await SendAsync(client, "198.51.100.9");

            Assert.Equal(HttpStatusCode.TooManyRequests, claimingAnother.Status);
        }
        finally
        {
            await host.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Two requests per address an hour, so the third from one address is refused.</summary>
    private static ComplianceApiHost StartBehindProxy(string setting, string listed, out DirectoryInfo folder)
    {
        folder = Directory.CreateTempSubdirectory("compliance-forwarded-");
        return new ComplianceApiHost(Provider.Sqlite, new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = folder.FullName,
            ["RateLimiting:PermitLimit"] = "2",
            ["RateLimiting:WindowSeconds"] = "3600",
            [setting] = listed,
        }).StartOnLoopback();
    }

    /// <summary>A request without a key, as the proxy passes it on for a client at <paramref name="clientAddress"/> over HTTPS.</summary>
    private static async Task<(HttpStatusCode Status, string? Remaining)> SendAsync(HttpClient client, string clientAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/inspections");
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request, Ct);
        return (response.StatusCode,
            response.Headers.TryGetValues(RateLimiting.RemainingHeader, out var remaining) ? remaining.Single() : null);
    }
}
