using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Evidence;
using ComplianceApi.Features.Summaries;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Features.Evidence.EvidenceFileSamples;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Evidence;

public sealed class EvidenceReviewTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Lancashire's response, implemented on 1 September 2015, with the strategy of 31 October 2015 as evidence, not yet reviewed.</summary>
    private static async Task<(HttpClient Editor, ForceResponseView Response, EvidenceView Evidence)> ImplementedWithEvidenceAsync(ComplianceApiHost host)
    {
        var editor = await host.ClientAsync(ApiKeyRole.Editor, Lancashire);
        var response = await editor.CreateResponseAsync((await host.CreateFindingAsync()).Id, Response(Lancashire));
        await editor.RecordUpdateAsync(response.Id, Update(new DateOnly(2015, 9, 1), ResponseStatus.Implemented, Rag.Green));
        var evidence = await editor.AddEvidenceAsync($"/api/v1/responses/{response.Id}/evidence", Strategy());
        return (editor, response, evidence);
    }

    private static async Task<Rag?> DerivedRagAsync(HttpClient client, Guid responseId, string? asOf = null) =>
        (await client.GetAsync<ForceResponseView>($"/api/v1/responses/{responseId}{(asOf is null ? "" : $"?asOf={asOf}")}")).DerivedRag;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task New_evidence_makes_an_implemented_response_green_only_once_an_admin_of_its_force_accepts_it(Provider provider)
    {
        var host = await hosts.For(provider);
        var (editor, response, evidence) = await ImplementedWithEvidenceAsync(host);
        var lancashireAdmin = await host.ClientAsync(ApiKeyRole.Admin, Lancashire);
        var cityAdmin = await host.ClientAsync(ApiKeyRole.Admin, CityOfLondon);
        var acceptance = new EvidenceAcceptance("The minutes record the board's agreement.", null);

        Assert.Equal(EvidenceReviewState.Submitted, evidence.ReviewState);
        Assert.Equal(Rag.Amber, await DerivedRagAsync(editor, response.Id));
        await (await editor.PostJsonAsync($"/api/v1/evidence/{evidence.Id}/accept", acceptance)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await cityAdmin.PostJsonAsync($"/api/v1/evidence/{evidence.Id}/accept", acceptance)).ReadProblemAsync(HttpStatusCode.NotFound);
        var accepted = await (await lancashireAdmin.PostJsonAsync($"/api/v1/evidence/{evidence.Id}/accept", acceptance)).ReadAsync<EvidenceView>();

        Assert.Equal((EvidenceReviewState.Accepted, "The minutes record the board's agreement."), (accepted.ReviewState, accepted.ReviewReason));
        Assert.False(string.IsNullOrEmpty(accepted.ReviewedBy));
        Assert.NotNull(accepted.ReviewedAt);
        Assert.Equal(Rag.Green, await DerivedRagAsync(editor, response.Id));
        Assert.Equal(Rag.Green, await DerivedRagAsync(editor, response.Id, "2015-11-01"));
        Assert.Equal(Rag.Amber, await DerivedRagAsync(editor, response.Id, "2015-10-30"));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Rejected_evidence_does_not_count_and_keeps_the_reviewers_reason(Provider provider)
    {
        var host = await hosts.For(provider);
        var (editor, response, evidence) = await ImplementedWithEvidenceAsync(host);
        var admin = host.AdminClient();
        await admin.AcceptEvidenceAsync(evidence.Id);

        var rejected = await (await admin.PostJsonAsync($"/api/v1/evidence/{evidence.Id}/reject", new EvidenceRejection("These are the minutes of another board.")))
            .ReadAsync<EvidenceView>();
        var blank = await (await admin.PostJsonAsync($"/api/v1/evidence/{evidence.Id}/reject", new EvidenceRejection(" "))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal((EvidenceReviewState.Rejected, "These are the minutes of another board."), (rejected.ReviewState, rejected.ReviewReason));
        Assert.Contains("reason", blank.Errors!.Keys);
        Assert.Equal(Rag.Amber, await DerivedRagAsync(editor, response.Id));
        Assert.Equal([evidence.Id], (await editor.GetAsync<ComplianceApi.Support.Page<EvidenceView>>($"/api/v1/evidence?responseId={response.Id}&reviewState=Rejected")).Items.Select(e => e.Id));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Accepted_evidence_counts_until_its_expiry_date_in_as_of_reads_of_a_response_and_of_a_force_summary(Provider provider)
    {
        await using var host = await hosts.IsolatedHostFor(provider);
        var (editor, response, evidence) = await ImplementedWithEvidenceAsync(host);

        await host.AdminClient().AcceptEvidenceAsync(evidence.Id, expiresOn: new DateOnly(2016, 6, 1));

        // The response's own read folds in SQL; the force summary folds each response's history in memory.
        Assert.Equal((Rag.Green, Rag.Amber), (await DerivedRagAsync(editor, response.Id, "2016-05-31"), await DerivedRagAsync(editor, response.Id, "2016-06-01")));
        var before = await editor.GetAsync<ForceSummaryView>($"/api/v1/forces/{Lancashire}/summary?asOf=2016-05-31");
        var after = await editor.GetAsync<ForceSummaryView>($"/api/v1/forces/{Lancashire}/summary?asOf=2016-06-01");
        Assert.Equal((1, 0), (before.Totals.ByDerivedRag.Green, before.Totals.ByDerivedRag.Amber));
        Assert.Equal((0, 1), (after.Totals.ByDerivedRag.Green, after.Totals.ByDerivedRag.Amber));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_new_file_sends_accepted_evidence_back_for_review(Provider provider)
    {
        var host = await hosts.For(provider);
        var (editor, response, evidence) = await ImplementedWithEvidenceAsync(host);
        await host.AdminClient().AcceptEvidenceAsync(evidence.Id);

        await (await editor.PostAsync($"/api/v1/evidence/{evidence.Id}/files", Form(Pdf(2_000), "minutes.pdf"), Ct)).ReadAsync<EvidenceFileView>(HttpStatusCode.Created);

        Assert.Equal(EvidenceReviewState.Submitted, (await editor.GetAsync<EvidenceView>($"/api/v1/evidence/{evidence.Id}")).ReviewState);
        Assert.Equal(Rag.Amber, await DerivedRagAsync(editor, response.Id));
    }
}
