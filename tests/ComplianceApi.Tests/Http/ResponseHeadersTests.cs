using System.Net;
using System.Net.Http.Headers;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Http;

public sealed class ResponseHeadersTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Data_is_private_and_revalidated_and_nothing_is_sniffed(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var inspection = await admin.CreateInspectionAsync();

        var read = await admin.GetAsync($"/api/v1/inspections/{inspection.Id}", ct);
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/inspections/{inspection.Id}");
        again.Headers.IfNoneMatch.Add(read.Headers.ETag!);
        var unchanged = await admin.SendAsync(again, ct);
        var refused = await host.AnonymousClient().GetAsync("/api/v1/forces", ct);
        var contract = await host.AnonymousClient().GetAsync("/swagger/v1/swagger.json", ct);

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        foreach (var answer in (HttpResponseMessage[])[read, unchanged, refused])
        {
            Assert.Equivalent(new CacheControlHeaderValue { Private = true, NoCache = true }, answer.Headers.CacheControl, strict: true);
            Assert.Equal("nosniff", Assert.Single(answer.Headers.GetValues("X-Content-Type-Options")));
        }

        Assert.Equal("nosniff", Assert.Single(contract.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Without_configured_origins_no_cross_origin_read_is_allowed()
    {
        var ct = TestContext.Current.CancellationToken;
        var host = await hosts.For(Provider.Sqlite);

        var preflight = await host.AnonymousClient().SendAsync(Preflight("https://portal.example.police.uk"), ct);
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/forces");
        read.Headers.Add("Origin", "https://portal.example.police.uk");
        read.Headers.Add("X-Api-Key", ComplianceApiHost.AdminKey);
        var answer = await host.AnonymousClient().SendAsync(read, ct);

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Configured_origins_may_call_and_read_the_headers_a_client_needs()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("compliance-cors-");
        try
        {
            await using var host = new ComplianceApiHost(Provider.Sqlite, new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = folder.FullName,
                ["Cors:Origins:0"] = "https://portal.example.police.uk",
                ["Cors:Origins:1"] = "https://other.example.police.uk",
            });
            var client = host.AnonymousClient();

            var preflight = await client.SendAsync(Preflight("https://portal.example.police.uk"), ct);
            var stranger = await client.SendAsync(Preflight("https://elsewhere.example.com"), ct);
            using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/forces");
            read.Headers.Add("Origin", "https://portal.example.police.uk");
            read.Headers.Add("X-Api-Key", ComplianceApiHost.AdminKey);
            var answer = await client.SendAsync(read, ct);

            Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
            Assert.Equal("https://portal.example.police.uk", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
            Assert.Contains("x-api-key", string.Join(',', preflight.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
            Assert.False(stranger.Headers.Contains("Access-Control-Allow-Origin"));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("https://portal.example.police.uk", Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")));
            var exposed = string.Join(',', answer.Headers.GetValues("Access-Control-Expose-Headers")).Split(',').Select(h => h.Trim());
            Assert.Superset(
                new HashSet<string>(["ETag", "Location", "Idempotent-Replayed", "X-RateLimit-Limit", "X-RateLimit-Remaining", "Retry-After"], StringComparer.OrdinalIgnoreCase),
                new HashSet<string>(exposed, StringComparer.OrdinalIgnoreCase));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/inspections");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key, content-type, idempotency-key");
        return preflight;
    }
}
