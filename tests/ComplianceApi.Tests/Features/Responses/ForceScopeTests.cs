using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Evidence;
using ComplianceApi.Features.Responses;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Responses;

/// <summary>A force-scoped key sees and writes its own force's responses only; a reader key writes nothing.</summary>
public sealed class ForceScopeTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Another_force_response_its_history_and_its_evidence_are_not_found_by_a_force_scoped_key(Provider provider)
    {
        var host = await hosts.For(provider);
        var city = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);
        var lancashire = await host.ClientAsync(ApiKeyRole.Editor, Lancashire);
        var finding = await host.CreateFindingAsync();
        var response = await city.CreateResponseAsync(finding.Id);
        var update = await city.RecordUpdateAsync(response.Id, Update(new DateOnly(2015, 10, 21), ResponseStatus.Implemented, Rag.Green));
        var evidence = await city.AddEvidenceAsync($"/api/v1/responses/{response.Id}/evidence", BoardMinutes());
        var ct = TestContext.Current.CancellationToken;

        await (await lancashire.GetAsync($"/api/v1/responses/{response.Id}", ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashire.PutJsonAsync($"/api/v1/responses/{response.Id}", Response())).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashire.GetAsync($"/api/v1/responses/{response.Id}/updates", ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashire.GetAsync($"/api/v1/responses/{response.Id}/updates/{update.Id}", ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashire.PostJsonAsync($"/api/v1/responses/{response.Id}/updates", Update(new DateOnly(2015, 10, 22), ResponseStatus.InProgress)))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashire.PostJsonAsync($"/api/v1/responses/{response.Id}/reopen", new ReopenRequest("Recheck", "Lancashire")))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashire.GetAsync($"/api/v1/evidence/{evidence.Id}", ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashire.PutJsonAsync($"/api/v1/evidence/{evidence.Id}", BoardMinutes())).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashire.PostJsonAsync($"/api/v1/responses/{response.Id}/evidence", BoardMinutes())).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await lancashire.GetAsync<Page<ForceResponseView>>($"/api/v1/findings/{finding.Id}/responses")).Items);
        Assert.Empty((await lancashire.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?findingId={finding.Id}&forceCode={CityOfLondon}")).Items);
        Assert.Empty((await lancashire.GetAsync<Page<EvidenceView>>($"/api/v1/evidence?responseId={response.Id}")).Items);

        var unchanged = await city.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}");
        Assert.Equal(ResponseStatus.Implemented, unchanged.Status);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_scoped_key_responds_for_its_own_force_only(Provider provider)
    {
        var host = await hosts.For(provider);
        var lancashire = await host.ClientAsync(ApiKeyRole.Editor, Lancashire);
        var finding = await host.CreateFindingAsync();

        var problem = await (await lancashire.PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", Response(CityOfLondon)))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        var own = await lancashire.CreateResponseAsync(finding.Id, Response(Lancashire));

        Assert.Contains(CityOfLondon, problem.Detail);
        Assert.Equal(Lancashire, own.ForceCode);
        var listed = await lancashire.GetAsync<Page<ForceResponseView>>($"/api/v1/findings/{finding.Id}/responses");
        Assert.Equal([own.Id], listed.Items.Select(r => r.Id));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_reader_key_reads_responses_but_cannot_write_them(Provider provider)
    {
        var host = await hosts.For(provider);
        var reader = await host.ClientAsync(ApiKeyRole.Reader, CityOfLondon);
        var finding = await host.CreateFindingAsync();
        var admin = host.AdminClient();
        var response = await admin.CreateResponseAsync(finding.Id);
        await admin.CloseAsync(response.Id, await host.ClientAsync(ApiKeyRole.Admin, CityOfLondon));
        var evidence = await admin.AddEvidenceAsync($"/api/v1/responses/{response.Id}/evidence", BoardMinutes());
        var action = await host.CreateActionAsync(CityOfLondon, finding);

        await (await reader.PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", Response(Lancashire))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PutJsonAsync($"/api/v1/responses/{response.Id}", Response())).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PostJsonAsync($"/api/v1/responses/{response.Id}/updates", Update(new DateOnly(2015, 10, 22), ResponseStatus.InProgress)))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PostJsonAsync($"/api/v1/responses/{response.Id}/reopen", new ReopenRequest("Recheck", "Reader")))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PostJsonAsync($"/api/v1/responses/{response.Id}/evidence", BoardMinutes())).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PostJsonAsync($"/api/v1/actions/{action}/evidence", BoardMinutes())).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PutJsonAsync($"/api/v1/evidence/{evidence.Id}", BoardMinutes())).ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(ResponseStatus.Closed, (await reader.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}")).Status);
        Assert.Equal(3, (await reader.GetAsync<Page<ProgressUpdateView>>($"/api/v1/responses/{response.Id}/updates")).TotalCount);
        Assert.Equal(evidence.Title, (await reader.GetAsync<EvidenceView>($"/api/v1/evidence/{evidence.Id}")).Title);
    }
}
