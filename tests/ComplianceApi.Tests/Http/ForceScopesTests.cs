using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;
using static ComplianceApi.Tests.Infrastructure.TestIdentityProvider;

namespace ComplianceApi.Tests.Http;

/// <summary>
/// A collaboration's key or token (Bedfordshire, Cambridgeshire and Hertfordshire run one joint information
/// management board) reads and writes its member forces' records as they would, and no other force's.
/// </summary>
public sealed class ForceScopesTests(TestHosts hosts)
{
    private static readonly string[] Members = ["bedfordshire", "cambridgeshire", "hertfordshire"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_collaboration_key_reads_and_writes_each_member_force_s_records_and_not_another_force_s(Provider provider)
    {
        var host = await hosts.For(provider);
        await ActsForItsMembersAsync(host, await host.ClientAsync(ApiKeyRole.Editor, "bch"));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_token_from_a_tenant_configured_for_a_collaboration_acts_for_its_member_forces(Provider provider)
    {
        var host = await hosts.For(provider);
        await ActsForItsMembersAsync(host, host.ClientWithToken(Token(CollaborationTenant)));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_member_force_s_key_still_sees_only_its_own_force_and_not_its_partners(Provider provider)
    {
        var host = await hosts.For(provider);
        var finding = await host.CreateFindingAsync();
        var hertfordshire = await host.AdminClient().CreateResponseAsync(finding.Id, Response("hertfordshire"));
        var bedfordshire = await host.ClientAsync(ApiKeyRole.Editor, "bedfordshire");

        await (await bedfordshire.GetAsync($"/api/v1/responses/{hertfordshire.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("bedfordshire", (await bedfordshire.CreateResponseAsync(finding.Id, Response("bedfordshire"))).ForceCode);
    }

    private static async Task ActsForItsMembersAsync(ComplianceApiHost host, HttpClient collaboration)
    {
        var finding = await host.CreateFindingAsync();
        var lancashire = await host.AdminClient().CreateResponseAsync(finding.Id, Response(Lancashire));

        var written = new List<ForceResponseView>();
        foreach (var member in Members)
        {
            written.Add(await collaboration.CreateResponseAsync(finding.Id, Response(member)));
        }

        foreach (var response in written)
        {
            Assert.Equal(response.ForceCode, (await collaboration.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}")).ForceCode);
        }

        var listed = await collaboration.GetAsync<Page<ForceResponseView>>($"/api/v1/findings/{finding.Id}/responses");
        Assert.Equal(Members, listed.Items.Select(r => r.ForceCode).Order(StringComparer.Ordinal));
        await (await collaboration.GetAsync($"/api/v1/responses/{lancashire.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await collaboration.PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", Response("cumbria"))).ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}
