using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class InspectorateAssessmentsClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_force_editor_records_the_inspectorates_assessment_and_lists_the_responses_it_disagrees_with(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var finding = await admin.CreateRecommendation8Async();
        var editor = await admin.IssueKeyAsync(ApiKeyRole.Editor, Lancashire);
        var response = await editor.Responses.CreateForceResponseAsync(finding.Id, Response(Lancashire), cancellationToken: Ct);
        await editor.Responses.RecordProgressUpdateAsync(response.Id, Update(new DateOnly(2016, 1, 7), ResponseStatus.Implemented, Rag.Green), cancellationToken: Ct);

        var read = await editor.Responses.GetForceResponseAsync(response.Id, cancellationToken: Ct);
        var progressing = await editor.InspectorateAssessments.RecordInspectorateAssessmentAsync(response.Id, new InspectorateAssessmentRequest
        {
            AssessedOn = new DateOnly(2016, 2, 1),
            Status = InspectorateStatus.BeingProgressed,
            Comment = "Re-inspection pending.",
            Source = "HMICFRS register: Building the picture",
            SourceShownOn = new DateOnly(2016, 2, 3),
        }, ifMatch: read.Etag, cancellationToken: Ct);

        Assert.Equal((InspectorateStatus.BeingProgressed, Lancashire), (progressing.Status, progressing.ForceCode));
        var disagreeing = await editor.Responses.ListForceResponsesAsync(findingId: finding.Id, disagreesWithInspectorate: true, cancellationToken: Ct);
        var listed = Assert.Single(disagreeing.Items);
        Assert.Equal((response.Id, (InspectorateStatus?)InspectorateStatus.BeingProgressed, true), (listed.Id, listed.InspectorateStatus, listed.DisagreesWithInspectorate));

        // The ETag read before the entry no longer matches: the entry changed the response's representation.
        var stale = await Assert.ThrowsAsync<ComplianceApiException<ProblemDetails>>(() => editor.InspectorateAssessments.RecordInspectorateAssessmentAsync(response.Id,
            new InspectorateAssessmentRequest { AssessedOn = new DateOnly(2016, 6, 1), Status = InspectorateStatus.Complete, Comment = "Closed.", Source = "HMICFRS register" },
            ifMatch: read.Etag, cancellationToken: Ct));
        Assert.Equal(412, stale.StatusCode);

        await editor.InspectorateAssessments.RecordInspectorateAssessmentAsync(response.Id, new InspectorateAssessmentRequest
        {
            AssessedOn = new DateOnly(2016, 6, 1),
            Status = InspectorateStatus.Complete,
            Comment = "Authorised for closure on the basis of the re-inspection.",
            Source = "HMICFRS register: Building the picture",
        }, cancellationToken: Ct);
        var entries = await editor.InspectorateAssessments.ListInspectorateAssessmentsAsync(response.Id, cancellationToken: Ct);
        Assert.Equal([InspectorateStatus.BeingProgressed, InspectorateStatus.Complete], entries.Items.Select(a => a.Status));
        Assert.Empty((await editor.Responses.ListForceResponsesAsync(findingId: finding.Id, disagreesWithInspectorate: true, cancellationToken: Ct)).Items);
        var earlier = await editor.Responses.GetForceResponseAsync(response.Id, new DateOnly(2016, 3, 31), Ct);
        Assert.Equal((InspectorateStatus?)InspectorateStatus.BeingProgressed, earlier.InspectorateStatus);

        var reader = await admin.IssueKeyAsync(ApiKeyRole.Reader, Lancashire);
        var refused = await Assert.ThrowsAsync<ComplianceApiException<ProblemDetails>>(() => reader.InspectorateAssessments.RecordInspectorateAssessmentAsync(response.Id,
            new InspectorateAssessmentRequest { AssessedOn = new DateOnly(2016, 6, 2), Status = InspectorateStatus.Complete, Comment = "Closed.", Source = "HMICFRS register" },
            cancellationToken: Ct));
        Assert.Equal(403, refused.StatusCode);
    }
}
