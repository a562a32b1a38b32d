using System.Collections.Concurrent;
using System.Net;
using ComplianceApi.Cli.Common;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplianceApi.Tests.Cli;

/// <summary>The tool signing in as an application (client credentials grant) at a token endpoint on 127.0.0.1 that issues the test tenants' tokens.</summary>
public sealed class ClientCredentialsTests(TestHosts hosts)
{
    private const string Secret = "Qx8~national-reporting-secret.0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> WithoutKey(ComplianceApiHost host)
    {
        var environment = CliRunner.Environment(host);
        environment.Remove(ServiceOptions.KeyVariable);
        return environment;
    }

    [Fact]
    public async Task Signing_in_with_client_credentials_posts_the_grant_and_calls_the_service_with_the_token_without_printing_either()
    {
        var host = hosts.Loopback();
        await using var tenant = await LocalTokenEndpoint.StartAsync(TestIdentityProvider.NationalTenant, Secret);

        var run = await CliRunner.RunAsync(WithoutKey(host), "keys", "list", "--verbose",
            "--tenant", tenant.Tenant.Id.ToString(), "--client-id", tenant.ClientId, "--client-secret", Secret, "--token-endpoint", tenant.Template);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("bootstrap admin", run.Output);
        Assert.Contains($"signing in as application {tenant.ClientId} (from --client-id) in tenant {tenant.Tenant.Id}", run.Error);
        var posted = Assert.Single(tenant.Requests);
        Assert.Equal(tenant.Tenant.Id.ToString(), posted.Tenant);
        Assert.Equal("application/x-www-form-urlencoded", posted.ContentType);
        Assert.Equal(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = tenant.ClientId,
            ["client_secret"] = Secret,
            ["scope"] = ServiceOptions.DefaultScope,
        }, posted.Form);
        Assert.DoesNotContain(Secret, run.Output + run.Error);
        Assert.DoesNotContain(Assert.Single(tenant.Issued), run.Output + run.Error);
    }

    [Fact]
    public async Task The_tenant_client_id_secret_scope_and_endpoint_may_come_from_the_environment()
    {
        var host = hosts.Loopback();
        await using var tenant = await LocalTokenEndpoint.StartAsync(TestIdentityProvider.LancashireTenant, Secret, scope: "api://compliance-api-tests/.default");
        var environment = WithoutKey(host);
        environment[ServiceOptions.TenantVariable] = tenant.Tenant.Id.ToString();
        environment[ServiceOptions.ClientIdVariable] = tenant.ClientId;
        environment[ServiceOptions.ClientSecretVariable] = Secret;
        environment[ServiceOptions.ScopeVariable] = "api://compliance-api-tests/.default";
        environment[ServiceOptions.TokenEndpointVariable] = tenant.Template;

        var run = await CliRunner.RunAsync(environment, "reminders", "--within-days", "7", "--format", "csv");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal("api://compliance-api-tests/.default", Assert.Single(tenant.Requests).Form["scope"]);
        Assert.DoesNotContain(Secret, run.Output + run.Error);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused_at_the_token_endpoint_with_a_clear_error_and_exit_code_1()
    {
        var host = hosts.Loopback();
        const string WrongSecret = "Qx8~an-expired-secret-9876543210";
        await using var tenant = await LocalTokenEndpoint.StartAsync(TestIdentityProvider.NationalTenant, Secret);
        var environment = WithoutKey(host);
        environment[ServiceOptions.ClientSecretVariable] = WrongSecret;

        var run = await CliRunner.RunAsync(environment, "keys", "list", "--verbose",
            "--tenant", tenant.Tenant.Id.ToString(), "--client-id", tenant.ClientId, "--token-endpoint", tenant.Template);

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        Assert.Contains($"Signing in as application {tenant.ClientId} in tenant {tenant.Tenant.Id} was refused", run.Error);
        Assert.Contains("(401 invalid_client): AADSTS7000215: Invalid client secret provided.", run.Error);
        Assert.Contains(ServiceOptions.ClientSecretVariable, run.Error);
        Assert.DoesNotContain("Trace ID", run.Error);
        Assert.DoesNotContain(WrongSecret, run.Output + run.Error);
        Assert.DoesNotContain("api/v1/", run.Error); // nothing was sent to the service
        Assert.Empty(run.Output);
        Assert.Empty(tenant.Issued);
    }

    [Theory]
    [InlineData("--client-secret")]
    [InlineData("--tenant")]
    public async Task Client_credentials_without_a_secret_or_tenant_are_a_usage_error_naming_what_to_set(string missing)
    {
        string[] args = ["keys", "list", "--client-id", Guid.NewGuid().ToString(), "--client-secret", Secret, "--tenant", "lancashire.police.uk"];
        var index = Array.IndexOf(args, missing);

        var run = await CliRunner.RunAsync(WithoutKey(hosts.Loopback()), [.. args[..index], .. args[(index + 2)..]]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(missing == "--tenant" ? ServiceOptions.TenantVariable : ServiceOptions.ClientSecretVariable, run.Error);
    }

    [Fact]
    public async Task A_token_endpoint_that_is_plain_http_away_from_this_machine_is_refused_before_the_secret_is_sent()
    {
        var run = await CliRunner.RunAsync(WithoutKey(hosts.Loopback()), "keys", "list", "--tenant", "lancashire.police.uk",
            "--client-id", Guid.NewGuid().ToString(), "--client-secret", Secret, "--token-endpoint", "http://login.example.com/{tenant}/oauth2/v2.0/token");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("not an https address", run.Error);
        Assert.DoesNotContain(Secret, run.Error);
    }

    [Fact]
    public async Task A_token_is_reused_until_shortly_before_it_expires_and_then_fetched_again()
    {
        await using var tenant = await LocalTokenEndpoint.StartAsync(TestIdentityProvider.NationalTenant, Secret, lifetimeSeconds: 3600);
        var clock = new TestClock(DateTimeOffset.UtcNow);
        using var http = new HttpClient();
        using var tokens = new ClientCredentialsTokens(http,
            new ClientCredentials(tenant.Tenant.Id.ToString(), tenant.ClientId, Secret, ServiceOptions.DefaultScope, new Uri(tenant.Template.Replace("{tenant}", tenant.Tenant.Id.ToString(), StringComparison.Ordinal))),
            clock);

        var first = await tokens.GetAsync(Ct);
        clock.Now += TimeSpan.FromMinutes(54);
        var reused = await tokens.GetAsync(Ct);
        clock.Now += TimeSpan.FromMinutes(2); // 56 minutes in: under five minutes of the hour left
        var refreshed = await tokens.GetAsync(Ct);
        var reusedAgain = await tokens.GetAsync(Ct);

        Assert.Equal(first, reused);
        Assert.NotEqual(first, refreshed);
        Assert.Equal(refreshed, reusedAgain);
        Assert.Equal(2, tenant.Requests.Count);
    }

    private sealed class TestClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed record TokenRequest(string Tenant, string? ContentType, Dictionary<string, string> Form);

    /// <summary>
    /// An Entra ID tenant's token endpoint on 127.0.0.1: it grants client credentials to one application with
    /// one secret, issuing the tenant's tokens (national admin roles), and answers anything else as Entra does.
    /// </summary>
    private sealed class LocalTokenEndpoint : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private LocalTokenEndpoint(WebApplication app, TestTenant tenant)
        {
            _app = app;
            Tenant = tenant;
        }

        public TestTenant Tenant { get; }

        public string ClientId { get; } = Guid.NewGuid().ToString();

        public ConcurrentQueue<TokenRequest> Requests { get; } = new();

        public ConcurrentQueue<string> Issued { get; } = new();

        /// <summary>The endpoint's address with {tenant} to fill in, as --token-endpoint takes it.</summary>
        public string Template =>
            _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/{tenant}/oauth2/v2.0/token";

        public static async Task<LocalTokenEndpoint> StartAsync(TestTenant tenant, string secret, string scope = ServiceOptions.DefaultScope, int lifetimeSeconds = 3599)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            var app = builder.Build();
            var endpoint = new LocalTokenEndpoint(app, tenant);
            app.MapPost("/{tenantId}/oauth2/v2.0/token", async (string tenantId, HttpRequest request) =>
            {
                var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
                endpoint.Requests.Enqueue(new TokenRequest(tenantId, request.ContentType, form));
                if (tenantId != tenant.Id.ToString())
                {
                    return Refusal(400, "invalid_tenant", $"AADSTS90002: Tenant '{tenantId}' not found.");
                }

                if (form.GetValueOrDefault("grant_type") != "client_credentials")
                {
                    return Refusal(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
                }

                if (form.GetValueOrDefault("client_id") != endpoint.ClientId || form.GetValueOrDefault("client_secret") != secret)
                {
                    return Refusal(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
                }

                if (form.GetValueOrDefault("scope") != scope)
                {
                    return Refusal(400, "invalid_scope", "AADSTS1002012: The provided value for scope is not valid.");
                }

                var token = TestIdentityProvider.Token(tenant, roles: ["Compliance.Admin"], clientId: endpoint.ClientId);
                endpoint.Issued.Enqueue(token);
                return Results.Json(new Dictionary<string, object> { ["token_type"] = "Bearer", ["expires_in"] = lifetimeSeconds, ["access_token"] = token });
            });
            await app.StartAsync(Ct);
            return endpoint;
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();

        // Entra's error bodies: the code, and a description whose later lines carry trace and correlation ids.
        private static IResult Refusal(int status, string error, string description) =>
            Results.Json(new Dictionary<string, object>
            {
                ["error"] = error,
                ["error_description"] = $"{description}\r\nTrace ID: {Guid.NewGuid()}\r\nCorrelation ID: {Guid.NewGuid()}",
            }, statusCode: status);
    }
}
