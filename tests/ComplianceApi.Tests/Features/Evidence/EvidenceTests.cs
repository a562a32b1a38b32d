using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Evidence;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Evidence;

public sealed class EvidenceTests(TestHosts hosts)
{
    private async Task<(ComplianceApiHost Host, HttpClient Editor, TestFinding Finding, Guid ResponseId)> LancashireResponseAsync(Provider provider)
    {
        var host = await hosts.For(provider);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, Lancashire);
        var finding = await host.CreateFindingAsync();
        var response = await editor.CreateResponseAsync(finding.Id, Response(Lancashire) with
        {
            GovernanceBoard = "Strategic Management Board",
            Constraints = null,
        });
        return (host, editor, finding, response.Id);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Evidence_backing_a_response_is_recorded_and_read_back(Provider provider)
    {
        var (_, editor, _, responseId) = await LancashireResponseAsync(provider);

        var posted = await editor.PostJsonAsync($"/api/v1/responses/{responseId}/evidence", Strategy());
        var created = await posted.ReadAsync<EvidenceView>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/evidence/{created.Id}", posted.Headers.Location?.OriginalString);
        var read = await editor.GetAsync<EvidenceView>($"/api/v1/evidence/{created.Id}");
        Assert.Equal(responseId, read.ResponseId);
        Assert.Null(read.ActionId);
        Assert.Equal(Lancashire, read.ForceCode);
        Assert.Equal("Information Management Strategy", read.Title);
        Assert.Equal(EvidenceKind.Minutes, read.Kind);
        Assert.Equal("SMB minutes 31/10/2015, item 4", read.Reference);
        Assert.Equal(new DateOnly(2015, 10, 31), read.Date);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Evidence_backing_an_action_is_recorded_against_the_action(Provider provider)
    {
        var (host, editor, finding, _) = await LancashireResponseAsync(provider);
        var action = await host.CreateActionAsync(Lancashire, finding);

        var created = await editor.AddEvidenceAsync($"/api/v1/actions/{action}/evidence", Strategy() with
        {
            Kind = EvidenceKind.Policy,
            Url = "https://www.lancashire.police.uk/about-us/our-policies/information-management-strategy/",
        });

        Assert.Equal(action, created.ActionId);
        Assert.Null(created.ResponseId);
        Assert.Equal(Lancashire, created.ForceCode);
        Assert.Equal(EvidenceKind.Policy, (await editor.GetAsync<EvidenceView>($"/api/v1/evidence/{created.Id}")).Kind);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Link_evidence_needs_its_url(Provider provider)
    {
        var (_, editor, _, responseId) = await LancashireResponseAsync(provider);

        var problem = await (await editor.PostJsonAsync($"/api/v1/responses/{responseId}/evidence", Strategy() with { Kind = EvidenceKind.Link }))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("url", problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Evidence_says_where_it_can_be_found(Provider provider)
    {
        var (_, editor, _, responseId) = await LancashireResponseAsync(provider);

        var problem = await (await editor.PostJsonAsync($"/api/v1/responses/{responseId}/evidence", Strategy() with { Reference = null }))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("reference or a url", problem.Detail);
        Assert.Equal(0, (await editor.GetAsync<Page<EvidenceView>>($"/api/v1/evidence?responseId={responseId}")).TotalCount);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Invalid_evidence_is_refused_field_by_field(Provider provider)
    {
        var (_, editor, _, responseId) = await LancashireResponseAsync(provider);
        var request = Strategy() with
        {
            Title = "",
            Reference = " ",
            Url = "minutes/2015-10-31.pdf",
            Description = new string('x', Lengths.LongText + 1),
        };

        var problem = await (await editor.PostJsonAsync($"/api/v1/responses/{responseId}/evidence", request))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["description", "reference", "title", "url"], problem.Errors!.Keys.Order());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_evidence_url_is_absolute_http_or_https(Provider provider)
    {
        var (_, editor, _, responseId) = await LancashireResponseAsync(provider);

        foreach (var url in new[] { "ftp://intranet.lancashire.police.uk/smb/minutes.pdf", "file:///S:/SMB/minutes.docx", "/smb/minutes" })
        {
            var problem = await (await editor.PostJsonAsync($"/api/v1/responses/{responseId}/evidence", Strategy() with { Url = url }))
                .ReadProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["url"], problem.Errors!.Keys);
        }
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Correcting_evidence_replaces_its_details_within_the_domain_rules(Provider provider)
    {
        var (_, editor, _, responseId) = await LancashireResponseAsync(provider);
        var created = await editor.AddEvidenceAsync($"/api/v1/responses/{responseId}/evidence");

        var corrected = Strategy() with { Title = "Information Management Strategy 2015-2018", Kind = EvidenceKind.Policy };
        var updated = await (await editor.PutJsonAsync($"/api/v1/evidence/{created.Id}", corrected)).ReadAsync<EvidenceView>();
        var broken = await (await editor.PutJsonAsync($"/api/v1/evidence/{created.Id}", corrected with { Kind = EvidenceKind.Link }))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("Information Management Strategy 2015-2018", updated.Title);
        Assert.Equal(responseId, updated.ResponseId);
        Assert.Contains("url", broken.Detail);
        Assert.Equal(EvidenceKind.Policy, (await editor.GetAsync<EvidenceView>($"/api/v1/evidence/{created.Id}")).Kind);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Evidence_for_an_unknown_response_or_action_and_unknown_evidence_are_not_found(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var unknown = Guid.NewGuid();

        await (await admin.PostJsonAsync($"/api/v1/responses/{unknown}/evidence", Strategy())).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostJsonAsync($"/api/v1/actions/{unknown}/evidence", Strategy())).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/evidence/{unknown}", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutJsonAsync($"/api/v1/evidence/{unknown}", Strategy())).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Evidence_is_listed_by_response_action_force_and_kind_a_page_at_a_time(Provider provider)
    {
        var (host, editor, finding, responseId) = await LancashireResponseAsync(provider);
        var action = await host.CreateActionAsync(Lancashire, finding);
        var strategy = await editor.AddEvidenceAsync($"/api/v1/responses/{responseId}/evidence");
        var audit = await editor.AddEvidenceAsync($"/api/v1/responses/{responseId}/evidence", Strategy() with
        {
            Title = "MoPI audit of the crime archive",
            Kind = EvidenceKind.AuditReport,
            Reference = "IA/2015/14",
        });
        var policy = await editor.AddEvidenceAsync($"/api/v1/actions/{action}/evidence", Strategy() with { Kind = EvidenceKind.Policy });

        async Task<IEnumerable<Guid>> Listed(string filters) =>
            (await editor.GetAsync<Page<EvidenceView>>($"/api/v1/evidence?{filters}")).Items.Select(e => e.Id);

        Assert.Equal([strategy.Id, audit.Id], await Listed($"responseId={responseId}"));
        Assert.Equal([policy.Id], await Listed($"actionId={action}"));
        Assert.Equal([audit.Id], await Listed($"responseId={responseId}&kind=AuditReport&forceCode={Lancashire}"));
        Assert.Empty(await Listed($"responseId={responseId}&forceCode={CityOfLondon}"));

        var first = await editor.GetAsync<Page<EvidenceView>>($"/api/v1/evidence?responseId={responseId}&limit=1");
        var second = await editor.GetAsync<Page<EvidenceView>>($"/api/v1/evidence?responseId={responseId}&limit=1&cursor={first.NextCursor}");
        Assert.Equal(2, first.TotalCount);
        Assert.Equal([strategy.Id, audit.Id], first.Items.Concat(second.Items).Select(e => e.Id));
        Assert.Null(second.NextCursor);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Another_force_action_takes_no_evidence_from_a_force_scoped_key(Provider provider)
    {
        var (host, editor, finding, _) = await LancashireResponseAsync(provider);
        var cityAction = await host.CreateActionAsync(CityOfLondon, finding);
        var cityEvidence = await host.AdminClient().AddEvidenceAsync($"/api/v1/actions/{cityAction}/evidence", BoardMinutes());

        await (await editor.PostJsonAsync($"/api/v1/actions/{cityAction}/evidence", Strategy())).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await editor.GetAsync($"/api/v1/evidence/{cityEvidence.Id}", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await editor.GetAsync<Page<EvidenceView>>($"/api/v1/evidence?actionId={cityAction}")).Items);
    }
}
