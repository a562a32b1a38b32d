using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class TagsClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_forces_editor_tags_its_responses_under_If_Match_and_lists_and_the_summary_filter_on_every_tag_given(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var code = Unique.Slug("tagging-force");
        await admin.Forces.CreateForceAsync(new ForceRequest { Code = code, Name = $"Tagging force {code}", Kind = ForceKind.National }, cancellationToken: Ct);
        var inspection = await admin.CreateBuildingThePictureAsync();
        var r8 = await admin.Findings.CreateFindingAsync(inspection.Id, Recommendation8(), cancellationToken: Ct);
        var r1 = await admin.Findings.CreateFindingAsync(inspection.Id, ByNovember2015("Recommendation 1"), cancellationToken: Ct);
        var first = await admin.Responses.CreateForceResponseAsync(r8.Id, Response(code), cancellationToken: Ct);
        var second = await admin.Responses.CreateForceResponseAsync(r1.Id, Response(code), cancellationToken: Ct);
        var editor = await admin.IssueKeyAsync(ApiKeyRole.Editor, code);

        var current = await editor.Responses.GetForceResponseAsync(first.Id, cancellationToken: Ct);
        var tagged = await editor.Responses.SetResponseTagsAsync(first.Id, new ResponseTagsRequest { Tags = ["MoPI", " vetting", "MOPI"] }, ifMatch: current.Etag, cancellationToken: Ct);
        var stale = await Assert.ThrowsAsync<ComplianceApiException<ProblemDetails>>(() =>
            editor.Responses.SetResponseTagsAsync(first.Id, new ResponseTagsRequest { Tags = ["CDI plan"] }, ifMatch: current.Etag, cancellationToken: Ct));
        await editor.Responses.SetResponseTagsAsync(second.Id, new ResponseTagsRequest { Tags = ["Vetting"] }, Ct);
        var refused = await Assert.ThrowsAsync<ComplianceApiException<HttpValidationProblemDetails>>(() =>
            editor.Responses.SetResponseTagsAsync(second.Id, new ResponseTagsRequest { Tags = ["CDI; plan"] }, Ct));
        var finding = await admin.Findings.SetFindingTagsAsync(r8.Id, new FindingTagsRequest { Tags = ["records review"] }, Ct);
        var both = await editor.Responses.ListForceResponsesAsync(forceCode: code, tag: ["mopi", "VETTING"], cancellationToken: Ct);
        var vetting = await editor.Summaries.GetForceSummaryAsync(code, tag: ["vetting"], cancellationToken: Ct);
        // Written as against contract 1.3.0: the token by position where the tag filter now sits.
        var everything = await editor.Summaries.GetForceSummaryAsync(code, null, Ct);
        var byFinding = await editor.Findings.ListFindingsAsync(inspectionId: inspection.Id, tag: ["Records Review"], cancellationToken: Ct);

        Assert.Equal(["MoPI", "vetting"], tagged.Tags);
        Assert.Equal(412, stale.StatusCode);
        Assert.Equal(400, refused.StatusCode);
        Assert.Equal(["records review"], finding.Tags);
        Assert.Equal([first.Id], both.Items.Select(r => r.Id));
        Assert.Equal(2, vetting.Totals.Total);
        Assert.Equal(2, everything.Totals.Total);
        Assert.Equal([r8.Id], byFinding.Items.Select(f => f.Id));
    }
}
