using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Audit;
using ComplianceApi.Features.Inspections;
using ComplianceApi.Features.ReportResponses;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Features.ReportResponses;

public sealed class ReportResponsesTests(TestHosts hosts)
{
    private static DateOnly Today => TimeProvider.System.Today();

    /// <summary>A force inspection of one force, published on the date given.</summary>
    private static InspectionRequest ForceReport(string forceCode, DateOnly publishedOn) =>
        FindingTestData.CrimeDataIntegrity(forceCode) with { PublishedOn = publishedOn };

    private static ReportResponseRequest Response(string forceCode, IReadOnlyList<RecommendationAnswerRequest>? recommendations = null, DateOnly? publishedOn = null, string? publishedAt = null) =>
        new(forceCode, null, null, null, null, null, publishedOn, publishedAt, recommendations);

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_editor_records_its_commissioners_response_with_the_deadline_counted_from_the_reports_publication(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var inspection = await admin.CreateInspectionAsync(ForceReport("lancashire", new DateOnly(2017, 11, 28)));
        var cause = await admin.CreateFindingAsync(inspection.Id, FindingTestData.CauseOfConcern("lancashire"));
        var recommendation = await admin.CreateFindingAsync(inspection.Id, FindingTestData.AnsweringRecommendation("lancashire", cause.Id));
        var editor = await host.ClientAsync(ApiKeyRole.Editor, "lancashire");

        var request = new ReportResponseRequest("lancashire", null, null, new DateOnly(2017, 11, 29), new DateOnly(2017, 12, 20), new DateOnly(2017, 12, 19),
            new DateOnly(2018, 1, 22), "https://www.lancashire-pcc.gov.uk/hmicfrs-crime-data-integrity-response/",
            [new(recommendation.Id, RecommendationAction.ToBeTaken, "A crime recording action plan, overseen by the Force Crime Registrar, by March 2018.")]);
        var posted = await editor.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/report-responses", request);
        var created = await posted.ReadAsync<ReportResponseView>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/report-responses/{created.Id}", posted.Headers.Location?.OriginalString);
        var read = await editor.GetAsync<ReportResponseView>($"/api/v1/report-responses/{created.Id}");
        Assert.Equal(LocalPolicingBodyKind.PoliceAndCrimeCommissioner, read.BodyKind);
        Assert.Equal("Police and Crime Commissioner for Lancashire", read.BodyName);
        Assert.Equal(new DateOnly(2017, 11, 28), read.ReportPublishedOn);
        Assert.Equal(new DateOnly(2018, 1, 22), read.PublicationDueOn);
        Assert.Equal((DateOnly?)new DateOnly(2017, 12, 20), read.CommentsDueOn);
        Assert.Equal((DateOnly?)new DateOnly(2017, 12, 19), read.CommentsReceivedOn);
        Assert.False(read.PublishedLate);
        Assert.Null(read.DaysLeft);
        Assert.False(read.Overdue);
        var answer = Assert.Single(read.Recommendations);
        Assert.Equal((recommendation.Id, "Recommendation 1", RecommendationAction.ToBeTaken), (answer.FindingId, answer.FindingReference, answer.Action));
        Assert.NotNull(read.Etag);

        var events = await admin.GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?recordId={created.Id}");
        Assert.Equal(["report_response.created"], events.Items.Select(e => e.Kind));
        Assert.Equal("lancashire", events.Items[0].ForceCode);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_response_published_on_day_56_is_on_time_and_one_published_on_day_57_is_late(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(ForceReport("kent", new DateOnly(2016, 2, 5)));
        var created = await (await admin.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/report-responses", Response("kent")))
            .ReadAsync<ReportResponseView>(HttpStatusCode.Created);
        Assert.Equal(new DateOnly(2016, 3, 31), created.PublicationDueOn);
        Assert.True(created.Overdue);
        Assert.Equal(new DateOnly(2016, 3, 31).DayNumber - Today.DayNumber, created.DaysLeft);

        var onDay56 = await (await admin.PutJsonAsync($"/api/v1/report-responses/{created.Id}", Response("kent", publishedOn: new DateOnly(2016, 3, 31), publishedAt: "Police and Crime Panel, 31 March 2016")))
            .ReadAsync<ReportResponseView>();
        var onDay57 = await (await admin.PutJsonAsync($"/api/v1/report-responses/{created.Id}", Response("kent", publishedOn: new DateOnly(2016, 4, 1))))
            .ReadAsync<ReportResponseView>();

        Assert.Equal((false, false, (int?)null), (onDay56.PublishedLate!.Value, onDay56.Overdue, onDay56.DaysLeft));
        Assert.Equal("Police and Crime Panel, 31 March 2016", onDay56.PublishedAt);
        Assert.Equal((true, false), (onDay57.PublishedLate!.Value, onDay57.Overdue));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_body_defaults_to_MOPAC_the_Common_Council_or_a_mayor_and_can_be_named_instead(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var report = await admin.CreateInspectionAsync(
            TestData.Inspection(Unique.Slug("peel-2018"), forcesInScope: ["metropolitan", "city-of-london", "greater-manchester", "essex"], type: InspectionType.Peel)
                with { PublishedOn = new DateOnly(2018, 5, 3) });

        async Task<ReportResponseView> Record(ReportResponseRequest request) =>
            await (await admin.PostJsonAsync($"/api/v1/inspections/{report.Id}/report-responses", request)).ReadAsync<ReportResponseView>(HttpStatusCode.Created);

        var met = await Record(Response("metropolitan"));
        var city = await Record(Response("city-of-london"));
        var manchester = await Record(Response("greater-manchester"));
        var essex = await Record(Response("essex") with { BodyKind = LocalPolicingBodyKind.PoliceFireAndCrimeCommissioner, BodyName = "Police, Fire and Crime Commissioner for Essex" });

        Assert.Equal((LocalPolicingBodyKind.MayorsOfficeForPolicingAndCrime, "Mayor's Office for Policing and Crime"), (met.BodyKind, met.BodyName));
        Assert.Equal((LocalPolicingBodyKind.CommonCouncil, "Common Council of the City of London"), (city.BodyKind, city.BodyName));
        Assert.Equal((LocalPolicingBodyKind.Mayor, "Mayor of Greater Manchester"), (manchester.BodyKind, manchester.BodyName));
        Assert.Equal((LocalPolicingBodyKind.PoliceFireAndCrimeCommissioner, "Police, Fire and Crime Commissioner for Essex"), (essex.BodyKind, essex.BodyName));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Responses_are_listed_overdue_or_falling_due_with_their_days_left(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var report = await admin.CreateInspectionAsync(
            TestData.Inspection(Unique.Slug("thematic"), forcesInScope: ["surrey", "sussex", "dorset"]) with { PublishedOn = Today.AddDays(-45) });
        var older = await admin.CreateInspectionAsync(
            TestData.Inspection(Unique.Slug("thematic"), forcesInScope: ["surrey"]) with { PublishedOn = Today.AddDays(-60) });

        async Task<ReportResponseView> Record(Guid inspectionId, ReportResponseRequest request) =>
            await (await admin.PostJsonAsync($"/api/v1/inspections/{inspectionId}/report-responses", request)).ReadAsync<ReportResponseView>(HttpStatusCode.Created);

        var surrey = await Record(report.Id, Response("surrey"));
        var sussex = await Record(report.Id, Response("sussex"));
        var dorset = await Record(report.Id, Response("dorset", publishedOn: Today.AddDays(-1)));
        var surreyOverdue = await Record(older.Id, Response("surrey"));

        Assert.Equal(10, surrey.DaysLeft);
        Assert.Equal(-5, surreyOverdue.DaysLeft);
        var overdue = await admin.GetAsync<Page<ReportResponseView>>("/api/v1/report-responses?overdue=true&forceCode=surrey&limit=200");
        Assert.Contains(overdue.Items, r => r.Id == surreyOverdue.Id && r.Overdue && r.DaysLeft == -5);
        Assert.DoesNotContain(overdue.Items, r => r.Id == surrey.Id || !r.Overdue);
        var dueSoon = await admin.GetAsync<Page<ReportResponseView>>($"/api/v1/report-responses?dueWithinDays=10&inspectionId={report.Id}");
        Assert.Equal(new[] { surrey.Id, sussex.Id }.Order(), dueSoon.Items.Select(r => r.Id).Order());
        Assert.All(dueSoon.Items, r => Assert.Equal(10, r.DaysLeft));
        Assert.Empty((await admin.GetAsync<Page<ReportResponseView>>($"/api/v1/report-responses?dueWithinDays=9&inspectionId={report.Id}")).Items);
        var notOverdue = await admin.GetAsync<Page<ReportResponseView>>($"/api/v1/report-responses?overdue=false&inspectionId={report.Id}");
        Assert.Equal(3, notOverdue.TotalCount);
        Assert.Contains(notOverdue.Items, r => r.Id == dorset.Id && r.PublishedLate == false && r.DaysLeft is null);
        await (await admin.GetAsync("/api/v1/report-responses?dueWithinDays=-1", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/v1/report-responses?forceCode=atlantis", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_scoped_key_sees_and_writes_only_its_own_forces_responses(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var report = await admin.CreateInspectionAsync(TestData.Inspection(Unique.Slug("thematic"), forcesInScope: ["cumbria", "durham"]));
        var durham = await (await admin.PostJsonAsync($"/api/v1/inspections/{report.Id}/report-responses", Response("durham")))
            .ReadAsync<ReportResponseView>(HttpStatusCode.Created);
        var cumbriaEditor = await host.ClientAsync(ApiKeyRole.Editor, "cumbria");
        var cumbriaReader = await host.ClientAsync(ApiKeyRole.Reader, "cumbria");

        await (await cumbriaEditor.GetAsync($"/api/v1/report-responses/{durham.Id}", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await cumbriaEditor.PutJsonAsync($"/api/v1/report-responses/{durham.Id}", Response("durham"))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await cumbriaEditor.PostJsonAsync($"/api/v1/inspections/{report.Id}/report-responses", Response("durham"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await cumbriaReader.PostJsonAsync($"/api/v1/inspections/{report.Id}/report-responses", Response("cumbria"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await cumbriaEditor.GetAsync<Page<ReportResponseView>>($"/api/v1/report-responses?inspectionId={report.Id}")).Items);

        var cumbria = await (await cumbriaEditor.PostJsonAsync($"/api/v1/inspections/{report.Id}/report-responses", Response("cumbria")))
            .ReadAsync<ReportResponseView>(HttpStatusCode.Created);
        Assert.Equal([cumbria.Id], (await cumbriaReader.GetAsync<Page<ReportResponseView>>($"/api/v1/report-responses?inspectionId={report.Id}")).Items.Select(r => r.Id));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Responses_are_refused_to_unpublished_reports_forces_out_of_scope_and_other_reports_recommendations(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var restricted = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("wiltshire") with { PublicationStatus = PublicationStatus.Restricted });
        var report = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("wiltshire"));
        var other = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("wiltshire"));
        var elsewhere = await admin.CreateFindingAsync(other.Id, FindingTestData.Recommendation(addressees: [FindingTestData.ToForce("wiltshire")]));
        var notRecommendation = await admin.CreateFindingAsync(report.Id, FindingTestData.CauseOfConcern("wiltshire"));

        async Task<HttpAssertions.Problem> Refused(Guid inspectionId, ReportResponseRequest request, HttpStatusCode status) =>
            await (await admin.PostJsonAsync($"/api/v1/inspections/{inspectionId}/report-responses", request)).ReadProblemAsync(status);

        Assert.Contains("has not been published", (await Refused(restricted.Id, Response("wiltshire"), HttpStatusCode.Conflict)).Detail);
        Assert.Contains("not in the scope", (await Refused(report.Id, Response("gwent"), HttpStatusCode.Conflict)).Detail);
        Assert.Contains("is not a recommendation of this report",
            (await Refused(report.Id, Response("wiltshire", [new(elsewhere.Id, RecommendationAction.Taken, "Done.")]), HttpStatusCode.Conflict)).Detail);
        Assert.Contains("is not a recommendation of this report",
            (await Refused(report.Id, Response("wiltshire", [new(notRecommendation.Id, RecommendationAction.None, "Not ours.")]), HttpStatusCode.Conflict)).Detail);
        Assert.Contains("before the report was",
            (await Refused(report.Id, Response("wiltshire", publishedOn: new DateOnly(2018, 6, 27)), HttpStatusCode.Conflict)).Detail);
        var invalid = (await Refused(report.Id, new ReportResponseRequest("", null, "Someone", null, null, null, null, "", [new(Guid.Empty, RecommendationAction.None, "")]), HttpStatusCode.BadRequest));
        Assert.Equal(["bodyKind", "forceCode", "publishedAt", "recommendations[0].explanation", "recommendations[0].findingId"], invalid.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains($"'{Guid.Parse("0196b0a5-0000-7000-8000-000000000000")}'",
            Assert.Single((await Refused(report.Id, Response("wiltshire", [new(Guid.Parse("0196b0a5-0000-7000-8000-000000000000"), RecommendationAction.None, "Why.")]), HttpStatusCode.BadRequest)).Errors!["recommendations"]));
        await Refused(Guid.NewGuid(), Response("wiltshire"), HttpStatusCode.NotFound);

        await (await admin.PostJsonAsync($"/api/v1/inspections/{report.Id}/report-responses", Response("wiltshire"))).ReadAsync<ReportResponseView>(HttpStatusCode.Created);
        Assert.Contains("already has", (await Refused(report.Id, Response("wiltshire"), HttpStatusCode.Conflict)).Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Correcting_the_reports_publication_date_moves_the_deadline(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var request = FindingTestData.CrimeDataIntegrity("suffolk") with { PublishedOn = new DateOnly(2015, 12, 10) };
        var report = await admin.CreateInspectionAsync(request);
        var created = await (await admin.PostJsonAsync($"/api/v1/inspections/{report.Id}/report-responses", Response("suffolk")))
            .ReadAsync<ReportResponseView>(HttpStatusCode.Created);
        Assert.Equal(new DateOnly(2016, 2, 3), created.PublicationDueOn);

        await (await admin.PutJsonAsync($"/api/v1/inspections/{report.Id}", request with { PublishedOn = new DateOnly(2016, 2, 5) })).ReadAsync<InspectionView>();

        var moved = await admin.GetAsync<ReportResponseView>($"/api/v1/report-responses/{created.Id}");
        Assert.Equal((new DateOnly(2016, 2, 5), new DateOnly(2016, 3, 31)), (moved.ReportPublishedOn, moved.PublicationDueOn));
    }
}
