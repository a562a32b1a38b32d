using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Clients;

public sealed class LoopbackSmokeTests(TestHosts hosts)
{
    [Fact]
    public async Task The_generated_client_lists_forces_over_a_real_socket()
    {
        var host = hosts.Loopback();
        using var http = new HttpClient { BaseAddress = host.ServerAddress };
        var forces = new ForcesClient(new ComplianceApiClientOptions { ApiKey = ComplianceApiHost.AdminKey }, http);

        var all = await forces.ListForcesAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(all, f => f.Code == "lancashire");
        Assert.Equal("127.0.0.1", host.ServerAddress.Host);
    }
}
