using System.Net;
using ComplianceApi.Data;
using ComplianceApi.Support;
using ComplianceApi.Domain;
using ComplianceApi.Features.Audit;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ComplianceApi.Tests.Features.Evidence;
using static ComplianceApi.Tests.Features.Inspections.RestrictedReportsTests;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Inspections;

/// <summary>
/// Documents (CSV, XLSX, HTML) holding a restricted report's records are reads of them like JSON answers:
/// one <c>restricted.read</c> event per request naming the report; a document holding none records nothing.
/// </summary>
public sealed class RestrictedDocumentReadsTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Each_document_holding_a_restricted_reports_records_is_one_restricted_read_event_naming_the_report_and_a_document_holding_none_records_nothing(Provider provider)
    {
        var host = await hosts.For(provider);
        var report = await RestrictedReport.CreateAsync(host);
        var admin = host.AdminClient();

        foreach (var (force, holdsIt) in new[] { (report.Circulated, true), (report.Other, false) })
        {
            var editor = await host.ClientAsync(ApiKeyRole.Editor, force);
            var reader = await host.ClientAsync(ApiKeyRole.Reader, force);
            var keyId = await ReaderKeyAsync(host, force);
            var committee = await (await admin.PostJsonAsync("/api/v1/committees",
                    new ComplianceApi.Features.Committees.CommitteeRequest(force, Unique.Slug("Police and Crime Panel"), CommitteeBody.PoliceAuthorityCommittee)))
                .ReadAsync<ComplianceApi.Features.Committees.CommitteeView>(HttpStatusCode.Created);
            var paper = await ForceScenario.CreateReportAsync(editor, committee.Id, Unique.Slug("Pol"), new DateOnly(2016, 1, 21));
            await ForceScenario.IssueAsync(editor, paper.Id, new DateOnly(2016, 1, 7));
            var answered = holdsIt ? report.CirculatedResponse.Id : (await editor.CreateResponseAsync((await host.CreateFindingAsync()).Id, Response(force))).Id;
            var evidence = await editor.AddEvidenceAsync($"/api/v1/responses/{answered}/evidence", Strategy());
            await (await editor.PostAsync($"/api/v1/evidence/{evidence.Id}/files", EvidenceFileSamples.Form(EvidenceFileSamples.Pdf(2_000), "minutes.pdf"), Ct))
                .ReadAsync<ComplianceApi.Features.Evidence.EvidenceFileView>(HttpStatusCode.Created);

            string[] documents =
            [
                $"/api/v1/committees/{committee.Id}/statement?format=Csv",
                $"/api/v1/committees/{committee.Id}/statement?format=Xlsx",
                $"/api/v1/committees/{committee.Id}/statement?format=Html",
                $"/api/v1/committees/{committee.Id}/statement/document?format=Csv",
                $"/api/v1/committees/{committee.Id}/statement/summary",
                $"/api/v1/committee-reports/{paper.Id}/statement?format=Xlsx",
                $"/api/v1/committee-reports/{paper.Id}/statement/document?format=Html",
                $"/api/v1/committee-reports/{paper.Id}/statement/summary",
                $"/api/v1/reminders?forceCode={force}&format=Csv",
                $"/api/v1/reminders?forceCode={force}&format=Html",
                $"/api/v1/exports?kind=Responses&format=Csv&forceCode={force}",
                $"/api/v1/exports?kind=ProgressUpdates&format=Csv&forceCode={force}",
                $"/api/v1/exports?format=Xlsx&forceCode={force}",
                $"/api/v1/evidence/{evidence.Id}/files/latest",
            ];
            foreach (var url in documents)
            {
                var answer = await reader.GetAsync(url, Ct);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.DoesNotContain("json", answer.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
                await answer.Content.ReadAsByteArrayAsync(Ct);
            }

            // The HTML statement is asked for twice: the cache of first pages keeps no page holding restricted records, so both are reads.
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/committees/{committee.Id}/statement?format=Html", Ct)).StatusCode);

            var events = (await admin.GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?kind={RestrictedReports.ReadKind}&clientId={keyId}&limit=200")).Items;
            if (!holdsIt)
            {
                Assert.Empty(events);
                continue;
            }

            Assert.Equal(documents.Append(documents[2]).Cast<string?>().ToList(), events.Select(e => e.Changes.Single(c => c.Field == "request").New).ToList());
            Assert.All(events, e => Assert.Equal(report.Report.Id.ToString(), e.RecordId));
            Assert.All(events, e => Assert.Equal([report.Report.Id.ToString()], e.Changes.Where(c => c.Field == "inspection").Select(c => c.New)));
            var export = events.Single(e => e.Operation == "ExportSpreadsheet" && e.Changes.Any(c => c.New!.Contains("kind=Responses", StringComparison.Ordinal)));
            Assert.Equal(report.CirculatedResponses.Select(r => r.Id.ToString()).Order(), export.Changes.Where(c => c.Field == "record").Select(c => c.New).Order());
        }
    }

    private static async Task<string> ReaderKeyAsync(ComplianceApiHost host, string force)
    {
        var id = "";
        await host.WithDatabaseAsync(async db => id = (await db.ApiKeys.SingleAsync(k => k.ForceCode == force && k.Role == ApiKeyRole.Reader, Ct)).Id.ToString());
        return id;
    }
}
