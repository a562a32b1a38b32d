using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.ActionPlans;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Features.ActionPlans;

public sealed class PlanActionsTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Lancashire_adds_an_action_serving_two_findings_and_reads_it_back(Provider provider)
    {
        var host = await hosts.For(provider);
        var (plan, findings) = await LancashirePlanAsync(host);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, "lancashire");

        var response = await editor.PostJsonAsync($"/api/v1/action-plans/{plan.Id}/actions", PlanTestData.RecruitRecordsManager(findings));
        var created = await response.ReadAsync<PlanActionView>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/actions/{created.Id}", response.Headers.Location?.OriginalString);
        var read = await editor.GetAsync<PlanActionView>($"/api/v1/actions/{created.Id}");
        Assert.Equal(plan.Id, read.PlanId);
        Assert.Equal("lancashire", read.ForceCode);
        Assert.Equal("Recruit a Force Records Manager", read.Title);
        Assert.Equal("Head of Information Management", read.OwnerName);
        Assert.Equal("Information Management", read.OwnerRole);
        Assert.Equal(new DateOnly(2016, 3, 31), read.DueOn);
        Assert.Equal(ActionStatus.InProgress, read.Status);
        Assert.Null(read.CompletedOn);
        Assert.Equal(findings.Order(), read.FindingIds.Order());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Changing_an_action_records_its_completion_and_the_findings_it_serves(Provider provider)
    {
        var host = await hosts.For(provider);
        var (plan, findings) = await LancashirePlanAsync(host);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, "lancashire");
        var action = await editor.CreateActionAsync(plan.Id, PlanTestData.MopiAuditors(findings[0]));

        var completed = PlanTestData.MopiAuditors(findings[1]) with { Status = ActionStatus.Completed, CompletedOn = new DateOnly(2016, 6, 3) };
        var updated = await (await editor.PutJsonAsync($"/api/v1/actions/{action.Id}", completed)).ReadAsync<PlanActionView>();

        Assert.Equal(ActionStatus.Completed, updated.Status);
        Assert.Equal(new DateOnly(2016, 6, 3), updated.CompletedOn);
        Assert.Equal([findings[1]], updated.FindingIds);
        var read = await editor.GetAsync<PlanActionView>($"/api/v1/actions/{action.Id}");
        Assert.Equal([findings[1]], read.FindingIds);
        Assert.Equal(ActionStatus.Completed, read.Status);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Leicestershire_records_its_completed_peer_review(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var inspection = await admin.CreateLeicestershireCrimeDataInspectionAsync();
        var finding = (await host.CreateFindingAsync(inspection.Id, "Recommendation 1")).Id;
        var editor = await host.ClientAsync(ApiKeyRole.Editor, "leicestershire");
        var plan = await editor.CreatePlanAsync(PlanTestData.LeicestershirePlan(inspection.Id));

        var action = await editor.CreateActionAsync(plan.Id, PlanTestData.PeerReview(finding));

        Assert.Equal("leicestershire", action.ForceCode);
        Assert.Equal(ActionStatus.Completed, action.Status);
        Assert.Equal(new DateOnly(2015, 11, 27), action.CompletedOn);
        Assert.Equal([finding], action.FindingIds);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_invalid_action_is_refused_field_by_field(Provider provider)
    {
        var host = await hosts.For(provider);
        var (plan, _) = await LancashirePlanAsync(host);
        var request = PlanTestData.RecruitRecordsManager() with { Title = "", OwnerRole = new string('x', Lengths.Name + 1) };

        var problem = await (await host.AdminClient().PostJsonAsync($"/api/v1/action-plans/{plan.Id}/actions", request))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["findingIds", "ownerRole", "title"], problem.Errors!.Keys.Order());
        Assert.Contains("at least one finding", Assert.Single(problem.Errors["findingIds"]));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_action_serving_an_unknown_finding_is_refused(Provider provider)
    {
        var host = await hosts.For(provider);
        var (plan, findings) = await LancashirePlanAsync(host);
        var unknown = Guid.NewGuid();

        var problem = await (await host.AdminClient().PostJsonAsync($"/api/v1/action-plans/{plan.Id}/actions", PlanTestData.RecruitRecordsManager(findings[0], unknown)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        var error = Assert.Single(problem.Errors!["findingIds"]);
        Assert.Contains(unknown.ToString(), error);
        Assert.DoesNotContain(findings[0].ToString(), error);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_action_cannot_serve_a_finding_that_does_not_concern_its_force(Provider provider)
    {
        var host = await hosts.For(provider);
        var (plan, findings) = await LancashirePlanAsync(host);
        var leicestershireInspection = await host.AdminClient().CreateLeicestershireCrimeDataInspectionAsync();
        var leicestershireFinding = (await host.CreateFindingAsync(leicestershireInspection.Id, "Recommendation 1")).Id;

        var problem = await (await host.AdminClient().PostJsonAsync($"/api/v1/action-plans/{plan.Id}/actions", PlanTestData.RecruitRecordsManager(findings[0], leicestershireFinding)))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("Recommendation 1", problem.Detail);
        Assert.Contains("lancashire", problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_completed_action_records_when_it_was_completed(Provider provider)
    {
        var host = await hosts.For(provider);
        var (plan, findings) = await LancashirePlanAsync(host);
        var request = PlanTestData.RecruitRecordsManager(findings) with { Status = ActionStatus.Completed, CompletedOn = null };

        var problem = await (await host.AdminClient().PostJsonAsync($"/api/v1/action-plans/{plan.Id}/actions", request)).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("completedOn", problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Only_a_completed_action_has_a_completion_date(Provider provider)
    {
        var host = await hosts.For(provider);
        var (plan, findings) = await LancashirePlanAsync(host);
        var admin = host.AdminClient();
        var action = await admin.CreateActionAsync(plan.Id, PlanTestData.RecruitRecordsManager(findings));
        var request = PlanTestData.RecruitRecordsManager(findings) with { CompletedOn = new DateOnly(2016, 2, 1) };

        await (await admin.PostJsonAsync($"/api/v1/action-plans/{plan.Id}/actions", request)).ReadProblemAsync(HttpStatusCode.Conflict);
        var problem = await (await admin.PutJsonAsync($"/api/v1/actions/{action.Id}", request)).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("only for a completed action", problem.Detail);
        Assert.Null((await admin.GetAsync<PlanActionView>($"/api/v1/actions/{action.Id}")).CompletedOn);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_action_cannot_be_completed_in_the_future(Provider provider)
    {
        var host = await hosts.For(provider);
        var (plan, findings) = await LancashirePlanAsync(host);
        var nextMonth = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1);
        var request = PlanTestData.RecruitRecordsManager(findings) with { Status = ActionStatus.Completed, CompletedOn = nextMonth };

        var problem = await (await host.AdminClient().PostJsonAsync($"/api/v1/action-plans/{plan.Id}/actions", request)).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("future", problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_plans_actions_are_listed_a_page_at_a_time(Provider provider)
    {
        var host = await hosts.For(provider);
        var (plan, findings) = await LancashirePlanAsync(host);
        var (otherPlan, otherFindings) = await LancashirePlanAsync(host);
        var admin = host.AdminClient();
        var recruit = await admin.CreateActionAsync(plan.Id, PlanTestData.RecruitRecordsManager(findings[0]));
        var auditors = await admin.CreateActionAsync(plan.Id, PlanTestData.MopiAuditors(findings[1]));
        await admin.CreateActionAsync(otherPlan.Id, PlanTestData.MopiAuditors(otherFindings));

        var url = $"/api/v1/action-plans/{plan.Id}/actions?limit=1";
        var first = await admin.GetAsync<Page<PlanActionView>>(url);
        var second = await admin.GetAsync<Page<PlanActionView>>($"{url}&cursor={first.NextCursor}");

        Assert.Equal(2, first.TotalCount);
        Assert.Equal([recruit.Id], first.Items.Select(a => a.Id));
        Assert.Equal([auditors.Id], second.Items.Select(a => a.Id));
        Assert.Null(second.NextCursor);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Actions_are_listed_by_plan_force_status_finding_and_due_date(Provider provider)
    {
        var host = await hosts.For(provider);
        var (plan, findings) = await LancashirePlanAsync(host);
        var admin = host.AdminClient();
        var recruit = await admin.CreateActionAsync(plan.Id, PlanTestData.RecruitRecordsManager(findings[0]));
        var auditors = await admin.CreateActionAsync(plan.Id, PlanTestData.MopiAuditors(findings));
        var audit = await admin.CreateActionAsync(plan.Id, PlanTestData.MopiAuditors(findings[1]) with
        {
            Title = "First MoPI compliance audit", Status = ActionStatus.Completed, CompletedOn = new DateOnly(2016, 1, 15), DueOn = new DateOnly(2016, 1, 31),
        });

        async Task<IEnumerable<Guid>> ListAsync(string filter) =>
            (await admin.GetAsync<Page<PlanActionView>>($"/api/v1/actions?planId={plan.Id}&{filter}")).Items.Select(a => a.Id);

        Assert.Equal([recruit.Id, auditors.Id, audit.Id], await ListAsync("forceCode=lancashire"));
        Assert.Empty(await ListAsync("forceCode=leicestershire"));
        Assert.Equal([recruit.Id, auditors.Id], await ListAsync("status=InProgress"));
        Assert.Equal([audit.Id], await ListAsync("status=Completed"));
        Assert.Equal([recruit.Id, auditors.Id], await ListAsync($"findingId={findings[0]}"));
        Assert.Equal([auditors.Id, audit.Id], await ListAsync($"findingId={findings[1]}"));
        Assert.Equal([recruit.Id, audit.Id], await ListAsync("dueBefore=2016-04-01"));
        Assert.Equal([audit.Id], await ListAsync("dueBefore=2016-02-01&status=Completed"));

        var byFinding = await admin.GetAsync<Page<PlanActionView>>($"/api/v1/actions?findingId={findings[1]}&limit=1");
        var next = await admin.GetAsync<Page<PlanActionView>>($"/api/v1/actions?findingId={findings[1]}&limit=1&cursor={byFinding.NextCursor}");
        Assert.Equal(2, byFinding.TotalCount);
        Assert.Equal([auditors.Id, audit.Id], byFinding.Items.Concat(next.Items).Select(a => a.Id));
        Assert.Null(next.NextCursor);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_unknown_action_or_plan_is_not_found(Provider provider)
    {
        var host = await hosts.For(provider);
        var (_, findings) = await LancashirePlanAsync(host);
        var admin = host.AdminClient();
        var ct = TestContext.Current.CancellationToken;

        await (await admin.GetAsync($"/api/v1/actions/{Guid.NewGuid()}", ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutJsonAsync($"/api/v1/actions/{Guid.NewGuid()}", PlanTestData.RecruitRecordsManager(findings))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/action-plans/{Guid.NewGuid()}/actions", ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostJsonAsync($"/api/v1/action-plans/{Guid.NewGuid()}/actions", PlanTestData.RecruitRecordsManager(findings)))
            .ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_scoped_editor_cannot_see_or_change_another_forces_actions(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var inspection = await admin.CreateLeicestershireCrimeDataInspectionAsync();
        var finding = (await host.CreateFindingAsync(inspection.Id, "Recommendation 1")).Id;
        var plan = await admin.CreatePlanAsync(PlanTestData.LeicestershirePlan(inspection.Id));
        var action = await admin.CreateActionAsync(plan.Id, PlanTestData.PeerReview(finding));
        var lancashire = await host.ClientAsync(ApiKeyRole.Editor, "lancashire");
        var ct = TestContext.Current.CancellationToken;

        await (await lancashire.GetAsync($"/api/v1/actions/{action.Id}", ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashire.PutJsonAsync($"/api/v1/actions/{action.Id}", PlanTestData.PeerReview(finding))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashire.GetAsync($"/api/v1/action-plans/{plan.Id}/actions", ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashire.PostJsonAsync($"/api/v1/action-plans/{plan.Id}/actions", PlanTestData.PeerReview(finding))).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await lancashire.GetAsync<Page<PlanActionView>>($"/api/v1/actions?findingId={finding}")).Items);
        Assert.Equal([action.Id], (await admin.GetAsync<Page<PlanActionView>>($"/api/v1/actions?findingId={finding}")).Items.Select(a => a.Id));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_reader_cannot_add_or_change_actions(Provider provider)
    {
        var host = await hosts.For(provider);
        var (plan, findings) = await LancashirePlanAsync(host);
        var action = await host.AdminClient().CreateActionAsync(plan.Id, PlanTestData.RecruitRecordsManager(findings));
        var reader = await host.ClientAsync(ApiKeyRole.Reader, "lancashire");

        await (await reader.PostJsonAsync($"/api/v1/action-plans/{plan.Id}/actions", PlanTestData.MopiAuditors(findings))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PutJsonAsync($"/api/v1/actions/{action.Id}", PlanTestData.MopiAuditors(findings))).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(action.Title, (await reader.GetAsync<PlanActionView>($"/api/v1/actions/{action.Id}")).Title);
    }

    /// <summary>Lancashire's plan answering its own "Building the picture" inspection, with two of its recommendations.</summary>
    private static async Task<(ActionPlanView Plan, Guid[] Findings)> LancashirePlanAsync(ComplianceApiHost host)
    {
        var admin = host.AdminClient();
        var inspection = await admin.CreateInspectionAsync();
        Guid[] findings =
        [
            (await host.CreateFindingAsync(inspection.Id, "Recommendation 3")).Id,
            (await host.CreateFindingAsync(inspection.Id, "Recommendation 4")).Id,
        ];
        return (await admin.CreatePlanAsync(PlanTestData.LancashirePlan(inspection.Id)), findings);
    }
}
