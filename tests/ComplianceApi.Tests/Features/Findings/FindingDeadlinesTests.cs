using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Findings;
using ComplianceApi.Features.Inspections;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Features.Findings;

/// <summary>A finding's deadline words, the due date they resolve to against the report's publication date, and corrections of either.</summary>
public sealed class FindingDeadlinesTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_finding_keeps_its_deadline_words_and_the_due_date_they_resolve_to(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("norfolk"));
        var cause = await admin.CreateFindingAsync(inspection.Id, FindingTestData.CauseOfConcern("norfolk"));

        var created = await admin.CreateFindingAsync(inspection.Id, FindingTestData.AnsweringRecommendation("norfolk", cause.Id));

        var read = await admin.GetAsync<FindingView>($"/api/v1/findings/{created.Id}");
        Assert.Equal("Within three months", read.DeadlineText);
        Assert.Equal(new DateOnly(2018, 9, 28), read.DueDate); // published 28 June 2018
        Assert.Equal(DeadlineKind.Relative, read.DeadlineKind);
        Assert.Equal(DeadlinePrecision.Day, read.DeadlinePrecision);
        Assert.Equal((DeadlineKind.None, (DateOnly?)null, (DeadlinePrecision?)null), (cause.DeadlineKind, cause.DueDate, cause.DeadlinePrecision));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Deadline_words_that_do_not_resolve_are_refused_with_422_and_nothing_changes(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());
        var existing = await admin.CreateFindingAsync(inspection.Id, FindingTestData.ByNovember2015("Recommendation 1"));
        var bySpring = FindingTestData.Recommendation("Recommendation 2", deadlineText: "by spring 2016") with { DueDate = null };

        var onCreate = await (await admin.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/findings", bySpring))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var onUpdate = await (await admin.PutJsonAsync($"/api/v1/findings/{existing.Id}", bySpring with { Reference = "Recommendation 1", Text = "Changed" }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("\"by spring 2016\"", onCreate.Detail);
        Assert.Contains("give the due date explicitly", onUpdate.Detail);
        Assert.Equal([existing.Id], (await admin.GetAsync<Page<FindingView>>($"/api/v1/inspections/{inspection.Id}/findings")).Items.Select(f => f.Id));
        var unchanged = await admin.GetAsync<FindingView>($"/api/v1/findings/{existing.Id}");
        Assert.Equal(("by November 2015", new DateOnly(2015, 11, 30), FindingTestData.ByNovember2015Text),
            (unchanged.DeadlineText, unchanged.DueDate, unchanged.Text));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_due_date_given_explicitly_is_kept_beside_words_that_do_not_resolve(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());

        var created = await admin.CreateFindingAsync(inspection.Id,
            FindingTestData.Recommendation("Recommendation 2", deadlineText: "by spring 2016", dueDate: new DateOnly(2016, 5, 31)));
        var disagreeing = await admin.CreateFindingAsync(inspection.Id,
            FindingTestData.Recommendation("Recommendation 3", deadlineText: "within six months", dueDate: new DateOnly(2016, 3, 31)));

        var read = await admin.GetAsync<FindingView>($"/api/v1/findings/{created.Id}");
        Assert.Equal(("by spring 2016", new DateOnly(2016, 5, 31), DeadlineKind.Explicit, DeadlinePrecision.AsSupplied),
            (read.DeadlineText, read.DueDate, read.DeadlineKind, read.DeadlinePrecision));
        Assert.Equal((new DateOnly(2016, 3, 31), DeadlineKind.Explicit), (disagreeing.DueDate, disagreeing.DeadlineKind));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task In_a_report_without_a_publication_date_a_relative_deadline_needs_its_due_date_given(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var restricted = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture() with
        {
            Title = "Real lives, real crime: a study of digital crime and policing", PublishedOn = null, PublicationStatus = PublicationStatus.Restricted,
        });
        var withinSixMonths = FindingTestData.Recommendation("Recommendation 1", deadlineText: "within six months") with { DueDate = null };

        var problem = await (await admin.PostJsonAsync($"/api/v1/inspections/{restricted.Id}/findings", withinSixMonths))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var given = await admin.CreateFindingAsync(restricted.Id, withinSixMonths with { DueDate = new DateOnly(2016, 1, 31) });

        Assert.Contains("the report has none", problem.Detail);
        Assert.Equal((new DateOnly(2016, 1, 31), DeadlineKind.Explicit), (given.DueDate, given.DeadlineKind));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Correcting_the_publication_date_moves_immediate_and_relative_deadlines_and_leaves_fixed_and_explicit_ones(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var request = FindingTestData.BuildingThePicture();
        var inspection = await admin.CreateInspectionAsync(request);
        var immediate = await admin.CreateFindingAsync(inspection.Id, FindingTestData.Recommendation("Recommendation 8") with { DueDate = null });
        var relative = await admin.CreateFindingAsync(inspection.Id, FindingTestData.Recommendation("Recommendation 9", deadlineText: "within six months") with { DueDate = null });
        var fixedDate = await admin.CreateFindingAsync(inspection.Id, FindingTestData.ByNovember2015("Recommendation 1"));
        var explicitDate = await admin.CreateFindingAsync(inspection.Id,
            FindingTestData.Recommendation("Recommendation 2", deadlineText: "within six months", dueDate: new DateOnly(2016, 3, 31)));

        await (await admin.PutJsonAsync($"/api/v1/inspections/{inspection.Id}", request with { PublishedOn = new DateOnly(2015, 7, 9) }))
            .ReadAsync<InspectionView>();

        async Task<FindingView> ReadAsync(FindingView finding) => await admin.GetAsync<FindingView>($"/api/v1/findings/{finding.Id}");
        var movedImmediate = await ReadAsync(immediate);
        Assert.Equal((new DateOnly(2015, 7, 9), DeadlineKind.Immediate), (movedImmediate.DueDate, movedImmediate.DeadlineKind));
        Assert.True(movedImmediate.UpdatedAt > immediate.UpdatedAt);
        Assert.Equal(new DateOnly(2016, 1, 9), (await ReadAsync(relative)).DueDate);
        Assert.Equal(new DateOnly(2015, 11, 30), (await ReadAsync(fixedDate)).DueDate);
        Assert.Equal(new DateOnly(2016, 3, 31), (await ReadAsync(explicitDate)).DueDate);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_publication_date_that_deadlines_count_from_cannot_be_removed(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var request = FindingTestData.BuildingThePicture();
        var inspection = await admin.CreateInspectionAsync(request);
        var relative = await admin.CreateFindingAsync(inspection.Id, FindingTestData.Recommendation("Recommendation 9", deadlineText: "within six months") with { DueDate = null });

        var problem = await (await admin.PutJsonAsync($"/api/v1/inspections/{inspection.Id}", request with { PublishedOn = null, Title = "Changed" }))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("Recommendation 9", problem.Detail);
        var unchanged = await admin.GetAsync<InspectionView>($"/api/v1/inspections/{inspection.Id}");
        Assert.Equal((new DateOnly(2015, 7, 2), request.Title), (unchanged.PublishedOn, unchanged.Title));
        Assert.Equal(new DateOnly(2016, 1, 2), (await admin.GetAsync<FindingView>($"/api/v1/findings/{relative.Id}")).DueDate);
    }
}
