using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

/// <summary>The registration the package's README shows: typed clients from IHttpClientFactory, the options as a singleton.</summary>
public sealed class ClientRegistrationTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Typed_clients_registered_with_IHttpClientFactory_call_the_service_with_the_configured_key(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var services = new ServiceCollection();
        services.AddSingleton(new ComplianceApiClientOptions { ApiKey = ComplianceApiHost.AdminKey });
        var inspections = services.AddHttpClient<IInspectionsClient, InspectionsClient>(http => http.BaseAddress = admin.Http.BaseAddress);
        var findings = services.AddHttpClient<IFindingsClient, FindingsClient>(http => http.BaseAddress = admin.Http.BaseAddress);
        if (transport == Transport.TestServer)
        {
            inspections.ConfigurePrimaryHttpMessageHandler(() => admin.Host.Server.CreateHandler());
            findings.ConfigurePrimaryHttpMessageHandler(() => admin.Host.Server.CreateHandler());
        }

        await using var provider = services.BuildServiceProvider();
        var inspectionsClient = provider.GetRequiredService<IInspectionsClient>();
        var findingsClient = provider.GetRequiredService<IFindingsClient>();

        var inspection = await inspectionsClient.CreateInspectionAsync(BuildingThePicture(), cancellationToken: Ct);
        var finding = await findingsClient.CreateFindingAsync(inspection.Id, Recommendation8(), cancellationToken: Ct);

        Assert.Equal(inspection.Reference, (await admin.Inspections.GetInspectionAsync(inspection.Id, cancellationToken: Ct)).Reference);
        Assert.Equal(inspection.Id, (await admin.Findings.GetFindingAsync(finding.Id, cancellationToken: Ct)).InspectionId);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Typed_clients_registered_with_IHttpClientFactory_send_a_fresh_token_from_the_provider_on_every_call(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var finding = await admin.CreateRecommendation8Async();
        var asked = 0;
        var services = new ServiceCollection();
        services.AddSingleton(new ComplianceApiClientOptions
        {
            AccessTokenProvider = _ =>
            {
                Interlocked.Increment(ref asked);
                return ValueTask.FromResult(TestIdentityProvider.Token(TestIdentityProvider.LancashireTenant));
            },
        });
        var registration = services.AddHttpClient<IResponsesClient, ResponsesClient>(http => http.BaseAddress = admin.Http.BaseAddress);
        if (transport == Transport.TestServer)
        {
            registration.ConfigurePrimaryHttpMessageHandler(() => admin.Host.Server.CreateHandler());
        }

        await using var provider = services.BuildServiceProvider();
        var responses = provider.GetRequiredService<IResponsesClient>();

        var created = await responses.CreateForceResponseAsync(finding.Id, Response(Lancashire), cancellationToken: Ct);
        var forbidden = await Assert.ThrowsAnyAsync<ComplianceApiException>(() => responses.CreateForceResponseAsync(finding.Id, Response(CityOfLondon), cancellationToken: Ct));

        Assert.Equal(Lancashire, (await responses.GetForceResponseAsync(created.Id, cancellationToken: Ct)).ForceCode);
        Assert.Equal(403, forbidden.StatusCode);
        Assert.Equal(3, asked);
    }

    [Fact]
    public void Options_with_both_a_key_and_a_token_provider_are_refused()
    {
        var options = new ComplianceApiClientOptions { ApiKey = ComplianceApiHost.AdminKey, AccessTokenProvider = _ => ValueTask.FromResult("token") };

        Assert.Throws<ArgumentException>(() => new InspectionsClient(options, new HttpClient()));
    }
}
