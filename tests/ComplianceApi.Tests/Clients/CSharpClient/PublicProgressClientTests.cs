using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class PublicProgressClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_force_switches_its_public_page_on_sets_a_public_statement_and_reads_the_json_twin(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var code = Unique.Slug("public-force");
        await admin.Forces.CreateForceAsync(new ForceRequest { Code = code, Name = $"Public force {code}", Kind = ForceKind.National }, cancellationToken: Ct);
        var finding = await admin.CreateRecommendation8Async();
        var response = await admin.Responses.CreateForceResponseAsync(finding.Id, Response(code), cancellationToken: Ct);
        var forceAdmin = await admin.IssueKeyAsync(ApiKeyRole.Admin, code);

        var before = await forceAdmin.Public.GetPublicProgressSettingAsync(code, Ct);
        var notYet = await Assert.ThrowsAsync<ComplianceApiException<ProblemDetails>>(() => admin.Public.GetPublicProgressAsync(code, Ct));
        var setting = await forceAdmin.Public.SetPublicProgressAsync(code, new PublicProgressRequest { Enabled = true }, ifMatch: before.Etag, cancellationToken: Ct);
        var statement = await forceAdmin.Public.SetPublicStatementAsync(response.Id,
            new PublicStatementRequest { PublicStatement = "A Force Records Manager has been appointed." }, cancellationToken: Ct);
        // Read as anyone reads a force's website: no key, no token.
        var anyone = new PublicClient(new ComplianceApiClientOptions { Anonymous = true }, admin.Http);
        var page = await anyone.GetPublicProgressAsync(code, Ct);
        var refused = await Assert.ThrowsAsync<ComplianceApiException<ProblemDetails>>(() => anyone.GetPublicProgressSettingAsync(code, Ct));

        Assert.False(before.Enabled);
        Assert.Equal(404, notYet.StatusCode);
        Assert.Equal(401, refused.StatusCode);
        Assert.True(setting.Enabled);
        Assert.Equal("A Force Records Manager has been appointed.", (await forceAdmin.Public.GetPublicStatementAsync(response.Id, Ct)).PublicStatement);
        Assert.Equal(response.Id, statement.ResponseId);
        var line = Assert.Single(Assert.Single(page.Reports).Findings);
        Assert.Equal(("Recommendation 8", ResponseStatus.NotAssessed, "A Force Records Manager has been appointed."), (line.Reference, line.Status, line.PublicStatement));
    }
}
