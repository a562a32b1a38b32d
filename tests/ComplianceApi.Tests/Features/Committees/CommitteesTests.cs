using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Committees;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Features.Committees;

public sealed class CommitteesTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_forces_editor_records_its_committee_and_the_reports_made_to_it(Provider provider)
    {
        var host = await hosts.For(provider);
        var force = await ForceScenario.NewForceAsync(host.AdminClient());
        var editor = await host.ClientAsync(ApiKeyRole.Editor, force);

        var response = await editor.PostJsonAsync("/api/v1/committees",
            new CommitteeRequest(force, "Police Performance and Resource Management Sub Committee", CommitteeBody.PoliceAuthorityCommittee));
        var committee = await response.ReadAsync<CommitteeView>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/committees/{committee.Id}", response.Headers.Location?.OriginalString);
        var renamed = await (await editor.PutJsonAsync($"/api/v1/committees/{committee.Id}",
            new CommitteeRequest(force, "Police Committee", CommitteeBody.PoliceAuthorityCommittee))).ReadAsync<CommitteeView>();
        Assert.Equal("Police Committee", renamed.Name);
        var report = await ForceScenario.CreateReportAsync(editor, committee.Id, "Pol 49/15", new DateOnly(2015, 11, 20));
        var corrected = await (await editor.PutJsonAsync($"/api/v1/committee-reports/{report.Id}",
            new CommitteeReportRequest("Pol 49/15", "HMIC inspection update", new DateOnly(2015, 11, 23)))).ReadAsync<CommitteeReportView>();

        Assert.Equal(new DateOnly(2015, 11, 23), corrected.ReportedOn);
        Assert.Null(corrected.StatementIssuedAt);
        Assert.Equal([committee.Id], (await editor.GetAsync<Page<CommitteeView>>($"/api/v1/committees?forceCode={force}")).Items.Select(c => c.Id));
        Assert.Equal(["Pol 49/15"], (await editor.GetAsync<Page<CommitteeReportView>>($"/api/v1/committees/{committee.Id}/reports")).Items.Select(r => r.Reference));
        Assert.Equal(force, (await editor.GetAsync<CommitteeReportView>($"/api/v1/committee-reports/{report.Id}")).ForceCode);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Committees_of_another_force_are_hidden_and_a_committees_force_cannot_change(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var force = await ForceScenario.NewForceAsync(admin);
        var committee = await (await admin.PostJsonAsync("/api/v1/committees", new CommitteeRequest(force, "Joint Audit Committee", CommitteeBody.AuditCommittee)))
            .ReadAsync<CommitteeView>(HttpStatusCode.Created);
        var other = await host.ClientAsync(ApiKeyRole.Editor, ResponseTestData.Lancashire);

        await (await other.GetAsync($"/api/v1/committees/{committee.Id}", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(committee.Id, (await other.GetAsync<Page<CommitteeView>>("/api/v1/committees?limit=200")).Items.Select(c => c.Id));
        var moved = await (await admin.PutJsonAsync($"/api/v1/committees/{committee.Id}",
            new CommitteeRequest(ResponseTestData.Lancashire, "Joint Audit Committee", CommitteeBody.AuditCommittee))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("cannot change", moved.Detail);
        var duplicate = await (await admin.PostJsonAsync("/api/v1/committees", new CommitteeRequest(force, "Joint Audit Committee", CommitteeBody.AuditCommittee)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(409, duplicate.Status);
        var invalid = await (await admin.PostJsonAsync("/api/v1/committees", new CommitteeRequest(force, "", CommitteeBody.AuditCommittee)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("name", invalid.Errors!.Keys);
    }
}
