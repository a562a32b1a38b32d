using System.Net;
using ComplianceApi.Http;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Tests.Operations;

public sealed class HealthEndpointsTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Live_and_ready_answer_without_a_key_and_stay_out_of_the_contract(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var host = await hosts.For(provider);
        var anonymous = host.AnonymousClient();

        foreach (var path in (string[])["/health/live", "/health/ready"])
        {
            var answer = await anonymous.GetAsync(path, ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("Healthy", await answer.Content.ReadAsStringAsync(ct));
            Assert.False(answer.Headers.Contains(RateLimiting.RemainingHeader), $"{path} counted against the rate limit");
            Assert.Contains("no-store", answer.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        }

        Assert.DoesNotContain("/health", await host.ServedContractAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Ready_is_refused_while_a_migration_is_missing_and_live_is_not(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await hosts.IsolatedHostFor(provider);
        var anonymous = host.AnonymousClient();
        string removed = "";
        await host.WithDatabaseAsync(async db =>
        {
            removed = (await db.Database.GetAppliedMigrationsAsync(ct)).Last();
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {removed}""", ct);
        });

        var missing = await anonymous.GetAsync("/health/ready", ct);
        var live = await anonymous.GetAsync("/health/live", ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, missing.StatusCode);
        Assert.Equal("Unhealthy", await missing.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        await host.WithDatabaseAsync(db => db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({removed}, '10.0.15')""", ct));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready", ct)).StatusCode);
    }

    [Fact]
    public async Task Probes_are_answered_when_the_rate_limit_refuses_the_same_address()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("compliance-health-");
        try
        {
            await using var host = new ComplianceApiHost(Provider.Sqlite, new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = folder.FullName,
                ["RateLimiting:PermitLimit"] = "2",
                ["RateLimiting:WindowSeconds"] = "3600",
            });
            var anonymous = host.AnonymousClient();
            for (var i = 0; i < 3; i++)
            {
                await anonymous.GetAsync("/api/v1/forces", ct);
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/api/v1/forces", ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready", ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live", ct)).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
