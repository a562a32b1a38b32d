using System.Net;
using System.Net.Http.Headers;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Http.Contract;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>The real service, with its whole HTTP pipeline, on one storage provider.</summary>
public sealed class ComplianceApiHost : WebApplicationFactory<Program>
{
    public const string AdminKey = "cak_test-admin-key-0123456789-abcdefghijklmnop";

    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ComplianceApiHost(Provider provider, IReadOnlyDictionary<string, string?> settings)
    {
        Provider = provider;
        _settings = settings;
    }

    public Provider Provider { get; }

    /// <summary>The settings it was started with: where its database is.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>
    /// Where a host started with <see cref="StartOnLoopback"/> listens: a real Kestrel socket on 127.0.0.1,
    /// for clients that cannot use the in-memory test server (the TypeScript client, a browser).
    /// </summary>
    public Uri ServerAddress =>
        new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());

    /// <summary>Starts the service on Kestrel, on a free port of 127.0.0.1, instead of the in-memory test server.</summary>
    public ComplianceApiHost StartOnLoopback()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(DatabaseInitializer.BootstrapKeySetting, AdminKey);
        foreach (var (key, value) in TestIdentityProvider.ServiceSettings())
        {
            builder.UseSetting(key, value);
        }

        // Webhook receivers of the tests listen on 127.0.0.1; a test's own settings may narrow this.
        builder.UseSetting("Webhooks:AllowedNetworks:0", "127.0.0.1/32");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>A client that sends the bootstrap national admin key.</summary>
    public HttpClient AdminClient() => ClientWithKey(AdminKey);

    public HttpClient AnonymousClient() => CreateClient();

    /// <summary>The contract the service serves, where Swagger UI reads it: no key needed.</summary>
    public Task<string> ServedContractAsync() =>
        AnonymousClient().GetStringAsync($"/swagger/{OpenApi.DocumentName}/swagger.json", TestContext.Current.CancellationToken);

    /// <summary>A client that sends a bearer token instead of a key.</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public HttpClient ClientWithKey(string secret)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Issues a key straight into the database, so tests of any feature can act as any caller.</summary>
    public async Task<HttpClient> ClientAsync(ApiKeyRole role, string? forceCode = null)
    {
        var (key, secret) = ApiKey.Issue($"test {role} {forceCode ?? "national"}", role, forceCode, DateTimeOffset.UtcNow);
        await WithDatabaseAsync(async db =>
        {
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
        });
        return ClientWithKey(secret);
    }

    public async Task WithDatabaseAsync(Func<ComplianceDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<ComplianceDbContext>());
    }
}
