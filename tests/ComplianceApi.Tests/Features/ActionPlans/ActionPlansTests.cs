using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.ActionPlans;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Features.ActionPlans;

public sealed class ActionPlansTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Lancashires_editor_records_its_plan_and_reads_it_back(Provider provider)
    {
        var host = await hosts.For(provider);
        var inspection = await host.AdminClient().CreateInspectionAsync();
        var editor = await host.ClientAsync(ApiKeyRole.Editor, "lancashire");
        var request = PlanTestData.LancashirePlan(inspection.Id);

        var response = await editor.PostJsonAsync("/api/v1/action-plans", request);
        var created = await response.ReadAsync<ActionPlanView>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/action-plans/{created.Id}", response.Headers.Location?.OriginalString);
        var read = await editor.GetAsync<ActionPlanView>($"/api/v1/action-plans/{created.Id}");
        Assert.Equal("lancashire", read.ForceCode);
        Assert.Equal(inspection.Id, read.InspectionId);
        Assert.Equal(request.Title, read.Title);
        Assert.Equal("Head of Information Management", read.OwnerName);
        Assert.Contains("week commencing 23 November 2015", read.Description);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Correcting_a_plan_replaces_its_details_but_not_its_force(Provider provider)
    {
        var host = await hosts.For(provider);
        var inspection = await host.AdminClient().CreateInspectionAsync();
        var editor = await host.ClientAsync(ApiKeyRole.Editor, "lancashire");
        var created = await editor.CreatePlanAsync(PlanTestData.LancashirePlan(inspection.Id));

        var corrected = PlanTestData.LancashirePlan(null) with { Title = "Information management improvement plan", OwnerName = "Deputy Chief Constable" };
        var updated = await (await editor.PutJsonAsync($"/api/v1/action-plans/{created.Id}", corrected)).ReadAsync<ActionPlanView>();
        Assert.Equal("Information management improvement plan", updated.Title);
        Assert.Equal("Deputy Chief Constable", updated.OwnerName);
        Assert.Null(updated.InspectionId);
        Assert.True(updated.UpdatedAt >= created.UpdatedAt);

        var moved = corrected with { ForceCode = "leicestershire" };
        var problem = await (await host.AdminClient().PutJsonAsync($"/api/v1/action-plans/{created.Id}", moved)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("lancashire", problem.Detail);
        Assert.Equal("Information management improvement plan", (await editor.GetAsync<ActionPlanView>($"/api/v1/action-plans/{created.Id}")).Title);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_invalid_plan_is_refused_field_by_field(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var request = PlanTestData.LancashirePlan(Guid.Empty) with { ForceCode = "", Title = "", OwnerName = new string('x', Lengths.Name + 1) };

        var problem = await (await admin.PostJsonAsync("/api/v1/action-plans", request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["forceCode", "inspectionId", "ownerName", "title"], problem.Errors!.Keys.Order());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_plan_for_an_unknown_force_or_inspection_is_refused(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync();
        var unknownInspection = Guid.NewGuid();

        var noForce = await (await admin.PostJsonAsync("/api/v1/action-plans", PlanTestData.LancashirePlan(inspection.Id, forceCode: "atlantis")))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var noInspection = await (await admin.PostJsonAsync("/api/v1/action-plans", PlanTestData.LancashirePlan(unknownInspection)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("atlantis", Assert.Single(noForce.Errors!["forceCode"]));
        Assert.Contains(unknownInspection.ToString(), Assert.Single(noInspection.Errors!["inspectionId"]));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_unknown_plan_is_not_found(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var url = $"/api/v1/action-plans/{Guid.NewGuid()}";

        await (await admin.GetAsync(url, TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutJsonAsync(url, PlanTestData.LancashirePlan(null))).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Plans_are_listed_by_force_and_inspection_a_page_at_a_time(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync();
        var other = await admin.CreateInspectionAsync();
        var lancashire = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            lancashire.Add((await admin.CreatePlanAsync(PlanTestData.LancashirePlan(inspection.Id) with { Title = $"Building the picture, phase {i + 1}" })).Id);
        }

        var leicestershire = await admin.CreatePlanAsync(PlanTestData.LeicestershirePlan(inspection.Id));
        await admin.CreatePlanAsync(PlanTestData.LancashirePlan(other.Id));

        var all = await admin.GetAsync<Page<ActionPlanView>>($"/api/v1/action-plans?inspectionId={inspection.Id}");
        Assert.Equal([.. lancashire, leicestershire.Id], all.Items.Select(p => p.Id));
        Assert.Equal(4, all.TotalCount);
        Assert.Null(all.NextCursor);

        var url = $"/api/v1/action-plans?inspectionId={inspection.Id}&forceCode=lancashire&limit=2";
        var first = await admin.GetAsync<Page<ActionPlanView>>(url);
        var second = await admin.GetAsync<Page<ActionPlanView>>($"{url}&cursor={first.NextCursor}");
        Assert.Equal(3, first.TotalCount);
        Assert.Equal(lancashire, first.Items.Concat(second.Items).Select(p => p.Id));
        Assert.Null(second.NextCursor);

        var badPage = await (await admin.GetAsync("/api/v1/action-plans?limit=0&cursor=nonsense", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["cursor", "limit"], badPage.Errors!.Keys.Order());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_scoped_editor_cannot_see_or_change_another_forces_plan(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var inspection = await admin.CreateInspectionAsync();
        var leicestershires = await admin.CreatePlanAsync(PlanTestData.LeicestershirePlan(inspection.Id));
        var lancashires = await admin.CreatePlanAsync(PlanTestData.LancashirePlan(inspection.Id));
        var lancashire = await host.ClientAsync(ApiKeyRole.Editor, "lancashire");

        await (await lancashire.GetAsync($"/api/v1/action-plans/{leicestershires.Id}", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashire.PutJsonAsync($"/api/v1/action-plans/{leicestershires.Id}", PlanTestData.LeicestershirePlan(inspection.Id)))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        var listed = await lancashire.GetAsync<Page<ActionPlanView>>($"/api/v1/action-plans?inspectionId={inspection.Id}");
        Assert.Equal([lancashires.Id], listed.Items.Select(p => p.Id));
        Assert.Empty((await lancashire.GetAsync<Page<ActionPlanView>>($"/api/v1/action-plans?inspectionId={inspection.Id}&forceCode=leicestershire")).Items);

        var problem = await (await lancashire.PostJsonAsync("/api/v1/action-plans", PlanTestData.LeicestershirePlan(inspection.Id)))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("leicestershire", problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_reader_cannot_record_or_correct_a_plan(Provider provider)
    {
        var host = await hosts.For(provider);
        var plan = await host.AdminClient().CreatePlanAsync(PlanTestData.LancashirePlan(null));
        var reader = await host.ClientAsync(ApiKeyRole.Reader, "lancashire");

        await (await reader.PostJsonAsync("/api/v1/action-plans", PlanTestData.LancashirePlan(null))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PutJsonAsync($"/api/v1/action-plans/{plan.Id}", PlanTestData.LancashirePlan(null))).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(plan.Title, (await reader.GetAsync<ActionPlanView>($"/api/v1/action-plans/{plan.Id}")).Title);
    }
}
