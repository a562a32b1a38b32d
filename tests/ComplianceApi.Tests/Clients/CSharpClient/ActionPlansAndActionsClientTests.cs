using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class ActionPlansAndActionsClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Lancashire_records_a_plan_with_one_action_serving_two_findings(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var lancashire = await admin.IssueKeyAsync(ApiKeyRole.Editor, Lancashire);
        var inspection = await admin.CreateBuildingThePictureAsync();
        var recommendation8 = await admin.Findings.CreateFindingAsync(inspection.Id, Recommendation8(), cancellationToken: Ct);
        var recommendation9 = await admin.Findings.CreateFindingAsync(inspection.Id, ByNovember2015("Recommendation 9"), cancellationToken: Ct);

        var plan = await lancashire.ActionPlans.CreateActionPlanAsync(LancashirePlan(inspection.Id), cancellationToken: Ct);
        var action = await lancashire.ActionPlans.CreatePlanActionAsync(plan.Id, RecruitRecordsManager(recommendation8.Id, recommendation9.Id), cancellationToken: Ct);

        var readPlan = await lancashire.ActionPlans.GetActionPlanAsync(plan.Id, cancellationToken: Ct);
        Assert.Equal((Lancashire, inspection.Id, "Head of Information Management"), (readPlan.ForceCode, readPlan.InspectionId, readPlan.OwnerName));
        Assert.Equal("Building the picture: information management action plan", readPlan.Title);
        var read = await lancashire.ActionPlans.GetActionAsync(action.Id, cancellationToken: Ct);
        Assert.Equal((plan.Id, Lancashire, "Recruit a Force Records Manager"), (read.PlanId, read.ForceCode, read.Title));
        Assert.Equal((ActionStatus.InProgress, new DateOnly(2016, 3, 31), null), (read.Status, read.DueOn, read.CompletedOn));
        Assert.Equal(new[] { recommendation8.Id, recommendation9.Id }.Order(), read.FindingIds.Order());

        Assert.Equal([action.Id], (await lancashire.ActionPlans.ListPlanActionsAsync(plan.Id, cancellationToken: Ct)).Items.Select(a => a.Id));
        foreach (var finding in new[] { recommendation8, recommendation9 })
        {
            var serving = await lancashire.ActionPlans.ListActionsAsync(findingId: finding.Id, cancellationToken: Ct);
            Assert.Equal([action.Id], serving.Items.Select(a => a.Id));
        }

        var dueByApril = await lancashire.ActionPlans.ListActionsAsync(
            planId: plan.Id, status: ActionStatus.InProgress, dueBefore: new DateOnly(2016, 4, 1), cancellationToken: Ct);
        var dueByMarch = await lancashire.ActionPlans.ListActionsAsync(
            planId: plan.Id, status: ActionStatus.InProgress, dueBefore: new DateOnly(2016, 3, 31), cancellationToken: Ct);
        Assert.Equal([action.Id], dueByApril.Items.Select(a => a.Id));
        Assert.Empty(dueByMarch.Items);
        Assert.Contains(plan.Id, (await lancashire.ActionPlans.ListActionPlansAsync(inspectionId: inspection.Id, cancellationToken: Ct)).Items.Select(p => p.Id));
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Completing_an_action_records_its_completion_date_and_the_findings_it_now_serves(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var lancashire = await admin.IssueKeyAsync(ApiKeyRole.Editor, Lancashire);
        var inspection = await admin.CreateBuildingThePictureAsync();
        var recommendation8 = await admin.Findings.CreateFindingAsync(inspection.Id, Recommendation8(), cancellationToken: Ct);
        var recommendation9 = await admin.Findings.CreateFindingAsync(inspection.Id, ByNovember2015("Recommendation 9"), cancellationToken: Ct);
        var plan = await lancashire.ActionPlans.CreateActionPlanAsync(LancashirePlan(inspection.Id), cancellationToken: Ct);
        var action = await lancashire.ActionPlans.CreatePlanActionAsync(plan.Id, RecruitRecordsManager(recommendation8.Id), cancellationToken: Ct);

        var completion = RecruitRecordsManager(recommendation8.Id, recommendation9.Id);
        completion.Status = ActionStatus.Completed;
        completion.CompletedOn = new DateOnly(2016, 3, 7);
        completion.OwnerRole = null;
        var completed = await lancashire.ActionPlans.UpdateActionAsync(action.Id, completion, cancellationToken: Ct);
        var replan = LancashirePlan(null);
        replan.OwnerName = null;
        var plainPlan = await lancashire.ActionPlans.UpdateActionPlanAsync(plan.Id, replan, cancellationToken: Ct);

        Assert.Equal((ActionStatus.Completed, new DateOnly(2016, 3, 7)), (completed.Status, completed.CompletedOn));
        var read = await lancashire.ActionPlans.GetActionAsync(action.Id, cancellationToken: Ct);
        Assert.Null(read.OwnerRole);
        Assert.Equal(2, read.FindingIds.Count);
        Assert.Equal((null, null), (plainPlan.InspectionId, plainPlan.OwnerName));
        var completedInPlan = await lancashire.ActionPlans.ListActionsAsync(planId: plan.Id, status: ActionStatus.Completed, cancellationToken: Ct);
        Assert.Equal([action.Id], completedInPlan.Items.Select(a => a.Id));
    }
}
