using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Committees;
using ComplianceApi.Features.Responses;
using ComplianceApi.Features.Statements;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Statements;

public sealed class PositionStatementsTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_first_statement_lists_every_open_finding_and_every_implemented_one_but_not_the_inapplicable(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var committee = await scenario.CreateCommitteeAsync(admin);

        var preview = await admin.GetAsync<PositionStatementView>($"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07");

        Assert.Null(preview.Id);
        Assert.Null(preview.PreviousStatementId);
        Assert.Equal(
            [(StatementSection.Open, "Recommendation 8"), (StatementSection.Open, "Recommendation 5"), (StatementSection.Implemented, "Recommendation 3")],
            preview.Lines.Select(l => (l.Section, l.FindingReference)));
        Assert.All(preview.Lines, l => Assert.Null(l.Change));
        var r8 = preview.Lines[0];
        Assert.Equal((ResponseStatus.InProgress, Rag.Amber, Rag.Red, true, 189, new DateOnly(2015, 7, 2), "Immediately"),
            (r8.Status, r8.Rag, r8.DerivedRag, r8.IsOverdue, r8.DaysOverdue, r8.DueDate, r8.DeadlineText));
        Assert.Equal(scenario.R8.Id, r8.ResponseId);
        Assert.Equal("Head of Information Management", r8.OwnerRole);
        Assert.StartsWith("Compliant across the archive", r8.PositionStatement);

        // A preview stores nothing: the committee still has no statement to compare with.
        var again = await admin.GetAsync<PositionStatementView>($"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07");
        Assert.Null(again.PreviousStatementId);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_next_statement_shows_what_is_new_moved_newly_green_and_closed_and_leaves_out_what_was_reported_green(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var committee = await scenario.CreateCommitteeAsync(admin);
        var first = await ForceScenario.CreateReportAsync(admin, committee.Id, "Pol 33/15", new DateOnly(2015, 11, 20));
        var issued = await ForceScenario.IssueAsync(admin, first.Id);
        Assert.Equal(["Recommendation 8", "Recommendation 5", "Recommendation 3"], issued.Lines.Select(l => l.FindingReference));

        // After Pol 33/15: Recommendation 5 is implemented and green; Recommendation 8 is re-baselined; Recommendation 7 is new.
        await admin.RecordUpdateAsync(scenario.R5.Id, Update(new DateOnly(2015, 12, 1), ResponseStatus.Implemented, Rag.Green, "The policy is published."));
        await (await admin.PostJsonAsync($"/api/v1/responses/{scenario.R8.Id}/target-date-changes",
            new TargetDateChangeRequest(new DateOnly(2016, 6, 30), "A new IT system is procured in 2016.", new DateOnly(2015, 12, 5))))
            .ReadAsync<TargetDateChangeView>(HttpStatusCode.Created);
        var r7 = await admin.CreateFindingAsync(scenario.InspectionId, FindingTestData.ByNovember2015("Recommendation 7"));
        var response7 = await admin.CreateResponseAsync(r7.Id, Response(scenario.ForceCode));
        await admin.RecordUpdateAsync(response7.Id, Update(new DateOnly(2015, 12, 10), ResponseStatus.InProgress, Rag.Red, "Work has started."));

        var second = await admin.GetAsync<PositionStatementView>($"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07");

        Assert.Equal(issued.Id, second.PreviousStatementId);
        Assert.Equal("Pol 33/15", second.PreviousReportReference);
        Assert.Equal(
            [
                (StatementSection.Open, "Recommendation 8", StatementChange.Moved),
                (StatementSection.Open, "Recommendation 7", StatementChange.New),
                (StatementSection.Implemented, "Recommendation 5", StatementChange.NewlyGreen),
                (StatementSection.NoLongerReported, "Recommendation 3", StatementChange.Closed),
            ],
            second.Lines.Select(l => (l.Section, l.FindingReference, l.Change!.Value)));
        var moved = second.Lines[0];
        Assert.Equal((new DateOnly(2015, 7, 2), new DateOnly(2016, 6, 30), false), (moved.PreviousDueDate, moved.RevisedDueDate, moved.IsOverdue));
        Assert.Equal((ResponseStatus.InProgress, Rag.Amber), (second.Lines[2].PreviousStatus!.Value, second.Lines[2].PreviousRag!.Value));
        Assert.Equal(new StatementChangeCountsView(1, 1, 1, 1, 0), second.Changes);

        // Issued with Pol 49/15, Recommendation 5 has now been reported green: the statement after leaves it out.
        var report = await ForceScenario.CreateReportAsync(admin, committee.Id, "Pol 49/15", new DateOnly(2016, 1, 7));
        await ForceScenario.IssueAsync(admin, report.Id);
        var third = await admin.GetAsync<PositionStatementView>($"/api/v1/committees/{committee.Id}/statement?asOf=2016-02-01");
        Assert.Equal(
            [
                (StatementSection.Open, "Recommendation 8", StatementChange.Unchanged),
                (StatementSection.Open, "Recommendation 7", StatementChange.Unchanged),
                (StatementSection.NoLongerReported, "Recommendation 5", StatementChange.Closed),
            ],
            third.Lines.Select(l => (l.Section, l.FindingReference, l.Change!.Value)));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_implemented_finding_not_reported_green_is_reported_again(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        await admin.RecordUpdateAsync(scenario.R5.Id, Update(new DateOnly(2015, 11, 10), ResponseStatus.Implemented, Rag.Amber, "Awaiting audit."));
        var committee = await scenario.CreateCommitteeAsync(admin);
        var report = await ForceScenario.CreateReportAsync(admin, committee.Id, "Pol 33/15", new DateOnly(2015, 11, 20));
        await ForceScenario.IssueAsync(admin, report.Id);

        var next = await admin.GetAsync<PositionStatementView>($"/api/v1/committees/{committee.Id}/statement?asOf=2016-01-07");

        Assert.Equal(
            [(StatementSection.Open, "Recommendation 8"), (StatementSection.Implemented, "Recommendation 5"), (StatementSection.NoLongerReported, "Recommendation 3")],
            next.Lines.Select(l => (l.Section, l.FindingReference)));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_issued_statement_reads_back_as_issued_and_never_changes(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var committee = await scenario.CreateCommitteeAsync(admin);
        var report = await ForceScenario.CreateReportAsync(admin, committee.Id, "Pol 33/15", new DateOnly(2015, 11, 20));
        var issued = await ForceScenario.IssueAsync(admin, report.Id);
        Assert.Equal(("Pol 33/15", new DateOnly(2015, 11, 20)), (issued.ReportReference, issued.AsOf));

        await admin.RecordUpdateAsync(scenario.R5.Id, Update(new DateOnly(2015, 12, 1), ResponseStatus.Implemented, Rag.Green));
        var read = await admin.GetAsync<PositionStatementView>($"/api/v1/committee-reports/{report.Id}/statement");

        Assert.Equal(issued.Id, read.Id);
        Assert.Equal(issued.Lines, read.Lines);
        Assert.Equal(ResponseStatus.InProgress, read.Lines.Single(l => l.FindingReference == "Recommendation 5").Status);
        var twice = await (await admin.PostJsonAsync($"/api/v1/committee-reports/{report.Id}/statement", new IssueStatementRequest(null)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already issued", twice.Detail);
        var edit = await (await admin.PutJsonAsync($"/api/v1/committee-reports/{report.Id}", new CommitteeReportRequest("Pol 34/15", null, new DateOnly(2015, 11, 21))))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("cannot change", edit.Detail);
        Assert.Equal("Pol 33/15", (await admin.GetAsync<CommitteeReportView>($"/api/v1/committee-reports/{report.Id}")).Reference);
        Assert.Equal(issued.Lines, (await admin.GetAsync<PositionStatementView>($"/api/v1/committee-reports/{report.Id}/statement")).Lines);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_statement_cannot_be_issued_for_the_future_or_before_the_last_one(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();
        var committee = await scenario.CreateCommitteeAsync(admin);
        var later = await ForceScenario.CreateReportAsync(admin, committee.Id, "Pol 49/15", new DateOnly(2016, 1, 7));
        await ForceScenario.IssueAsync(admin, later.Id);
        var earlier = await ForceScenario.CreateReportAsync(admin, committee.Id, "Pol 33/15", new DateOnly(2015, 11, 20));

        var backwards = await (await admin.PostJsonAsync($"/api/v1/committee-reports/{earlier.Id}/statement", new IssueStatementRequest(null)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var future = await (await admin.PostJsonAsync($"/api/v1/committee-reports/{earlier.Id}/statement",
            new IssueStatementRequest(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2)))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("cannot be dated before it", backwards.Detail);
        Assert.Contains("asOf", future.Errors!.Keys);
        Assert.Null((await admin.GetAsync<CommitteeReportView>($"/api/v1/committee-reports/{earlier.Id}")).StatementIssuedAt);
        await (await admin.GetAsync($"/api/v1/committee-reports/{earlier.Id}/statement", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Another_forces_key_cannot_see_or_issue_a_committees_statement(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var committee = await scenario.CreateCommitteeAsync(await host.ClientAsync(ApiKeyRole.Editor, scenario.ForceCode));
        var report = await ForceScenario.CreateReportAsync(host.AdminClient(), committee.Id, "Pol 33/15", new DateOnly(2015, 11, 20));
        var other = await host.ClientAsync(ApiKeyRole.Editor, Lancashire);

        await (await other.GetAsync($"/api/v1/committees/{committee.Id}/statement", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostJsonAsync($"/api/v1/committee-reports/{report.Id}/statement", new IssueStatementRequest(null)))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostJsonAsync("/api/v1/committees", new CommitteeRequest(scenario.ForceCode, "Audit committee", CommitteeBody.AuditCommittee)))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}
