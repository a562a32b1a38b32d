using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Audit;
using ComplianceApi.Features.InspectorateAssessments;
using ComplianceApi.Support;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.InspectorateAssessments;

public sealed class InspectorateAssessmentsTests(TestHosts hosts)
{
    private const string Register = "HMICFRS recommendations and AFIs register: Building the picture";

    private static InspectorateAssessmentRequest Assessment(DateOnly assessedOn, InspectorateStatus status, string comment = "New recommendation.", DateOnly? shownOn = null) =>
        new(assessedOn, status, comment, Register, shownOn ?? assessedOn);

    private static async Task<InspectorateAssessmentView> RecordAsync(HttpClient client, Guid responseId, InspectorateAssessmentRequest request) =>
        await (await client.PostJsonAsync($"/api/v1/responses/{responseId}/inspectorate-assessments", request)).ReadAsync<InspectorateAssessmentView>(HttpStatusCode.Created);

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_editor_records_the_inspectorates_assessments_and_the_latest_stands_beside_the_forces_status(Provider provider)
    {
        var host = await hosts.For(provider);
        var finding = await host.CreateFindingAsync();
        var editor = await host.ClientAsync(ApiKeyRole.Editor, Lancashire);
        var response = await editor.CreateResponseAsync(finding.Id, Response(Lancashire));
        await editor.RecordUpdateAsync(response.Id, Update(new DateOnly(2015, 9, 1), ResponseStatus.Implemented, Rag.Green));

        var first = await RecordAsync(editor, response.Id, Assessment(new DateOnly(2015, 9, 10), InspectorateStatus.AwaitingReview));
        var second = await RecordAsync(editor, response.Id, Assessment(new DateOnly(2016, 3, 4), InspectorateStatus.BeingProgressed, "Re-inspection pending.", new DateOnly(2016, 3, 7)));

        Assert.Equal((response.Id, Lancashire, InspectorateStatus.AwaitingReview, Register), (first.ResponseId, first.ForceCode, first.Status, first.Source));
        Assert.Equal((DateOnly?)new DateOnly(2016, 3, 7), second.SourceShownOn);
        Assert.False(string.IsNullOrEmpty(second.RecordedBy));
        var listed = await editor.GetAsync<Page<InspectorateAssessmentView>>($"/api/v1/responses/{response.Id}/inspectorate-assessments");
        Assert.Equal([first.Id, second.Id], listed.Items.Select(a => a.Id));

        // The force says implemented; the inspectorate's latest says being progressed.
        var disagreeing = await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}");
        Assert.Equal((ResponseStatus.Implemented, (InspectorateStatus?)InspectorateStatus.BeingProgressed, (DateOnly?)new DateOnly(2016, 3, 4), "Re-inspection pending."),
            (disagreeing.Status, disagreeing.InspectorateStatus, disagreeing.InspectorateAssessedOn, disagreeing.InspectorateComment));
        Assert.True(disagreeing.DisagreesWithInspectorate);

