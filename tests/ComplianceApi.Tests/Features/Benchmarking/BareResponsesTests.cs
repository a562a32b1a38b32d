using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Features.Benchmarking;

public sealed class BareResponsesTests(TestHosts hosts)
{
    [Fact]
    public async Task The_bare_endpoint_is_absent_unless_configured_and_never_in_the_contract()
    {
        var ct = TestContext.Current.CancellationToken;
        var host = await hosts.For(Provider.Sqlite);

        Assert.Equal(HttpStatusCode.NotFound, (await host.AdminClient().GetAsync("/benchmark/bare/page", ct)).StatusCode);
        using var upload = new ByteArrayContent("{}"u8.ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await host.AdminClient().PutAsync("/benchmark/bare/page", upload, ct)).StatusCode);
        var contract = await host.ServedContractAsync();
        Assert.DoesNotContain("/benchmark", contract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_normal_start_of_the_service_process_serves_no_bare_endpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("compliance-bare-");
        try
        {
            // As operators start it: the shipped appsettings.json, the Production environment, no benchmark setting.
            await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string> { ["Storage:DataFolder"] = folder.FullName }, ct);
            using var client = new HttpClient { BaseAddress = service.Address };
            client.DefaultRequestHeaders.Add("X-Api-Key", ComplianceApiHost.AdminKey);
            using var upload = new ByteArrayContent("{}"u8.ToArray());

            Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync("/benchmark/bare/page", upload, ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/benchmark/bare/page", ct)).StatusCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task When_configured_it_answers_a_captured_page_byte_for_byte_without_a_key()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("compliance-bare-");
        try
        {
            await using var host = new ComplianceApiHost(Provider.Sqlite, new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = folder.FullName,
                ["Benchmark:BareEndpoint"] = "true",
            });
            var admin = host.AdminClient();
            var page = await admin.GetByteArrayAsync("/api/v1/forces", ct);
            using var upload = new ByteArrayContent(page);
            upload.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

            Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsync("/benchmark/bare/forces", upload, ct)).StatusCode);
            var bare = await host.AnonymousClient().GetAsync("/benchmark/bare/forces", ct);

            Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
            Assert.Equal("application/json; charset=utf-8", bare.Content.Headers.ContentType?.ToString());
            Assert.Equal(page, await bare.Content.ReadAsByteArrayAsync(ct));
            Assert.Equal(HttpStatusCode.NotFound, (await host.AnonymousClient().GetAsync("/benchmark/bare/other", ct)).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Only_an_admin_key_may_store_a_body()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("compliance-bare-");
        try
        {
            await using var host = new ComplianceApiHost(Provider.Sqlite, new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = folder.FullName,
                ["Benchmark:BareEndpoint"] = "true",
            });
            var reader = await host.ClientAsync(ApiKeyRole.Reader);
            using var upload = new ByteArrayContent("{}"u8.ToArray());

            var refused = await reader.PutAsync("/benchmark/bare/page", upload, ct);
            var anonymous = await host.AnonymousClient().PutAsync("/benchmark/bare/page", upload, ct);

            Assert.Equal(403, (int)JsonNode.Parse(await refused.Content.ReadAsStringAsync(ct))!["status"]!);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await host.AnonymousClient().GetAsync("/benchmark/bare/page", ct)).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
