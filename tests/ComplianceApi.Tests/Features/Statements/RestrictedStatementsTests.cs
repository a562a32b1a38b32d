using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.Committees;
using ComplianceApi.Features.Inspections;
using ComplianceApi.Features.Statements;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Features.Inspections.RestrictedReportsTests;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Statements;

/// <summary>
/// An issued statement is frozen, but who may read a restricted report is not: a force taken off a report's
/// circulation after issue reads its issued statements without that report's lines, counted as it reads them.
/// </summary>
public sealed class RestrictedStatementsTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_taken_off_a_restricted_reports_circulation_reads_its_issued_statements_without_that_reports_lines_and_counts_and_national_keys_read_them_all(Provider provider)
    {
        var host = await hosts.For(provider);
        var report = await RestrictedReport.CreateAsync(host);
        var admin = host.AdminClient();
        var force = report.Circulated;
        var inspection = await admin.CreateInspectionAsync(TestData.Inspection(forcesInScope: [force]));
        var published = await admin.CreateFindingAsync(inspection.Id);
        var publishedResponse = await admin.CreateResponseAsync(published.Id, Response(force));
        await admin.RecordUpdateAsync(publishedResponse.Id, Update(new DateOnly(2015, 10, 1), ResponseStatus.InProgress, Rag.Amber));

        var editor = await host.ClientAsync(ApiKeyRole.Editor, force);
        var reader = await host.ClientAsync(ApiKeyRole.Reader, force);
        var committee = await (await editor.PostJsonAsync("/api/v1/committees", new CommitteeRequest(force, Unique.Slug("Police and Crime Panel"), CommitteeBody.PoliceAuthorityCommittee)))
            .ReadAsync<CommitteeView>(HttpStatusCode.Created);
        var paper = await ForceScenario.CreateReportAsync(editor, committee.Id, Unique.Slug("Pol"), DateOnly.FromDateTime(DateTime.UtcNow));
        var issued = await ForceScenario.IssueAsync(editor, paper.Id);
        Assert.Equal(3, issued.Lines.Count);
        Assert.Equal(2, issued.Lines.Count(l => l.InspectionId == report.Report.Id));
        Assert.Equal(3, Total(issued.ByStatus));

        // The report is now circulated to the other force only.
        await (await admin.PutJsonAsync($"/api/v1/inspections/{report.Report.Id}/circulation", new CirculationRequest([report.Other]))).ReadAsync<InspectionView>();

        var read = await reader.GetAsync<PositionStatementView>($"/api/v1/committee-reports/{paper.Id}/statement");
        Assert.Equal([publishedResponse.Id], read.Lines.Select(l => l.ResponseId));
        Assert.Equal(1, Total(read.ByStatus));
        Assert.Equal(1, read.ByStatus.Open);
        Assert.DoesNotContain(read.Reports, r => r.InspectionId == report.Report.Id);
        Assert.Equal((issued.Id, issued.AsOf, issued.IssuedAt), (read.Id, read.AsOf, read.IssuedAt));
        foreach (var document in new[] { "?format=Csv", "/document?format=Html", "/summary" })
        {
            var text = await reader.GetStringAsync($"/api/v1/committee-reports/{paper.Id}/statement{document}", Ct);
            Assert.DoesNotContain(report.Report.Reference, text, StringComparison.Ordinal);
            Assert.DoesNotContain(RestrictedReport.Title, text, StringComparison.Ordinal);
            // The summary is counts and the RAG split per report, so it names the reports, not the findings.
            Assert.Contains(inspection.Reference, text, StringComparison.Ordinal);
        }

        // Nor is it "no longer reported" on the next statement: the force is not to know the lines were there.
        var next = await reader.GetAsync<PositionStatementView>($"/api/v1/committees/{committee.Id}/statement");
        Assert.Equal(issued.Id, next.PreviousStatementId);
        Assert.Equal([publishedResponse.Id], next.Lines.Select(l => l.ResponseId));

        // National keys read the statement as issued.
        var national = await (await host.ClientAsync(ApiKeyRole.Reader)).GetAsync<PositionStatementView>($"/api/v1/committee-reports/{paper.Id}/statement");
        Assert.Equal(issued.Lines, national.Lines);
        Assert.Equal(3, Total(national.ByStatus));

        // Circulated again, the force reads its lines again.
        await (await admin.PutJsonAsync($"/api/v1/inspections/{report.Report.Id}/circulation", new CirculationRequest([force]))).ReadAsync<InspectionView>();
        Assert.Equal(issued.Lines, (await reader.GetAsync<PositionStatementView>($"/api/v1/committee-reports/{paper.Id}/statement")).Lines);
    }

    private static int Total(StatementStatusCountsView counts) => counts.Open + counts.Implemented + counts.PendingSignOff + counts.Closed;
}
