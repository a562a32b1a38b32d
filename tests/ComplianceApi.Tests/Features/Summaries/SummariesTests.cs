using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Summaries;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Summaries;

public sealed class SummariesTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_summary_counts_status_recorded_and_derived_rag_and_names_the_oldest_overdue_item(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);

        var summary = await host.AdminClient().GetAsync<ForceSummaryView>($"/api/v1/forces/{scenario.ForceCode}/summary?asOf=2016-01-07");

        var totals = summary.Totals;
        Assert.Equal(4, totals.Total);
        Assert.Equal(2, totals.Overdue);
        Assert.Equal(new StatusCountsView(0, 0, 2, 1, 0, 1, 0, 0), totals.ByStatus);
        Assert.Equal(new RagCountsView(0, 2, 1, 1), totals.ByRecordedRag);
        Assert.Equal(new RagCountsView(2, 0, 1, 1), totals.ByDerivedRag);
        Assert.Equal(new DateOnly(2015, 7, 2), totals.OldestOverdueDueDate);
        Assert.Equal(189, totals.MostDaysOverdue);
        Assert.Equal(scenario.R8.Id, summary.OldestOverdue?.Id);
        Assert.Equal(189, summary.OldestOverdue?.DaysOverdue);
        var inspection = Assert.Single(summary.Inspections);
        Assert.Equal(scenario.InspectionId, inspection.InspectionId);
        Assert.Equal(totals, inspection.Counts);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_summary_as_of_an_earlier_date_counts_only_what_stood_then(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);

        // On 15 October 2015 only Recommendations 5 and 6 had any history; 5 was not yet due.
        var summary = await host.AdminClient().GetAsync<ForceSummaryView>($"/api/v1/forces/{scenario.ForceCode}/summary?asOf=2015-10-15");

        Assert.Equal(2, summary.Totals.Total);
        Assert.Equal(0, summary.Totals.Overdue);
        Assert.Null(summary.OldestOverdue);
        Assert.Null(summary.Totals.OldestOverdueDueDate);
        Assert.Equal(new StatusCountsView(0, 0, 1, 0, 0, 1, 0, 0), summary.Totals.ByStatus);
        Assert.Equal(new RagCountsView(0, 1, 0, 1), summary.Totals.ByDerivedRag);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Todays_force_summary_counts_what_the_summary_as_of_today_counts_accepted_evidence_included(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var admin = host.AdminClient();

        // Today's counts come from the responses' own columns and the forces' evidence read at once; a date's
        // from each response's history. The implemented response with accepted evidence is derived green.
        var today = await admin.GetAsync<ForceSummaryView>($"/api/v1/forces/{scenario.ForceCode}/summary");
        var folded = await admin.GetAsync<ForceSummaryView>($"/api/v1/forces/{scenario.ForceCode}/summary?asOf={today.AsOf:yyyy-MM-dd}");

        Assert.Equal(1, today.Totals.ByDerivedRag.Green);
        Assert.Equal(folded.Totals, today.Totals);
        Assert.Equal(folded.Inspections, today.Inspections);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_collaborations_summary_counts_its_members_responses(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var scenario = await ForceScenario.CreateAsync(host);
        var collaboration = await ForceScenario.NewForceAsync(admin, ForceKind.Collaboration, [scenario.ForceCode]);

        var summary = await admin.GetAsync<ForceSummaryView>($"/api/v1/forces/{collaboration}/summary?asOf=2016-01-07");

        Assert.Equal([collaboration, scenario.ForceCode], summary.ForceCodes);
        Assert.Equal(4, summary.Totals.Total);
        Assert.Equal(2, summary.Totals.Overdue);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_scoped_key_summarises_its_own_force_only(Provider provider)
    {
        var host = await hosts.For(provider);
        var scenario = await ForceScenario.CreateAsync(host);
        var own = await host.ClientAsync(ApiKeyRole.Reader, scenario.ForceCode);
        var other = await host.ClientAsync(ApiKeyRole.Reader, Lancashire);

        Assert.Equal(4, (await own.GetAsync<ForceSummaryView>($"/api/v1/forces/{scenario.ForceCode}/summary?asOf=2016-01-07")).Totals.Total);
        await (await other.GetAsync($"/api/v1/forces/{scenario.ForceCode}/summary", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await own.GetAsync("/api/v1/forces/no-such-force/summary", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_finding_summary_shows_where_every_force_stood_and_who_has_not_responded(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var (first, second, silent) = (await ForceScenario.NewForceAsync(admin), await ForceScenario.NewForceAsync(admin), await ForceScenario.NewForceAsync(admin));
        var inspection = await admin.CreateInspectionAsync(TestData.Inspection(forcesInScope: [first, second, silent]));
        var r8 = await admin.CreateFindingAsync(inspection.Id, FindingTestData.Recommendation());
        var late = await admin.CreateResponseAsync(r8.Id, Response(first) with { OwnerName = "Carl Melling" });
        await admin.RecordUpdateAsync(late.Id, Update(new DateOnly(2015, 10, 21), ResponseStatus.InProgress, Rag.Amber));
        var done = await admin.CreateResponseAsync(r8.Id, Response(second));
        await admin.RecordUpdateAsync(done.Id, Update(new DateOnly(2015, 7, 1), ResponseStatus.Implemented, Rag.Green));

        var summary = await admin.GetAsync<FindingSummaryView>($"/api/v1/findings/{r8.Id}/summary?asOf=2016-01-07");

        Assert.Equal("Recommendation 8", summary.FindingReference);
        Assert.Equal(new DateOnly(2015, 7, 2), summary.DueDate);
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), summary.ForceResponses.Select(r => r.ForceCode));
        var lateView = summary.ForceResponses.Single(r => r.ForceCode == first);
        Assert.Equal((ResponseStatus.InProgress, Rag.Amber, Rag.Red, true, 189, "Carl Melling"),
            (lateView.Status, lateView.Rag, lateView.DerivedRag, lateView.IsOverdue, lateView.DaysOverdue, lateView.OwnerName));
        Assert.False(summary.ForceResponses.Single(r => r.ForceCode == second).IsOverdue);
        Assert.Equal([silent], summary.ForcesWithoutResponse);
        Assert.Equal((2, 1, 1, 1), (summary.Counts.Total, summary.Counts.Overdue, summary.Counts.ByStatus.Implemented, summary.Counts.ByRecordedRag.Green));

        var scoped = await host.ClientAsync(ApiKeyRole.Reader, first);
        var seen = await scoped.GetAsync<FindingSummaryView>($"/api/v1/findings/{r8.Id}/summary?asOf=2016-01-07");
        Assert.Equal([first], seen.ForceResponses.Select(r => r.ForceCode));
        Assert.Empty(seen.ForcesWithoutResponse);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_gradings_summary_of_an_inspection_counts_each_grade_per_area(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var inspection = await admin.CreateInspectionAsync(
            TestData.Inspection(Unique.Slug("peel-2017"), forcesInScope: ["essex", "kent", "norfolk"], type: InspectionType.Peel));
        await admin.CreateGradingAsync(inspection.Id, FindingTestData.Grading("essex", Grade.Good));
        await admin.CreateGradingAsync(inspection.Id, FindingTestData.Grading("kent", Grade.Inadequate));
        await admin.CreateGradingAsync(inspection.Id, FindingTestData.Grading("norfolk", Grade.Inadequate));
        await admin.CreateGradingAsync(inspection.Id, FindingTestData.Grading("kent", Grade.RequiresImprovement, "Effectiveness"));

        var summary = await admin.GetAsync<GradingsSummaryView>($"/api/v1/inspections/{inspection.Id}/gradings/summary");

        Assert.Equal(["Effectiveness", "Overall"], summary.Areas.Select(a => a.Area));
        var overall = summary.Areas.Single(a => a.Area == "Overall");
        Assert.Equal(new GradeCountsView(0, 1, 0, 2), overall.Counts);
        Assert.Equal(["essex", "kent", "norfolk"], overall.Grades.Select(g => g.ForceCode));
        Assert.Equal(new GradeCountsView(0, 0, 1, 0), summary.Areas.Single(a => a.Area == "Effectiveness").Counts);
        await (await admin.GetAsync($"/api/v1/inspections/{Guid.NewGuid()}/gradings/summary", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_crime_data_integrity_round_counts_the_grades_of_every_inspection_published_in_it(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var publishedOn = new DateOnly(1999, 3, 1).AddDays(Random.Shared.Next(3000));
        var grades = new[] { Grade.Good, Grade.RequiresImprovement, Grade.Inadequate, Grade.Inadequate };
        var forces = new List<string>();
        foreach (var grade in grades)
        {
            var force = await ForceScenario.NewForceAsync(admin);
            forces.Add(force);
            var cdi = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity(force) with { PublishedOn = publishedOn });
            await admin.CreateGradingAsync(cdi.Id, FindingTestData.Grading(force, grade, givenOn: publishedOn));
        }

        var day = publishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var summary = await admin.GetAsync<GradingsSummaryView>(
            $"/api/v1/gradings/summary?inspectionType=CrimeDataIntegrity&publishedFrom={day}&publishedTo={day}");

        Assert.Equal(4, summary.Inspections);
        var overall = Assert.Single(summary.Areas);
        Assert.Equal(new GradeCountsView(0, 1, 1, 2), overall.Counts);
        Assert.Equal(forces.Order(StringComparer.Ordinal), overall.Grades.Select(g => g.ForceCode));
        await (await admin.GetAsync("/api/v1/gradings/summary?inspectionType=CrimeDataIntegrity&publishedFrom=2020-01-02&publishedTo=2020-01-01",
            TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.BadRequest);
    }
}
