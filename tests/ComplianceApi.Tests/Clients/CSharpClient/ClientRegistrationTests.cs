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
}
