using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class ReportResponsesClientTests(TestHosts hosts)
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_force_editor_records_its_bodys_response_lists_it_falling_due_and_publishes_it_on_day_56(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var report = CrimeDataIntegrity(Lancashire);
        report.PublishedOn = Today.AddDays(-50);
        var inspection = await admin.Inspections.CreateInspectionAsync(report, cancellationToken: Ct);
        var recommendation = await admin.Findings.CreateFindingAsync(inspection.Id, new FindingRequest
        {
            Reference = "Recommendation 1",
            Kind = FindingKind.Recommendation,
            Text = "Within three months, the force should put in place an action plan for crime recording.",
            BusinessArea = BusinessArea.CrimeDataIntegrity,
            DeadlineText = "Within three months",
            Addressees = [new AddresseeRequest { Kind = AddresseeKind.Force, ForceCode = Lancashire }],
        }, cancellationToken: Ct);
        var editor = await admin.IssueKeyAsync(ApiKeyRole.Editor, Lancashire);

        var created = await editor.ReportResponses.CreateReportResponseAsync(inspection.Id, new ReportResponseRequest
        {
            ForceCode = Lancashire,
            CommentsRequestedOn = Today.AddDays(-49),
            CommentsDueOn = Today.AddDays(-20),
            Recommendations = [new RecommendationAnswerRequest { FindingId = recommendation.Id, Action = RecommendationAction.ToBeTaken, Explanation = "A crime recording action plan." }],
        }, cancellationToken: Ct);

        Assert.Equal((LocalPolicingBodyKind.PoliceAndCrimeCommissioner, "Police and Crime Commissioner for Lancashire"), (created.BodyKind, created.BodyName));
        Assert.Equal(Today.AddDays(5), created.PublicationDueOn);
        Assert.Equal((5, false), (created.DaysLeft, created.Overdue));
        var fallingDue = await editor.ReportResponses.ListReportResponsesAsync(dueWithinDays: 5, inspectionId: inspection.Id, cancellationToken: Ct);
        Assert.Equal([created.Id], fallingDue.Items.Select(r => r.Id));
        Assert.Equal("Recommendation 1", Assert.Single(fallingDue.Items.Single().Recommendations).FindingReference);

        var read = await editor.ReportResponses.GetReportResponseAsync(created.Id, Ct);
        var published = await editor.ReportResponses.UpdateReportResponseAsync(created.Id, new ReportResponseRequest
        {
            ForceCode = Lancashire,
            CommentsRequestedOn = Today.AddDays(-49),
            CommentsDueOn = Today.AddDays(-20),
            CommentsReceivedOn = Today.AddDays(-21),
            PublishedOn = created.PublicationDueOn,
            PublishedAt = "https://www.lancashire-pcc.gov.uk/",
            Recommendations = [new RecommendationAnswerRequest { FindingId = recommendation.Id, Action = RecommendationAction.Taken, Explanation = "The plan was agreed." }],
        }, ifMatch: read.Etag, cancellationToken: Ct);

        Assert.Equal((false, (int?)null), (published.PublishedLate, published.DaysLeft));
        Assert.Equal(RecommendationAction.Taken, Assert.Single(published.Recommendations).Action);
        Assert.Empty((await editor.ReportResponses.ListReportResponsesAsync(dueWithinDays: 5, inspectionId: inspection.Id, cancellationToken: Ct)).Items);
        var stale = await Assert.ThrowsAsync<ComplianceApiException<ProblemDetails>>(() => editor.ReportResponses.UpdateReportResponseAsync(created.Id,
            new ReportResponseRequest { ForceCode = Lancashire }, ifMatch: read.Etag, cancellationToken: Ct));
        Assert.Equal(412, stale.StatusCode);
        var otherForce = await admin.IssueKeyAsync(ApiKeyRole.Reader, "kent");
        Assert.Equal(404, (await Assert.ThrowsAsync<ComplianceApiException<ProblemDetails>>(() => otherForce.ReportResponses.GetReportResponseAsync(created.Id, Ct))).StatusCode);
    }
}
