using System.Net;
using System.Text.Json.Nodes;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Http;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Http;

public sealed class RateLimitingTests(TestHosts hosts)
{
    [Fact]
    public async Task A_client_over_its_limit_gets_a_429_problem_with_retry_after_while_other_clients_carry_on()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("compliance-rate-limit-");
        try
        {
            await using var host = new ComplianceApiHost(Provider.Sqlite, new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = folder.FullName,
                ["RateLimiting:PermitLimit"] = "3",
                ["RateLimiting:WindowSeconds"] = "60",
            });
            var busy = await host.ClientAsync(ApiKeyRole.Reader);
            var other = await host.ClientAsync(ApiKeyRole.Reader);

            for (var i = 1; i <= 3; i++)
            {
                var allowed = await busy.GetAsync("/api/v1/inspections", ct);
                Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
                Assert.Equal("3", allowed.Headers.GetValues("X-RateLimit-Limit").Single());
                Assert.Equal($"{3 - i}", allowed.Headers.GetValues("X-RateLimit-Remaining").Single());
            }

            var refused = await busy.GetAsync("/api/v1/inspections", ct);

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var retryAfter = refused.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
            var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync(ct))!;
            Assert.Equal(429, (int)problem["status"]!);
            Assert.Equal("Too many requests.", (string?)problem["title"]);
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/inspections", ct)).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Every_operation_declares_429_with_retry_after_and_the_problem_schema()
    {
        var host = await hosts.For(Provider.Sqlite);
        var document = JsonNode.Parse(await host.ServedContractAsync())!;

        var operations = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(o => (Name: $"{o.Key} {path.Key}", Operation: o.Value!)));

        Assert.All(operations, o =>
        {
            var tooMany = o.Operation["responses"]?["429"];
            Assert.True(tooMany is not null, $"{o.Name} does not declare 429");
            Assert.NotNull(tooMany["headers"]?["Retry-After"]);
            Assert.Equal("#/components/schemas/ProblemDetails", (string?)tooMany["content"]?["application/problem+json"]?["schema"]?["$ref"]);
        });
    }
}
