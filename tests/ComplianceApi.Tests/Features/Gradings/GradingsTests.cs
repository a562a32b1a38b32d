using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Gradings;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Features.Gradings;

public sealed class GradingsTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_admin_records_a_crime_data_integrity_grade_and_reads_it_back(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("greater-manchester"));

        var response = await admin.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/gradings",
            FindingTestData.Grading("greater-manchester", Grade.Inadequate, givenOn: new DateOnly(2020, 12, 10)));
        var created = await response.ReadAsync<GradingView>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/gradings/{created.Id}", response.Headers.Location?.OriginalString);
        var read = await admin.GetAsync<GradingView>($"/api/v1/gradings/{created.Id}");
        Assert.Equal(inspection.Id, read.InspectionId);
        Assert.Equal("greater-manchester", read.ForceCode);
        Assert.Equal(Grading.WholeReport, read.Area);
        Assert.Equal(Grade.Inadequate, read.Grade);
        Assert.Equal(new DateOnly(2020, 12, 10), read.GivenOn);
        Assert.Equal(created.CreatedAt, read.CreatedAt, TimeSpan.FromMilliseconds(1));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Regrading_changes_the_grade_and_date_but_not_the_force_or_area(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("norfolk"));
        var created = await admin.CreateGradingAsync(inspection.Id, FindingTestData.Grading("norfolk", Grade.RequiresImprovement));

        var regraded = await (await admin.PutJsonAsync($"/api/v1/gradings/{created.Id}",
            FindingTestData.Grading("norfolk", Grade.Good, Grading.WholeReport, new DateOnly(2019, 3, 14)))).ReadAsync<GradingView>();
        Assert.Equal(Grade.Good, regraded.Grade);
        Assert.Equal(new DateOnly(2019, 3, 14), regraded.GivenOn);
        Assert.Equal(Grade.Good, (await admin.GetAsync<GradingView>($"/api/v1/gradings/{created.Id}")).Grade);

        var otherForce = await (await admin.PutJsonAsync($"/api/v1/gradings/{created.Id}", FindingTestData.Grading("suffolk", Grade.Good)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var otherArea = await (await admin.PutJsonAsync($"/api/v1/gradings/{created.Id}", FindingTestData.Grading("norfolk", Grade.Good, "Effectiveness")))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("cannot change", otherForce.Detail);
        Assert.Contains("cannot change", otherArea.Detail);
        Assert.Equal(Grade.Good, (await admin.GetAsync<GradingView>($"/api/v1/gradings/{created.Id}")).Grade);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_second_grading_of_a_force_for_the_same_area_is_refused(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(
            TestData.Inspection(Unique.Slug("peel-2021-22-essex"), forcesInScope: ["essex"], type: InspectionType.Peel));
        await admin.CreateGradingAsync(inspection.Id, FindingTestData.Grading("essex", Grade.Good, "Preventing crime"));

        var problem = await (await admin.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/gradings",
            FindingTestData.Grading("essex", Grade.Outstanding, "Preventing crime"))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("already graded force 'essex' for 'Preventing crime'", problem.Detail);
        await admin.CreateGradingAsync(inspection.Id, FindingTestData.Grading("essex", Grade.RequiresImprovement, "Investigating crime"));
        await admin.CreateGradingAsync(inspection.Id, FindingTestData.Grading("essex", Grade.Good));
        var page = await admin.GetAsync<Page<GradingView>>($"/api/v1/gradings?inspectionId={inspection.Id}");
        Assert.Equal(["Investigating crime", "Overall", "Preventing crime"], page.Items.Select(g => g.Area).Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_outside_the_inspections_scope_cannot_be_graded(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("staffordshire"));

        var problem = await (await admin.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/gradings",
            FindingTestData.Grading("west-midlands", Grade.Inadequate))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("'west-midlands' is not in the scope", problem.Detail);
        Assert.Equal(0, (await admin.GetAsync<Page<GradingView>>($"/api/v1/gradings?inspectionId={inspection.Id}")).TotalCount);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_invalid_grading_is_refused_field_by_field(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("kent"));
        var request = new GradingRequest("", new string('x', Lengths.Code + 1), Grade.Good, default);

        var problem = await (await admin.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/gradings", request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["area", "forceCode", "givenOn"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_grading_of_an_unknown_force_is_refused(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());

        var problem = await (await admin.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/gradings", FindingTestData.Grading("atlantis", Grade.Good)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("'atlantis'", Assert.Single(problem.Errors!["forceCode"]));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Gradings_of_an_unknown_inspection_and_unknown_gradings_are_not_found(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var unknown = Guid.NewGuid();

        await (await admin.GetAsync($"/api/v1/gradings/{unknown}", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutJsonAsync($"/api/v1/gradings/{unknown}", FindingTestData.Grading("kent", Grade.Good))).ReadProblemAsync(HttpStatusCode.NotFound);
        var problem = await (await admin.PostJsonAsync($"/api/v1/inspections/{unknown}/gradings", FindingTestData.Grading("kent", Grade.Good)))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(unknown.ToString(), problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Gradings_are_listed_by_inspection_force_and_grade_a_page_at_a_time(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var forces = new[] { "hampshire", "surrey", "sussex" };
        var inspection = await admin.CreateInspectionAsync(
            TestData.Inspection(Unique.Slug("crime-data-integrity-south-east"), forcesInScope: forces, type: InspectionType.CrimeDataIntegrity));
        var inadequate = await admin.CreateGradingAsync(inspection.Id, FindingTestData.Grading("hampshire", Grade.Inadequate));
        var good = await admin.CreateGradingAsync(inspection.Id, FindingTestData.Grading("surrey", Grade.Good));
        var requiresImprovement = await admin.CreateGradingAsync(inspection.Id, FindingTestData.Grading("sussex", Grade.RequiresImprovement));

        var first = await admin.GetAsync<Page<GradingView>>($"/api/v1/gradings?inspectionId={inspection.Id}&limit=2");
        var second = await admin.GetAsync<Page<GradingView>>($"/api/v1/gradings?inspectionId={inspection.Id}&limit=2&cursor={first.NextCursor}");

        Assert.Equal(3, first.TotalCount);
        Assert.Equal(2, first.Items.Count);
        Assert.Null(second.NextCursor);
        Assert.Equal(
            new[] { inadequate.Id, good.Id, requiresImprovement.Id }.Order(),
            first.Items.Concat(second.Items).Select(g => g.Id).Order());
        Assert.Equal([good.Id], (await admin.GetAsync<Page<GradingView>>($"/api/v1/gradings?inspectionId={inspection.Id}&grade=Good")).Items.Select(g => g.Id));
        Assert.Equal([requiresImprovement.Id], (await admin.GetAsync<Page<GradingView>>($"/api/v1/gradings?inspectionId={inspection.Id}&forceCode=sussex")).Items.Select(g => g.Id));
        Assert.Empty((await admin.GetAsync<Page<GradingView>>($"/api/v1/gradings?inspectionId={inspection.Id}&forceCode=sussex&grade=Inadequate")).Items);
        await (await admin.GetAsync("/api/v1/gradings?limit=201", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Only_national_admins_record_and_regrade_gradings(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("merseyside"));
        var grading = await admin.CreateGradingAsync(inspection.Id, FindingTestData.Grading("merseyside", Grade.RequiresImprovement));
        var editor = await host.ClientAsync(ApiKeyRole.Editor);
        var forceEditor = await host.ClientAsync(ApiKeyRole.Editor, "merseyside");

        foreach (var client in new[] { editor, forceEditor })
        {
            await (await client.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/gradings", FindingTestData.Grading("merseyside", Grade.Good, "Effectiveness")))
                .ReadProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PutJsonAsync($"/api/v1/gradings/{grading.Id}", FindingTestData.Grading("merseyside", Grade.Outstanding)))
                .ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(Grade.RequiresImprovement, (await admin.GetAsync<GradingView>($"/api/v1/gradings/{grading.Id}")).Grade);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Every_key_reads_gradings_even_of_other_forces(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("metropolitan"));
        var grading = await admin.CreateGradingAsync(inspection.Id, FindingTestData.Grading("metropolitan", Grade.Inadequate));
        var otherForceReader = await host.ClientAsync(ApiKeyRole.Reader, "lancashire");
        var nationalReader = await host.ClientAsync(ApiKeyRole.Reader);

        foreach (var reader in new[] { otherForceReader, nationalReader })
        {
            Assert.Equal(Grade.Inadequate, (await reader.GetAsync<GradingView>($"/api/v1/gradings/{grading.Id}")).Grade);
            Assert.Equal([grading.Id], (await reader.GetAsync<Page<GradingView>>($"/api/v1/gradings?forceCode=metropolitan&inspectionId={inspection.Id}")).Items.Select(g => g.Id));
        }
    }
}
