using System.Net;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Audit;
using ComplianceApi.Features.Changes;
using ComplianceApi.Features.Committees;
using ComplianceApi.Features.Findings;
using ComplianceApi.Features.Inspections;
using ComplianceApi.Features.PublicProgress;
using ComplianceApi.Features.Responses;
using ComplianceApi.Data;
using ComplianceApi.Features.Statements;
using ComplianceApi.Features.Summaries;
using ComplianceApi.Support;
using ComplianceApi.Tests.Features.Webhooks;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Inspections;

/// <summary>
/// A restricted report ("Real lives, real crime") circulated to one force: that force, a collaboration it is
/// a member of and national keys see it; another force concerned by it sees nothing of it, not even its own
/// response to it, anywhere.
/// </summary>
public sealed class RestrictedReportsTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_restricted_report_its_findings_and_responses_are_not_found_by_a_force_it_was_not_circulated_to_and_are_read_by_the_circulated_force_its_collaboration_and_national_keys(Provider provider)
    {
        var host = await hosts.For(provider);
        var report = await RestrictedReport.CreateAsync(host);
        var other = await host.ClientAsync(ApiKeyRole.Reader, report.Other);
        var circulated = await host.ClientAsync(ApiKeyRole.Reader, report.Circulated);
        var collaboration = await host.ClientAsync(ApiKeyRole.Reader, report.Collaboration);
        var national = await host.ClientAsync(ApiKeyRole.Reader);

        foreach (var url in report.RecordUrls)
        {
            await (await other.GetAsync(url, Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        }

        await (await other.GetAsync($"/api/v1/responses/{report.OtherResponse.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/v1/responses/{report.OtherResponse.Id}/updates", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(report.Report.Id, (await other.GetAsync<Page<InspectionView>>($"/api/v1/inspections?forceCode={report.Other}&publicationStatus=Restricted&limit=200")).Items.Select(i => i.Id));
        Assert.Empty((await other.GetAsync<Page<FindingView>>($"/api/v1/findings?inspectionId={report.Report.Id}")).Items);
        Assert.Empty((await other.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?forceCode={report.Other}")).Items);
        Assert.Equal(0, (await other.GetAsync<ForceSummaryView>($"/api/v1/forces/{report.Other}/summary")).Totals.Total);
        Assert.DoesNotContain(report.Report.Reference, await ExportAsync(other, report.Other));
        Assert.DoesNotContain(report.Findings[0].Id, (await RestrictedReport.StatementAsync(host, report.Other)).Lines.Select(l => l.FindingId));

        foreach (var reader in new[] { circulated, collaboration, national })
        {
            foreach (var url in report.RecordUrls)
            {
                Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url, Ct)).StatusCode);
            }

            Assert.Equal([report.Circulated], (await reader.GetAsync<InspectionView>($"/api/v1/inspections/{report.Report.Id}")).CirculatedTo);
            Assert.Contains(report.Report.Id, (await reader.GetAsync<Page<InspectionView>>($"/api/v1/inspections?forceCode={report.Circulated}&publicationStatus=Restricted&limit=200")).Items.Select(i => i.Id));
            Assert.Equal(2, (await reader.GetAsync<Page<FindingView>>($"/api/v1/findings?inspectionId={report.Report.Id}")).Items.Count);
            Assert.Equal(report.CirculatedResponses.Select(r => r.Id).Order(), (await reader.GetAsync<Page<ForceResponseView>>($"/api/v1/responses?forceCode={report.Circulated}")).Items.Select(r => r.Id).Order());
            Assert.Equal(2, (await reader.GetAsync<ForceSummaryView>($"/api/v1/forces/{report.Circulated}/summary")).Totals.Total);
            Assert.Contains(report.Report.Reference, await ExportAsync(reader, report.Circulated));
        }

        Assert.Contains(report.Findings[0].Id, (await RestrictedReport.StatementAsync(host, report.Circulated)).Lines.Select(l => l.FindingId));

        // Responses stay each force's own: the circulated force does not read the other force's; national keys read both.
        await (await circulated.GetAsync($"/api/v1/responses/{report.OtherResponse.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await national.GetAsync($"/api/v1/responses/{report.OtherResponse.Id}", Ct)).StatusCode);
        Assert.Equal(2, (await national.GetAsync<FindingSummaryView>($"/api/v1/findings/{report.Findings[0].Id}/summary")).ForceResponses.Count);
        Assert.Equal([report.Circulated], (await circulated.GetAsync<FindingSummaryView>($"/api/v1/findings/{report.Findings[0].Id}/summary")).ForceResponses.Select(r => r.ForceCode));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_it_was_not_circulated_to_cannot_write_to_it_and_only_national_admins_record_the_circulation(Provider provider)
    {
        var host = await hosts.For(provider);
        var report = await RestrictedReport.CreateAsync(host);
        var otherEditor = await host.ClientAsync(ApiKeyRole.Editor, report.Other);
        var otherAdmin = await host.ClientAsync(ApiKeyRole.Admin, report.Other);

        await (await otherEditor.PostJsonAsync($"/api/v1/findings/{report.Findings[1].Id}/responses", Response(report.Other))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await otherEditor.PutJsonAsync($"/api/v1/responses/{report.OtherResponse.Id}", Response(report.Other))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await otherAdmin.PutJsonAsync($"/api/v1/inspections/{report.Report.Id}/circulation", new CirculationRequest([report.Other]))).ReadProblemAsync(HttpStatusCode.Forbidden);
        var unknown = await (await host.AdminClient().PutJsonAsync($"/api/v1/inspections/{report.Report.Id}/circulation", new CirculationRequest(["atlantis"])))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("atlantis", unknown.Errors!["forceCodes"][0]);

        // Circulating it to the other force too shows it, and the other force's own response, to that force.
        var widened = await (await host.AdminClient().PutJsonAsync($"/api/v1/inspections/{report.Report.Id}/circulation", new CirculationRequest([report.Other, report.Circulated])))
            .ReadAsync<InspectionView>();
        Assert.Equal(new[] { report.Circulated, report.Other }.Order(StringComparer.Ordinal), widened.CirculatedTo);
        Assert.Equal(HttpStatusCode.OK, (await otherEditor.GetAsync($"/api/v1/responses/{report.OtherResponse.Id}", Ct)).StatusCode);
        Assert.Equal(1, (await otherEditor.GetAsync<ForceSummaryView>($"/api/v1/forces/{report.Other}/summary")).Totals.Total);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Each_read_of_a_restricted_reports_records_is_one_restricted_read_event_national_admins_see_and_the_data_version_does_not_move(Provider provider)
    {
        // Its own database: on the shared hosts other tests' national writes move the data version meanwhile.
        await using var host = await hosts.IsolatedHostFor(provider);
        var report = await RestrictedReport.CreateAsync(host);
        var circulated = await host.ClientAsync(ApiKeyRole.Reader, report.Circulated);
        var other = await host.ClientAsync(ApiKeyRole.Reader, report.Other);
        var admin = host.AdminClient();
        // National callers on the shared hosts read every restricted report too: this counts the circulated key's reads.
        var keyId = "";
        await host.WithDatabaseAsync(async db => keyId = (await db.ApiKeys.SingleAsync(k => k.ForceCode == report.Circulated, Ct)).Id.ToString());
        var reads = $"/api/v1/audit-events?kind={RestrictedReports.ReadKind}&recordId={report.Report.Id}&clientId={keyId}&limit=200";
        var stamp = await StampAsync(host);
        Assert.Equal(0, (await admin.GetAsync<Page<AuditEventView>>(reads)).TotalCount);

        await circulated.GetAsync<InspectionView>($"/api/v1/inspections/{report.Report.Id}");
        await circulated.GetAsync<Page<FindingView>>($"/api/v1/findings?inspectionId={report.Report.Id}");
        await circulated.GetAsync<ForceSummaryView>($"/api/v1/forces/{report.Circulated}/summary");
        await circulated.GetAsync<ForceSummaryView>($"/api/v1/forces/{report.Circulated}/summary");
        await (await other.GetAsync($"/api/v1/inspections/{report.Report.Id}", Ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await other.GetAsync<Page<FindingView>>($"/api/v1/findings?inspectionId={report.Report.Id}");

        var events = (await admin.GetAsync<Page<AuditEventView>>(reads)).Items;
        Assert.Equal(4, events.Count);
        Assert.All(events, e => Assert.Equal("inspection", e.RecordType));
        Assert.All(events, e => Assert.Null(e.ForceCode));
        Assert.Equal(["GetInspection", "ListFindings", "GetForceSummary", "GetForceSummary"], events.Select(e => e.Operation));
        Assert.All(events, e => Assert.Equal(keyId, e.Client.Id));

        // The list of two findings is one event naming the request, the report and the records read (the findings, and the report they name).
        var list = events[1];
        Assert.Equal($"/api/v1/findings?inspectionId={report.Report.Id}", list.Changes.Single(c => c.Field == "request").New);
        Assert.Equal([report.Report.Id.ToString()], list.Changes.Where(c => c.Field == "inspection").Select(c => c.New));
        Assert.Equal(report.Findings.Select(f => f.Id).Append(report.Report.Id).Select(id => id.ToString()).Order(),
            list.Changes.Where(c => c.Field == "record").Select(c => c.New).Order());

        var otherKey = "";
        await host.WithDatabaseAsync(async db => otherKey = (await db.ApiKeys.SingleAsync(k => k.ForceCode == report.Other, Ct)).Id.ToString());
        Assert.Equal(0, (await admin.GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?kind={RestrictedReports.ReadKind}&clientId={otherKey}")).TotalCount);

        // Reads are bookkeeping for the caches, and a force's admins do not see them; the change feed never carries them.
        Assert.Equal(stamp, await StampAsync(host));
        var circulatedAdmin = await host.ClientAsync(ApiKeyRole.Admin, report.Circulated);
        Assert.Equal(0, (await circulatedAdmin.GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?kind={RestrictedReports.ReadKind}")).TotalCount);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task The_audit_list_change_feed_webhooks_and_public_page_of_a_force_it_was_not_circulated_to_say_nothing_of_it(Provider provider)
    {
        await using var circulatedReceiver = await WebhookReceiver.StartAsync();
        await using var otherReceiver = await WebhookReceiver.StartAsync();
        await using var host = await hosts.IsolatedHostFor(provider, WebhookTestData.Settings());
        var admin = host.AdminClient();
        var forces = await RestrictedReport.ForcesAsync(admin);
        await admin.SubscribeAsync(WebhookTestData.Subscription(circulatedReceiver.Url, forceCode: forces.Circulated));
        await admin.SubscribeAsync(WebhookTestData.Subscription(otherReceiver.Url, forceCode: forces.Other));
        var report = await RestrictedReport.CreateAsync(host, forces);
        await (await admin.PutJsonAsync($"/api/v1/forces/{report.Other}/public-progress", new PublicProgressRequest(true))).ReadAsync<PublicProgressSettingView>();
        await (await admin.PutJsonAsync($"/api/v1/forces/{report.Circulated}/public-progress", new PublicProgressRequest(true))).ReadAsync<PublicProgressSettingView>();

        // A published report afterwards: once the other force's receiver has it, every earlier event was fanned out to it.
        var marker = await admin.CreateInspectionAsync();
        await otherReceiver.WaitUntilAsync(received => received.Any(w => w.Body.Contains(marker.Id.ToString(), StringComparison.Ordinal)));
        await circulatedReceiver.WaitUntilAsync(received => received.Any(w => w.Body.Contains(marker.Id.ToString(), StringComparison.Ordinal)));

        var circulatedReader = await host.ClientAsync(ApiKeyRole.Reader, report.Circulated);
        await circulatedReader.GetAsync<InspectionView>($"/api/v1/inspections/{report.Report.Id}");
        var hidden = new[] { report.Report.Id, report.Findings[0].Id, report.Findings[1].Id, report.OtherResponse.Id }.Select(id => id.ToString()).ToList();
        Assert.DoesNotContain(otherReceiver.Received, w => hidden.Any(id => w.Body.Contains(id, StringComparison.Ordinal)));
        Assert.Contains(circulatedReceiver.Received, w => w.Body.Contains(report.Report.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains(circulatedReceiver.Received, w => w.Body.Contains(report.CirculatedResponse.Id.ToString(), StringComparison.Ordinal));

        var otherChanges = await ChangesAsync(await host.ClientAsync(ApiKeyRole.Reader, report.Other));
        var circulatedChanges = await ChangesAsync(circulatedReader);
        Assert.Contains(otherChanges, c => c.RecordId == marker.Id.ToString());
        Assert.DoesNotContain(otherChanges, c => hidden.Contains(c.RecordId));
        Assert.Contains(circulatedChanges, c => c.RecordId == report.Report.Id.ToString());
        Assert.Contains(circulatedChanges, c => c.RecordId == report.Findings[0].Id.ToString());
        Assert.DoesNotContain(await ChangesAsync(admin), c => c.Kind == RestrictedReports.ReadKind);
        Assert.Equal(1, (await admin.GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?kind={RestrictedReports.ReadKind}")).TotalCount);

        var otherAdmin = await host.ClientAsync(ApiKeyRole.Admin, report.Other);
        Assert.Equal(0, (await otherAdmin.GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?recordId={report.OtherResponse.Id}")).TotalCount);
        Assert.True((await otherAdmin.GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?forceCode={report.Other}")).TotalCount > 0);
        Assert.True((await admin.GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?recordId={report.OtherResponse.Id}")).TotalCount > 0);
        var circulatedAdmin = await host.ClientAsync(ApiKeyRole.Admin, report.Circulated);
        Assert.True((await circulatedAdmin.GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?recordId={report.CirculatedResponse.Id}")).TotalCount > 0);

        // The public page is of published reports only, whoever the report was circulated to.
        foreach (var force in new[] { report.Other, report.Circulated })
        {
            var page = await host.AnonymousClient().GetStringAsync($"/public/forces/{force}", Ct);
            Assert.DoesNotContain(RestrictedReport.Title, page, StringComparison.Ordinal);
        }
    }

    private static async Task<string> ExportAsync(HttpClient client, string force) =>
        await client.GetStringAsync($"/api/v1/exports?kind=Responses&format=Csv&forceCode={force}", Ct);

    private static async Task<List<ChangeView>> ChangesAsync(HttpClient client)
    {
        var changes = new List<ChangeView>();
        string? cursor = null;
        while (true)
        {
            var page = await client.GetAsync<ChangePage>($"/api/v1/changes?limit=200{(cursor is null ? "" : $"&after={cursor}")}");
            changes.AddRange(page.Items);
            if (!page.HasMore)
            {
                return changes;
            }

            cursor = page.NextCursor;
        }
    }

    private static async Task<string> StampAsync(ComplianceApiHost host)
    {
        var stamp = "";
        await host.WithDatabaseAsync(async db => stamp = (await db.DataVersions.AsNoTracking().SingleAsync(Ct)).Stamp.ToString());
        return stamp;
    }

    /// <summary>The forces of a restricted report: the one it was circulated to, another it concerns, and a collaboration of the first.</summary>
    public sealed record ReportForces(string Circulated, string Other, string Collaboration);

    public sealed record RestrictedReport(
        string Circulated,
        string Other,
        string Collaboration,
        InspectionView Report,
        IReadOnlyList<FindingView> Findings,
        IReadOnlyList<ForceResponseView> CirculatedResponses,
        ForceResponseView OtherResponse,
        ProgressUpdateView ProgressUpdate)
    {
        public ForceResponseView CirculatedResponse => CirculatedResponses[0];

        public const string Title = "Real lives, real crime: a thematic inspection";

        /// <summary>The report's own records as a circulated force reads them.</summary>
        public IEnumerable<string> RecordUrls =>
        [
            $"/api/v1/inspections/{Report.Id}",
            $"/api/v1/findings/{Findings[0].Id}",
            $"/api/v1/findings/{Findings[0].Id}/summary",
        ];

        public static async Task<ReportForces> ForcesAsync(HttpClient admin)
        {
            var circulated = await ForceScenario.NewForceAsync(admin);
            var other = await ForceScenario.NewForceAsync(admin);
            return new ReportForces(circulated, other, await ForceScenario.NewForceAsync(admin, ForceKind.Collaboration, [circulated]));
        }

        public static async Task<RestrictedReport> CreateAsync(ComplianceApiHost host, ReportForces? forces = null)
        {
            var admin = host.AdminClient();
            forces ??= await ForcesAsync(admin);
            var report = await admin.CreateInspectionAsync(TestData.Inspection(forcesInScope: [forces.Circulated, forces.Other]) with
            {
                Title = Title, PublicationStatus = PublicationStatus.Restricted,
            });
            report = await (await admin.PutJsonAsync($"/api/v1/inspections/{report.Id}/circulation", new CirculationRequest([forces.Circulated])))
                .ReadAsync<InspectionView>();
            var first = await admin.CreateFindingAsync(report.Id, FindingTestData.ByNovember2015("Recommendation 1"));
            var second = await admin.CreateFindingAsync(report.Id, FindingTestData.ByNovember2015("Recommendation 2"));
            var circulatedResponse = await admin.CreateResponseAsync(first.Id, Response(forces.Circulated));
            var update = await admin.RecordUpdateAsync(circulatedResponse.Id, Update(new DateOnly(2015, 10, 21), ResponseStatus.InProgress, Rag.Amber));
            var secondResponse = await admin.CreateResponseAsync(second.Id, Response(forces.Circulated));
            var otherResponse = await admin.CreateResponseAsync(first.Id, Response(forces.Other));
            return new RestrictedReport(forces.Circulated, forces.Other, forces.Collaboration, report, [first, second], [circulatedResponse, secondResponse], otherResponse, update);
        }

        /// <summary>A new committee of the force, and its position statement today as the force's key previews it.</summary>
        public static async Task<PositionStatementView> StatementAsync(ComplianceApiHost host, string force)
        {
            var committee = await (await host.AdminClient().PostJsonAsync("/api/v1/committees",
                    new CommitteeRequest(force, Unique.Slug("Police and Crime Panel"), CommitteeBody.PoliceAuthorityCommittee)))
                .ReadAsync<CommitteeView>(HttpStatusCode.Created);
            var reader = await host.ClientAsync(ApiKeyRole.Reader, force);
            return await reader.GetAsync<PositionStatementView>($"/api/v1/committees/{committee.Id}/statement");
        }
    }
}
