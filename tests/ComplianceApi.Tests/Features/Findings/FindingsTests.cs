using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Findings;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Features.Findings;

public sealed class FindingsTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_admin_records_a_recommendation_and_reads_it_back(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());

        var response = await admin.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/findings", FindingTestData.Recommendation());
        var created = await response.ReadAsync<FindingView>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/findings/{created.Id}", response.Headers.Location?.OriginalString);
        var read = await admin.GetAsync<FindingView>($"/api/v1/findings/{created.Id}");
        Assert.Equal(inspection.Id, read.InspectionId);
        Assert.Equal(inspection.Reference, read.InspectionReference);
        Assert.Equal("Recommendation 8", read.Reference);
        Assert.Equal(FindingKind.Recommendation, read.Kind);
        Assert.Equal(FindingTestData.Recommendation8Text, read.Text);
        Assert.Equal(BusinessArea.InformationManagement, read.BusinessArea);
        Assert.Equal("Immediately", read.DeadlineText);
        Assert.Equal(new DateOnly(2015, 7, 2), read.DueDate);
        Assert.Equal(DeadlineKind.Immediate, read.DeadlineKind);
        Assert.Equal(DeadlinePrecision.Day, read.DeadlinePrecision);
        Assert.Equal(new AddresseeView(AddresseeKind.ChiefConstables, null, null), Assert.Single(read.Addressees));
        Assert.Null(read.CauseOfConcernId);
        Assert.Equal(created.CreatedAt, read.CreatedAt, TimeSpan.FromMilliseconds(1));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Correcting_a_finding_replaces_its_details_and_addressees_but_not_its_reference(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());
        var created = await admin.CreateFindingAsync(inspection.Id, FindingTestData.Recommendation("Recommendation 2"));

        var npccLead = new AddresseeRequest(AddresseeKind.NpccLead, null, "NPCC lead for information management");
        var corrected = FindingTestData.ByNovember2015("Recommendation 2") with { Addressees = [npccLead, FindingTestData.ToForce("lancashire")] };
        var updated = await (await admin.PutJsonAsync($"/api/v1/findings/{created.Id}", corrected)).ReadAsync<FindingView>();

        Assert.Equal("by November 2015", updated.DeadlineText);
        Assert.Equal(new DateOnly(2015, 11, 30), updated.DueDate);
        Assert.Equal(DeadlinePrecision.Month, updated.DeadlinePrecision);
        Assert.Equal(FindingTestData.ByNovember2015Text, updated.Text);
        var read = await admin.GetAsync<FindingView>($"/api/v1/findings/{created.Id}");
        Assert.Equal(
            [new AddresseeView(AddresseeKind.Force, "lancashire", null), new AddresseeView(AddresseeKind.NpccLead, null, "NPCC lead for information management")],
            read.Addressees.OrderBy(a => a.Kind));
        Assert.Equal(created.CreatedAt, read.CreatedAt, TimeSpan.FromMilliseconds(1));
        Assert.True(read.UpdatedAt >= created.UpdatedAt);

        var renamed = corrected with { Reference = "Recommendation 3" };
        var problem = await (await admin.PutJsonAsync($"/api/v1/findings/{created.Id}", renamed)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Recommendation 2", problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_recommendation_names_the_cause_of_concern_it_answers(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("devon-and-cornwall"));
        var cause = await admin.CreateFindingAsync(inspection.Id, FindingTestData.CauseOfConcern("devon-and-cornwall"));

        var recommendation = await admin.CreateFindingAsync(inspection.Id, FindingTestData.AnsweringRecommendation("devon-and-cornwall", cause.Id));

        Assert.Equal(cause.Id, recommendation.CauseOfConcernId);
        Assert.Equal(cause.Id, (await admin.GetAsync<FindingView>($"/api/v1/findings/{recommendation.Id}")).CauseOfConcernId);
        var unlinked = FindingTestData.AnsweringRecommendation("devon-and-cornwall", cause.Id) with { CauseOfConcernId = null };
        var updated = await (await admin.PutJsonAsync($"/api/v1/findings/{recommendation.Id}", unlinked)).ReadAsync<FindingView>();
        Assert.Null(updated.CauseOfConcernId);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_point_of_note_cannot_claim_to_answer_a_cause_of_concern(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("cleveland"));
        var cause = await admin.CreateFindingAsync(inspection.Id, FindingTestData.CauseOfConcern("cleveland"));
        var pointOfNote = FindingTestData.AnsweringRecommendation("cleveland", cause.Id, "Point of note 1") with { Kind = FindingKind.PointOfNote };

        var problem = await (await admin.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/findings", pointOfNote)).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("Only a recommendation", problem.Detail);
        Assert.Equal(1, (await admin.GetAsync<Page<FindingView>>($"/api/v1/inspections/{inspection.Id}/findings")).TotalCount);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_recommendation_cannot_answer_a_finding_that_is_not_a_cause_of_concern_in_its_own_inspection(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var first = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("cumbria"));
        var second = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("cumbria"));
        var otherInspectionsCause = await admin.CreateFindingAsync(first.Id, FindingTestData.CauseOfConcern("cumbria"));
        var recommendation = await admin.CreateFindingAsync(second.Id, FindingTestData.Recommendation("Recommendation 1"));

        var acrossInspections = await (await admin.PostJsonAsync($"/api/v1/inspections/{second.Id}/findings",
            FindingTestData.AnsweringRecommendation("cumbria", otherInspectionsCause.Id, "Recommendation 2"))).ReadProblemAsync(HttpStatusCode.Conflict);
        var answeringARecommendation = await (await admin.PutJsonAsync($"/api/v1/findings/{recommendation.Id}",
            FindingTestData.Recommendation("Recommendation 1", causeOfConcernId: recommendation.Id))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("Cause of concern 1 is not a cause of concern in the same inspection", acrossInspections.Detail);
        Assert.Contains("Recommendation 1 is not a cause of concern", answeringARecommendation.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_second_finding_with_the_same_reference_in_one_inspection_is_refused(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());
        var other = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());
        await admin.CreateFindingAsync(inspection.Id);

        var problem = await (await admin.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/findings", FindingTestData.Recommendation()))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("already has a finding 'Recommendation 8'", problem.Detail);
        await admin.CreateFindingAsync(other.Id); // the same reference in another report is a different finding
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task An_invalid_finding_is_refused_field_by_field(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());
        var request = FindingTestData.Recommendation(
            reference: "",
            text: "",
            deadlineText: new string('x', Lengths.Name + 1),
            addressees: [new AddresseeRequest(AddresseeKind.Force, null, null), new AddresseeRequest(AddresseeKind.ChiefConstables, "lancashire", null)]);

        var problem = await (await admin.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/findings", request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(
            ["addressees[0].forceCode", "addressees[1].forceCode", "deadlineText", "reference", "text"],
            problem.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, (await admin.GetAsync<Page<FindingView>>($"/api/v1/inspections/{inspection.Id}/findings")).TotalCount);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_finding_addressed_to_no_one_is_refused(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());

        var problem = await (await admin.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/findings", FindingTestData.Recommendation(addressees: [])))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("at least one addressee", Assert.Single(problem.Errors!["addressees"]));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_finding_addressed_to_an_unknown_force_is_refused(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());
        var request = FindingTestData.Recommendation(addressees: [FindingTestData.ToForce("atlantis"), FindingTestData.ToForce("kent")]);

        var problem = await (await admin.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/findings", request)).ReadProblemAsync(HttpStatusCode.BadRequest);

        var error = Assert.Single(problem.Errors!["addressees"]);
        Assert.Contains("'atlantis'", error);
        Assert.DoesNotContain("kent", error);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_finding_naming_an_unknown_cause_of_concern_is_refused(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("durham"));
        var created = await admin.CreateFindingAsync(inspection.Id, FindingTestData.Recommendation("Recommendation 1"));
        var unknown = Guid.NewGuid();

        var onCreate = await (await admin.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/findings",
            FindingTestData.AnsweringRecommendation("durham", unknown, "Recommendation 2"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        var onUpdate = await (await admin.PutJsonAsync($"/api/v1/findings/{created.Id}",
            FindingTestData.Recommendation("Recommendation 1", causeOfConcernId: unknown))).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(unknown.ToString(), Assert.Single(onCreate.Errors!["causeOfConcernId"]));
        Assert.Contains(unknown.ToString(), Assert.Single(onUpdate.Errors!["causeOfConcernId"]));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Findings_of_an_unknown_inspection_and_unknown_findings_are_not_found(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var ct = TestContext.Current.CancellationToken;
        var unknown = Guid.NewGuid();

        await (await admin.GetAsync($"/api/v1/findings/{unknown}", ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutJsonAsync($"/api/v1/findings/{unknown}", FindingTestData.Recommendation())).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/inspections/{unknown}/findings", ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        var problem = await (await admin.PostJsonAsync($"/api/v1/inspections/{unknown}/findings", FindingTestData.Recommendation()))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(unknown.ToString(), problem.Detail);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Pages_of_an_inspections_findings_follow_each_other_by_cursor(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());
        var references = new List<string> { (await admin.CreateFindingAsync(inspection.Id)).Reference };
        for (var number = 1; number <= 4; number++)
        {
            references.Add((await admin.CreateFindingAsync(inspection.Id, FindingTestData.ByNovember2015($"Recommendation {number}"))).Reference);
        }

        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await admin.GetAsync<Page<FindingView>>(
                $"/api/v1/inspections/{inspection.Id}/findings?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.Equal(5, page.TotalCount);
            seen.AddRange(page.Items.Select(f => f.Reference));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(references.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        var problem = await (await admin.GetAsync($"/api/v1/inspections/{inspection.Id}/findings?limit=0&cursor=not-a-cursor", TestContext.Current.CancellationToken))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["cursor", "limit"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Findings_are_listed_by_kind_business_area_addressee_and_the_forces_they_concern(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var thematic = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());
        var toChiefConstables = await admin.CreateFindingAsync(thematic.Id);
        var toHomeOffice = await admin.CreateFindingAsync(thematic.Id, FindingTestData.ByNovember2015("Recommendation 1") with
        {
            Addressees = [new AddresseeRequest(AddresseeKind.HomeOffice, null, "Home Office")],
            BusinessArea = BusinessArea.Leadership,
        });
        var cdi = await admin.CreateInspectionAsync(FindingTestData.CrimeDataIntegrity("gwent"));
        var cause = await admin.CreateFindingAsync(cdi.Id, FindingTestData.CauseOfConcern("gwent"));
        var answer = await admin.CreateFindingAsync(cdi.Id, FindingTestData.AnsweringRecommendation("gwent", cause.Id));

        async Task<List<Guid>> IdsAsync(string filter) =>
            (await admin.GetAsync<Page<FindingView>>($"/api/v1/findings?{filter}")).Items.Select(f => f.Id).Order().ToList();
        static List<Guid> Ids(params Guid[] ids) => ids.Order().ToList();

        Assert.Equal(Ids(toChiefConstables.Id, toHomeOffice.Id), await IdsAsync($"inspectionId={thematic.Id}"));
        Assert.Equal([cause.Id], await IdsAsync($"inspectionId={cdi.Id}&kind=CauseOfConcern"));
        Assert.Equal([toHomeOffice.Id], await IdsAsync($"inspectionId={thematic.Id}&businessArea=Leadership"));
        Assert.Equal([toHomeOffice.Id], await IdsAsync($"inspectionId={thematic.Id}&addresseeKind=HomeOffice"));
        Assert.Equal(Ids(cause.Id, answer.Id), await IdsAsync($"inspectionId={cdi.Id}&addresseeKind=Force"));

        // Chief constables of every force in scope, or the force itself: never a force the finding does not concern.
        Assert.Equal([toChiefConstables.Id], await IdsAsync($"inspectionId={thematic.Id}&forceCode=lancashire"));
        Assert.Equal(Ids(cause.Id, answer.Id), await IdsAsync($"inspectionId={cdi.Id}&forceCode=gwent"));
        Assert.Empty(await IdsAsync($"inspectionId={cdi.Id}&forceCode=lancashire"));
        var concerningGwent = await IdsAsync("forceCode=gwent&businessArea=CrimeDataIntegrity&limit=200");
        Assert.Contains(answer.Id, concerningGwent);
        Assert.DoesNotContain(toHomeOffice.Id, concerningGwent);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Only_national_admins_record_and_correct_findings(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());
        var finding = await admin.CreateFindingAsync(inspection.Id);
        var editor = await host.ClientAsync(ApiKeyRole.Editor);
        var forceEditor = await host.ClientAsync(ApiKeyRole.Editor, "lancashire");

        foreach (var client in new[] { editor, forceEditor })
        {
            await (await client.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/findings", FindingTestData.ByNovember2015("Recommendation 1")))
                .ReadProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PutJsonAsync($"/api/v1/findings/{finding.Id}", FindingTestData.Recommendation() with { Text = "Changed" }))
                .ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(FindingTestData.Recommendation8Text, (await admin.GetAsync<FindingView>($"/api/v1/findings/{finding.Id}")).Text);
        await (await host.AnonymousClient().GetAsync("/api/v1/findings", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_scoped_reader_reads_findings(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var inspection = await admin.CreateInspectionAsync(FindingTestData.BuildingThePicture());
        var finding = await admin.CreateFindingAsync(inspection.Id);
        var reader = await host.ClientAsync(ApiKeyRole.Reader, "lancashire");

        Assert.Equal(finding.Id, (await reader.GetAsync<FindingView>($"/api/v1/findings/{finding.Id}")).Id);
        Assert.Equal([finding.Id], (await reader.GetAsync<Page<FindingView>>($"/api/v1/inspections/{inspection.Id}/findings")).Items.Select(f => f.Id));
        Assert.Equal([finding.Id], (await reader.GetAsync<Page<FindingView>>($"/api/v1/findings?inspectionId={inspection.Id}&forceCode=lancashire")).Items.Select(f => f.Id));
    }
}