        // A later entry on the same day wins: a correction is a new entry.
        await RecordAsync(editor, response.Id, Assessment(new DateOnly(2016, 3, 4), InspectorateStatus.Complete, "Authorised for closure on the basis of the re-inspection."));
        var agreeing = await editor.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}");
        Assert.Equal((InspectorateStatus?)InspectorateStatus.Complete, agreeing.InspectorateStatus);
        Assert.False(agreeing.DisagreesWithInspectorate);

        var admin = host.AdminClient();
        var events = await admin.GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?recordId={first.Id}");
        var recorded = Assert.Single(events.Items);
        Assert.Equal(("inspectorate_assessment.recorded", Lancashire), (recorded.Kind, recorded.ForceCode));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Assessments_are_append_only_and_cannot_be_dated_before_the_latest_or_after_today(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        var response = await admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        var entry = await RecordAsync(admin, response.Id, Assessment(new DateOnly(2016, 3, 4), InspectorateStatus.BeingProgressed));
        var ct = TestContext.Current.CancellationToken;

        var put = await admin.PutJsonAsync($"/api/v1/responses/{response.Id}/inspectorate-assessments/{entry.Id}", Assessment(new DateOnly(2016, 3, 4), InspectorateStatus.Complete));
        var delete = await admin.DeleteAsync($"/api/v1/responses/{response.Id}/inspectorate-assessments", ct);
        Assert.Contains(put.StatusCode, new[] { HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound });
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);

        var earlier = await (await admin.PostJsonAsync($"/api/v1/responses/{response.Id}/inspectorate-assessments", Assessment(new DateOnly(2016, 3, 3), InspectorateStatus.Complete)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("2016-03-04", earlier.Detail);
        var tomorrow = TimeProvider.System.Today().AddDays(1);
        await (await admin.PostJsonAsync($"/api/v1/responses/{response.Id}/inspectorate-assessments", Assessment(tomorrow, InspectorateStatus.Complete)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostJsonAsync($"/api/v1/responses/{response.Id}/inspectorate-assessments", Assessment(new DateOnly(2016, 3, 5), InspectorateStatus.Complete, shownOn: new DateOnly(2016, 3, 1))))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var invalid = await (await admin.PostJsonAsync($"/api/v1/responses/{response.Id}/inspectorate-assessments",
            new InspectorateAssessmentRequest(new DateOnly(2016, 3, 5), InspectorateStatus.Complete, "", new string('x', Lengths.Url + 1), null))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["comment", "source"], invalid.Errors!.Keys.Order(StringComparer.Ordinal));
        await (await admin.PostJsonAsync($"/api/v1/responses/{response.Id}/inspectorate-assessments",
            new { assessedOn = "2016-03-05", status = "Closed", comment = "Closed.", source = Register })).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostJsonAsync($"/api/v1/responses/{Guid.NewGuid()}/inspectorate-assessments", Assessment(new DateOnly(2016, 3, 5), InspectorateStatus.Complete)))
            .ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal([entry.Id], (await admin.GetAsync<Page<InspectorateAssessmentView>>($"/api/v1/responses/{response.Id}/inspectorate-assessments")).Items.Select(a => a.Id));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Another_forces_keys_get_404_readers_get_403_and_national_admins_record_for_any_force(Provider provider)
    {
        var host = await hosts.For(provider);
        var finding = await host.CreateFindingAsync();
        var admin = host.AdminClient();
        var response = await admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        var entry = Assessment(new DateOnly(2016, 3, 4), InspectorateStatus.BeingProgressed);
        var url = $"/api/v1/responses/{response.Id}/inspectorate-assessments";
        var ct = TestContext.Current.CancellationToken;

        var otherEditor = await host.ClientAsync(ApiKeyRole.Editor, CityOfLondon);
        var otherAdmin = await host.ClientAsync(ApiKeyRole.Admin, CityOfLondon);
        var ownReader = await host.ClientAsync(ApiKeyRole.Reader, Lancashire);
        var ownAdmin = await host.ClientAsync(ApiKeyRole.Admin, Lancashire);
        await (await otherEditor.PostJsonAsync(url, entry)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.PostJsonAsync(url, entry)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await otherEditor.GetAsync(url, ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await ownReader.PostJsonAsync(url, entry)).ReadProblemAsync(HttpStatusCode.Forbidden);

        var national = await RecordAsync(admin, response.Id, entry);
        var own = await RecordAsync(ownAdmin, response.Id, entry with { Status = InspectorateStatus.Complete });
        Assert.Equal([national.Id, own.Id], (await ownReader.GetAsync<Page<InspectorateAssessmentView>>(url)).Items.Select(a => a.Id));
        Assert.Equal((InspectorateStatus?)InspectorateStatus.Complete, (await ownReader.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}")).InspectorateStatus);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task As_of_reads_give_the_assessment_that_stood_on_the_date(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        var response = await admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        await admin.RecordUpdateAsync(response.Id, Update(new DateOnly(2015, 9, 1), ResponseStatus.InProgress));
        await admin.RecordUpdateAsync(response.Id, Update(new DateOnly(2016, 1, 7), ResponseStatus.Implemented, Rag.Green));
        await RecordAsync(admin, response.Id, Assessment(new DateOnly(2015, 10, 1), InspectorateStatus.AwaitingReview));
        await RecordAsync(admin, response.Id, Assessment(new DateOnly(2016, 2, 1), InspectorateStatus.BeingProgressed));
        await RecordAsync(admin, response.Id, Assessment(new DateOnly(2016, 6, 1), InspectorateStatus.Complete, "Authorised for closure on the basis of the re-inspection."));

        async Task<ForceResponseView> On(string date) => await admin.GetAsync<ForceResponseView>($"/api/v1/responses/{response.Id}?asOf={date}");

        var before = await On("2015-09-15");
        var awaiting = await On("2015-10-21");
        var inDispute = await On("2016-03-31");
        var closed = await On("2016-06-01");
        Assert.Equal((null, false), (before.InspectorateStatus, before.DisagreesWithInspectorate));
        Assert.Equal(((InspectorateStatus?)InspectorateStatus.AwaitingReview, ResponseStatus.InProgress, false), (awaiting.InspectorateStatus, awaiting.Status, awaiting.DisagreesWithInspectorate));
        Assert.Equal(((InspectorateStatus?)InspectorateStatus.BeingProgressed, (DateOnly?)new DateOnly(2016, 2, 1), true), (inDispute.InspectorateStatus, inDispute.InspectorateAssessedOn, inDispute.DisagreesWithInspectorate));
        Assert.Equal(((InspectorateStatus?)InspectorateStatus.Complete, false), (closed.InspectorateStatus, closed.DisagreesWithInspectorate));

        var listed = await admin.GetAsync<Page<ForceResponseView>>($"/api/v1/findings/{finding.Id}/responses?asOf=2016-03-31");
        Assert.Equal((InspectorateStatus?)InspectorateStatus.BeingProgressed, Assert.Single(listed.Items).InspectorateStatus);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Lists_filter_on_the_inspectorates_status_and_on_disagreement_as_they_stood(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var finding = await host.CreateFindingAsync();
        // Lancashire says implemented, the inspectorate is still progressing it; City of London agrees with it; Kent has no assessment.
        var lancashire = await admin.CreateResponseAsync(finding.Id, Response(Lancashire));
        await admin.RecordUpdateAsync(lancashire.Id, Update(new DateOnly(2016, 1, 7), ResponseStatus.Implemented, Rag.Green));
        await RecordAsync(admin, lancashire.Id, Assessment(new DateOnly(2016, 2, 1), InspectorateStatus.BeingProgressed));
        var city = await admin.CreateResponseAsync(finding.Id, Response(CityOfLondon));
        await admin.RecordUpdateAsync(city.Id, Update(new DateOnly(2016, 1, 7), ResponseStatus.InProgress));
        await RecordAsync(admin, city.Id, Assessment(new DateOnly(2016, 2, 1), InspectorateStatus.BeingProgressed));
        var kent = await admin.CreateResponseAsync(finding.Id, Response("kent"));
        await admin.RecordUpdateAsync(kent.Id, Update(new DateOnly(2016, 1, 7), ResponseStatus.Implemented, Rag.Green));
        await RecordAsync(admin, lancashire.Id, Assessment(new DateOnly(2016, 6, 1), InspectorateStatus.NoFurtherAction));

        async Task<IEnumerable<Guid>> Listed(string query) =>
            (await admin.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?findingId={finding.Id}&{query}")).Items.Select(r => r.Id).Order();

        Assert.Equal(new[] { lancashire.Id, city.Id }.Order(), await Listed("inspectorateStatus=BeingProgressed&asOf=2016-03-31"));
        Assert.Equal([lancashire.Id], await Listed("disagreesWithInspectorate=true&asOf=2016-03-31"));
        Assert.Equal(new[] { city.Id, kent.Id }.Order(), await Listed("disagreesWithInspectorate=false&asOf=2016-03-31"));
        Assert.Empty(await Listed("disagreesWithInspectorate=true"));
        Assert.Equal([lancashire.Id], await Listed("inspectorateStatus=NoFurtherAction"));
        await (await admin.GetAsync("/api/v1/responses?inspectorateStatus=Closed", TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Summaries_count_the_inspectorates_statuses_and_the_disagreements_as_they_stood(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var force = await ForceScenario.NewForceAsync(admin);
        var inspection = await admin.CreateInspectionAsync(TestData.Inspection(forcesInScope: [force]));
        var finding = await admin.CreateFindingAsync(inspection.Id, FindingTestData.Recommendation());
        var other = await admin.CreateFindingAsync(inspection.Id, FindingTestData.ByNovember2015("Recommendation 3"));
        var claimed = await admin.CreateResponseAsync(finding.Id, Response(force));
        await admin.RecordUpdateAsync(claimed.Id, Update(new DateOnly(2016, 1, 7), ResponseStatus.Implemented, Rag.Green));
        await RecordAsync(admin, claimed.Id, Assessment(new DateOnly(2016, 2, 1), InspectorateStatus.BeingProgressed));
        await RecordAsync(admin, claimed.Id, Assessment(new DateOnly(2016, 6, 1), InspectorateStatus.Complete));
        var open = await admin.CreateResponseAsync(other.Id, Response(force));
        await admin.RecordUpdateAsync(open.Id, Update(new DateOnly(2016, 1, 7), ResponseStatus.InProgress));

        var march = (await admin.GetAsync<ComplianceApi.Features.Summaries.ForceSummaryView>($"/api/v1/forces/{force}/summary?asOf=2016-03-31")).Totals;
        var july = (await admin.GetAsync<ComplianceApi.Features.Summaries.ForceSummaryView>($"/api/v1/forces/{force}/summary?asOf=2016-07-01")).Totals;
        Assert.Equal((0, 1, 0, 0, 1, 1), (march.ByInspectorateStatus.AwaitingReview, march.ByInspectorateStatus.BeingProgressed, march.ByInspectorateStatus.Complete,
            march.ByInspectorateStatus.NoFurtherAction, march.ByInspectorateStatus.NotRecorded, march.DisagreeWithInspectorate));
        Assert.Equal((0, 1, 1, 0), (july.ByInspectorateStatus.BeingProgressed, july.ByInspectorateStatus.Complete, july.ByInspectorateStatus.NotRecorded, july.DisagreeWithInspectorate));

        var acrossForces = await admin.GetAsync<ComplianceApi.Features.Summaries.FindingSummaryView>($"/api/v1/findings/{finding.Id}/summary?asOf=2016-03-31");
        Assert.Equal((1, 1), (acrossForces.Counts.ByInspectorateStatus.BeingProgressed, acrossForces.Counts.DisagreeWithInspectorate));
        var forcesView = Assert.Single(acrossForces.ForceResponses);
        Assert.Equal(((InspectorateStatus?)InspectorateStatus.BeingProgressed, true), (forcesView.InspectorateStatus, forcesView.DisagreesWithInspectorate));
    }
}
