using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.ActionPlans;
using ComplianceApi.Features.ApiKeys;
using ComplianceApi.Features.Audit;
using ComplianceApi.Features.Committees;
using ComplianceApi.Features.Evidence;
using ComplianceApi.Features.Findings;
using ComplianceApi.Features.Forces;
using ComplianceApi.Features.Gradings;
using ComplianceApi.Features.InspectorateAssessments;
using ComplianceApi.Features.ReportResponses;
using ComplianceApi.Features.Inspections;
using ComplianceApi.Features.Responses;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Features.PublicProgress;
using ComplianceApi.Features.Statements;
using ComplianceApi.Features.Webhooks;
using ComplianceApi.Support;
using Microsoft.EntityFrameworkCore;
using static ComplianceApi.Data.ComplianceDbContext;
using ComplianceApi.Tests.Features.Evidence;
using ComplianceApi.Tests.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Features.Audit;

public sealed class AuditTrailTests(TestHosts hosts)
{
    // POSTs of the contract that compute an answer and store nothing, so have nothing to record.
    private static readonly HashSet<string> StoreNothing = ["ResolveDeadline"];

    // POSTs that write only bookkeeping (DataVersions.Bookkeeping): a ping is a webhook delivery, which is no event.
    private static readonly HashSet<string> StoreBookkeeping = ["PingWebhookSubscription"];

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Every_write_operation_in_the_contract_records_exactly_one_event_with_its_field_changes(Provider provider)
    {
        var host = await hosts.For(provider);
        var setup = host.AdminClient();
        var trail = await Trail.StartAsync(host, "Audit trail test tracker");
        var client = trail.Client;

        var code = Unique.Slug("audit-force");
        var force = await trail.ExpectAsync<ForceView>("CreateForce", () => client.PostJsonAsync("/api/v1/forces", new ForceRequest(code, $"Audit force {code}", ForceKind.National, null)),
            "force.created", f => f.Code, f => code, ("name", null, $"Audit force {code}"));
        await trail.ExpectAsync<ForceView>("UpdateForce", () => client.PutJsonAsync($"/api/v1/forces/{code}", new ForceRequest(code, $"Renamed force {code}", ForceKind.National, null)),
            "force.updated", f => f.Code, f => code, ("name", $"Audit force {code}", $"Renamed force {code}"));
        await trail.ExpectAsync<PublicProgressSettingView>("SetPublicProgress",
            () => client.PutJsonAsync($"/api/v1/forces/{code}/public-progress", new PublicProgressRequest(true)),
            "force.updated", p => p.ForceCode, p => code, ("publishesProgress", "False", "True"));

        var inspectionRequest = TestData.Inspection(forcesInScope: [force.Code]);
        var inspection = await trail.ExpectAsync<InspectionView>("CreateInspection", () => client.PostJsonAsync("/api/v1/inspections", inspectionRequest),
            "inspection.created", i => i.Id.ToString(), _ => null, ("reference", null, inspectionRequest.Reference));
        await trail.ExpectAsync<InspectionView>("UpdateInspection",
            () => client.PutJsonAsync($"/api/v1/inspections/{inspection.Id}", inspectionRequest with { Title = "Building the picture, revised" }),
            "inspection.updated", i => i.Id.ToString(), _ => null, ("title", inspectionRequest.Title, "Building the picture, revised"));
        await trail.ExpectAsync<InspectionView>("CirculateInspection",
            () => client.PutJsonAsync($"/api/v1/inspections/{inspection.Id}/circulation", new CirculationRequest([code])),
            "inspection.updated", i => i.Id.ToString(), _ => null, ("inspectionCirculation.forceCode", null, code));

        var findingRequest = FindingTestData.Recommendation(addressees: [FindingTestData.ToForce(code)]);
        var finding = await trail.ExpectAsync<FindingView>("CreateFinding", () => client.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/findings", findingRequest),
            "finding.created", f => f.Id.ToString(), _ => null, ("reference", null, "Recommendation 8"));
        await trail.ExpectAsync<FindingView>("UpdateFinding",
            () => client.PutJsonAsync($"/api/v1/findings/{finding.Id}", findingRequest with { Text = "Forces should review their information management." }),
            "finding.updated", f => f.Id.ToString(), _ => null, ("text", findingRequest.Text, "Forces should review their information management."));
        Assert.DoesNotContain(trail.Last!.Changes, c => c.Field.StartsWith("findingAddressee.", StringComparison.Ordinal));
        await trail.ExpectAsync<FindingView>("SetFindingTags",
            () => client.PutJsonAsync($"/api/v1/findings/{finding.Id}/tags", new FindingTagsRequest(["MoPI", " vetting "])),
            "finding.updated", f => f.Id.ToString(), _ => null, ("tagText", "", "MoPI; vetting"), ("tagKeys", "", ";mopi;vetting;"));

        var grading = await trail.ExpectAsync<GradingView>("CreateGrading",
            () => client.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/gradings", FindingTestData.Grading(code, Grade.Good)),
            "grading.created", g => g.Id.ToString(), _ => code, ("grade", null, "Good"));
        await trail.ExpectAsync<GradingView>("UpdateGrading",
            () => client.PutJsonAsync($"/api/v1/gradings/{grading.Id}", FindingTestData.Grading(code, Grade.Outstanding)),
            "grading.updated", g => g.Id.ToString(), _ => code, ("grade", "Good", "Outstanding"));

        var reportResponseRequest = new ReportResponseRequest(code, LocalPolicingBodyKind.Other, "Audit Police Authority", null, null, null, null, null, null);
        var reportResponse = await trail.ExpectAsync<ReportResponseView>("CreateReportResponse",
            () => client.PostJsonAsync($"/api/v1/inspections/{inspection.Id}/report-responses", reportResponseRequest),
            "report_response.created", r => r.Id.ToString(), _ => code, ("bodyName", null, "Audit Police Authority"));
        await trail.ExpectAsync<ReportResponseView>("UpdateReportResponse",
            () => client.PutJsonAsync($"/api/v1/report-responses/{reportResponse.Id}", reportResponseRequest with { PublishedOn = new DateOnly(2015, 8, 26) }),
            "report_response.updated", r => r.Id.ToString(), _ => code, ("publishedOn", null, "2015-08-26"));

        var responseRequest = Response(code);
        var response = await trail.ExpectAsync<ForceResponseView>("CreateForceResponse",
            () => client.PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", responseRequest),
            "response.created", r => r.Id.ToString(), _ => code, ("ownerName", null, responseRequest.OwnerName));
        await trail.ExpectAsync<ForceResponseView>("UpdateForceResponse",
            () => client.PutJsonAsync($"/api/v1/responses/{response.Id}", responseRequest with { OwnerName = "Head of Information Assurance" }),
            "response.updated", r => r.Id.ToString(), _ => code, ("ownerName", responseRequest.OwnerName, "Head of Information Assurance"));
        Assert.Contains(new AuditFieldChangeView("responseRevision.ownerName", null, "Head of Information Assurance"), trail.Last!.Changes);
        Assert.DoesNotContain(trail.Last.Changes, c => c.Field is "responseRevision.id" or "responseRevision.responseId" or "responseRevision.forceCode");
        await trail.ExpectAsync<ResponsePublicStatementView>("SetPublicStatement",
            () => client.PutJsonAsync($"/api/v1/responses/{response.Id}/public-statement", new PublicStatementRequest("We are reviewing how we manage information.")),
            "response.updated", r => r.ResponseId.ToString(), _ => code, ("publicStatement", null, "We are reviewing how we manage information."));
        await trail.ExpectAsync<ForceResponseView>("SetResponseTags",
            () => client.PutJsonAsync($"/api/v1/responses/{response.Id}/tags", new ResponseTagsRequest(["CDI plan"])),
            "response.updated", r => r.Id.ToString(), _ => code, ("tagText", "", "CDI plan"));
        await trail.ExpectAsync<ProgressUpdateView>("RecordProgressUpdate",
            () => client.PostJsonAsync($"/api/v1/responses/{response.Id}/updates", Update(new DateOnly(2015, 10, 21), ResponseStatus.InProgress)),
            "progress_update.recorded", u => u.Id.ToString(), _ => code, ("status", null, "InProgress"), ("response.status", "NotAssessed", "InProgress"));
        await trail.ExpectAsync<InspectorateAssessmentView>("RecordInspectorateAssessment",
            () => client.PostJsonAsync($"/api/v1/responses/{response.Id}/inspectorate-assessments",
                new InspectorateAssessmentRequest(new DateOnly(2015, 10, 21), InspectorateStatus.AwaitingReview, "New recommendation.", "HMICFRS register", null)),
            "inspectorate_assessment.recorded", a => a.Id.ToString(), _ => code, ("status", null, "AwaitingReview"), ("comment", null, "New recommendation."));
        await trail.ExpectAsync<TargetDateChangeView>("RebaselineTargetDate",
            () => client.PostJsonAsync($"/api/v1/responses/{response.Id}/target-date-changes", new TargetDateChangeRequest(new DateOnly(2016, 6, 30), "The new system arrives in June.", null)),
            "target_date_change.recorded", c => c.Id.ToString(), _ => code, ("response.targetDate", "2016-03-31", "2016-06-30"));
        await setup.RecordUpdateAsync(response.Id, Update(new DateOnly(2015, 11, 1), ResponseStatus.Implemented, Rag.Green));
        // Four-eyes closure: the setup key puts the response forward, the trail's key (another identity) decides.
        await setup.RecordUpdateAsync(response.Id, Update(new DateOnly(2015, 11, 20), ResponseStatus.Closed, Rag.Green, signedOffBy: "Assistant Commissioner"));
        await trail.ExpectAsync<ProgressUpdateView>("SendBackForceResponse",
            () => client.PostJsonAsync($"/api/v1/responses/{response.Id}/send-back", new SendBackRequest("The board's minutes are missing.")),
            "response.sent_back", _ => response.Id.ToString(), _ => code,
            ("status", "PendingSignOff", "Implemented"));
        await setup.RecordUpdateAsync(response.Id, Update(ServiceDay.DateAt(DateTimeOffset.UtcNow), ResponseStatus.Closed, Rag.Green));
        await trail.ExpectAsync<ProgressUpdateView>("SignOffForceResponse",
            () => client.PostAsync($"/api/v1/responses/{response.Id}/sign-off", null),
            "response.signed_off", _ => response.Id.ToString(), _ => code,
            ("status", "PendingSignOff", "Closed"));
        await trail.ExpectAsync<ProgressUpdateView>("ReopenForceResponse",
            () => client.PostJsonAsync($"/api/v1/responses/{response.Id}/reopen", new ReopenRequest("The audit found records still held.", "Information Management Unit")),
            "progress_update.recorded", u => u.Id.ToString(), _ => code, ("response.status", "Closed", "InProgress"));

        var evidence = await trail.ExpectAsync<EvidenceView>("AddResponseEvidence",
            () => client.PostJsonAsync($"/api/v1/responses/{response.Id}/evidence", BoardMinutes()),
            "evidence.added", e => e.Id.ToString(), _ => code, ("title", null, BoardMinutes().Title));
        await trail.ExpectAsync<EvidenceView>("UpdateEvidence",
            () => client.PutJsonAsync($"/api/v1/evidence/{evidence.Id}", BoardMinutes() with { Title = "Board minutes, October 2015" }),
            "evidence.updated", e => e.Id.ToString(), _ => code, ("title", BoardMinutes().Title, "Board minutes, October 2015"));
        await trail.ExpectAsync<EvidenceView>("AcceptEvidence",
            () => client.PostJsonAsync($"/api/v1/evidence/{evidence.Id}/accept", new EvidenceAcceptance("The minutes record the decision.", null)),
            "evidence.updated", e => e.Id.ToString(), _ => code, ("reviewState", "Submitted", "Accepted"), ("reviewReason", null, "The minutes record the decision."));
        await trail.ExpectAsync<EvidenceView>("RejectEvidence",
            () => client.PostJsonAsync($"/api/v1/evidence/{evidence.Id}/reject", new EvidenceRejection("The minutes are unsigned.")),
            "evidence.updated", e => e.Id.ToString(), _ => code, ("reviewState", "Accepted", "Rejected"), ("reviewReason", "The minutes record the decision.", "The minutes are unsigned."));
        var file = await trail.ExpectAsync<EvidenceFileView>("UploadEvidenceFile",
            () => client.PostAsync($"/api/v1/evidence/{evidence.Id}/files", EvidenceFileSamples.Form(EvidenceFileSamples.Pdf(1_000), "minutes.pdf"), TestContext.Current.CancellationToken),
            "evidence_file.uploaded", _ => trail.Last!.RecordId, _ => code,
            ("evidenceId", null, evidence.Id.ToString()), ("fileName", null, "minutes.pdf"), ("evidence.reviewState", "Rejected", "Submitted"));
        await host.WithDatabaseAsync(async db => Assert.Equal(
            await db.EvidenceFiles.Where(f => f.EvidenceId == evidence.Id && f.Version == file.Version).Select(f => f.Id).SingleAsync(TestContext.Current.CancellationToken),
            Guid.Parse(trail.Last!.RecordId)));

        var planRequest = PlanTestData.LancashirePlan(inspection.Id, code);
        var plan = await trail.ExpectAsync<ActionPlanView>("CreateActionPlan", () => client.PostJsonAsync("/api/v1/action-plans", planRequest),
            "action_plan.created", p => p.Id.ToString(), _ => code, ("title", null, planRequest.Title));
        await trail.ExpectAsync<ActionPlanView>("UpdateActionPlan",
            () => client.PutJsonAsync($"/api/v1/action-plans/{plan.Id}", planRequest with { OwnerName = "Force Records Manager" }),
            "action_plan.updated", p => p.Id.ToString(), _ => code, ("ownerName", planRequest.OwnerName, "Force Records Manager"));
        var actionRequest = PlanTestData.RecruitRecordsManager(finding.Id);
        var action = await trail.ExpectAsync<PlanActionView>("CreatePlanAction", () => client.PostJsonAsync($"/api/v1/action-plans/{plan.Id}/actions", actionRequest),
            "action.created", a => a.Id.ToString(), _ => code, ("title", null, actionRequest.Title));
        await trail.ExpectAsync<PlanActionView>("UpdateAction",
            () => client.PutJsonAsync($"/api/v1/actions/{action.Id}", actionRequest with { Status = ActionStatus.Completed, CompletedOn = new DateOnly(2016, 2, 1) }),
            "action.updated", a => a.Id.ToString(), _ => code, ("status", "InProgress", "Completed"));
        await trail.ExpectAsync<EvidenceView>("AddActionEvidence", () => client.PostJsonAsync($"/api/v1/actions/{action.Id}/evidence", Strategy()),
            "evidence.added", e => e.Id.ToString(), _ => code, ("title", null, Strategy().Title));

        var committee = await trail.ExpectAsync<CommitteeView>("CreateCommittee",
            () => client.PostJsonAsync("/api/v1/committees", new CommitteeRequest(code, "Audit Committee", CommitteeBody.PoliceAuthorityCommittee)),
            "committee.created", c => c.Id.ToString(), _ => code, ("name", null, "Audit Committee"));
        await trail.ExpectAsync<CommitteeView>("UpdateCommittee",
            () => client.PutJsonAsync($"/api/v1/committees/{committee.Id}", new CommitteeRequest(code, "Joint Audit Committee", CommitteeBody.PoliceAuthorityCommittee)),
            "committee.updated", c => c.Id.ToString(), _ => code, ("name", "Audit Committee", "Joint Audit Committee"));
        var report = await trail.ExpectAsync<CommitteeReportView>("CreateCommitteeReport",
            () => client.PostJsonAsync($"/api/v1/committees/{committee.Id}/reports", new CommitteeReportRequest("JAC 4/16", "HMIC inspection update", new DateOnly(2016, 1, 7))),
            "committee_report.created", r => r.Id.ToString(), _ => code, ("reference", null, "JAC 4/16"));
        await trail.ExpectAsync<CommitteeReportView>("UpdateCommitteeReport",
            () => client.PutJsonAsync($"/api/v1/committee-reports/{report.Id}", new CommitteeReportRequest("JAC 4/16", "HMIC inspections: update", new DateOnly(2016, 1, 7))),
            "committee_report.updated", r => r.Id.ToString(), _ => code, ("title", "HMIC inspection update", "HMIC inspections: update"));
        await trail.ExpectAsync<PositionStatementView>("IssuePositionStatement",
            () => client.PostJsonAsync($"/api/v1/committee-reports/{report.Id}/statement", new IssueStatementRequest(new DateOnly(2016, 1, 7))),
            "statement.issued", s => s.Id!.Value.ToString(), _ => code);

        ApiKeyIssuedView? issued = null;
        issued = await trail.ExpectAsync<ApiKeyIssuedView>("CreateApiKey",
            () => client.PostJsonAsync("/api/v1/api-keys", new ApiKeyRequest("Audit force tracker", ApiKeyRole.Editor, code)),
            "key.created", k => k.Id.ToString(), _ => code, ("clientName", null, "Audit force tracker"), ("role", null, "Editor"));
        await trail.ExpectAsync<ApiKeyIssuedView>("RotateApiKey",
            () => client.PostJsonAsync($"/api/v1/api-keys/{issued.Id}/rotate", new ApiKeyRotationRequest(null, null)),
            "key.created", k => k.Id.ToString(), _ => code, ("clientName", null, "Audit force tracker"), ("replacesKeyId", null, issued.Id.ToString()));
        await trail.ExpectAsync<JsonObject?>("RevokeApiKey", () => client.DeleteAsync($"/api/v1/api-keys/{issued.Id}", TestContext.Current.CancellationToken),
            "key.revoked", _ => issued.Id.ToString(), _ => code);
        Assert.Contains(trail.Last!.Changes, c => c.Field == "revokedAt" && c.Old is null && c.New is not null);

        var hookUrl = $"http://127.0.0.1:9/{code}";
        var subscriptionRequest = new WebhookSubscriptionRequest(hookUrl, ["response.created"], code, "Audit tracker", null);
        var subscription = await trail.ExpectAsync<WebhookSubscriptionSecretView>("CreateWebhookSubscription",
            () => client.PostJsonAsync("/api/v1/webhook-subscriptions", subscriptionRequest),
            "webhook_subscription.created", s => s.Subscription.Id.ToString(), _ => code, ("url", null, hookUrl));
        await trail.ExpectAsync<WebhookSubscriptionView>("UpdateWebhookSubscription",
            () => client.PutJsonAsync($"/api/v1/webhook-subscriptions/{subscription.Subscription.Id}", subscriptionRequest with { Description = "Audit tracker, revised" }),
            "webhook_subscription.updated", s => s.Id.ToString(), _ => code, ("description", "Audit tracker", "Audit tracker, revised"));
        await trail.ExpectAsync<WebhookSubscriptionSecretView>("RotateWebhookSecret",
            () => client.PostAsync($"/api/v1/webhook-subscriptions/{subscription.Subscription.Id}/rotate-secret", null, TestContext.Current.CancellationToken),
            "webhook_subscription.updated", s => s.Subscription.Id.ToString(), _ => code);
        Assert.DoesNotContain(trail.Last!.Changes, c => c.Field.Contains("secret", StringComparison.OrdinalIgnoreCase));
        await trail.ExpectNothingAsync("PingWebhookSubscription",
            () => client.PostAsync($"/api/v1/webhook-subscriptions/{subscription.Subscription.Id}/ping", null, TestContext.Current.CancellationToken));
        await trail.ExpectAsync<JsonObject?>("DeleteWebhookSubscription",
            () => client.DeleteAsync($"/api/v1/webhook-subscriptions/{subscription.Subscription.Id}", TestContext.Current.CancellationToken),
            "webhook_subscription.deleted", _ => subscription.Subscription.Id.ToString(), _ => code, ("url", hookUrl, null));

        var workbook = ImportTestRows.WholeWorkbook(Unique.Slug("building-the-picture"));
        var loaded = await trail.ExpectAsync<ImportReport>("ImportSpreadsheet", () => client.ImportAsync(workbook),
            "import.loaded", _ => trail.Last!.LoadId!.Value.ToString(), _ => null,
            ("fileName", null, "load.xlsx"), ("sha256", null, Convert.ToHexStringLower(SHA256.HashData(workbook))),
            ("findings.created", null, "2"), ("responses.created", null, "2"), ("gradings.created", null, "1"));
        Assert.True(loaded.Applied);

        var writes = WriteOperations(await host.ServedContractAsync());
        Assert.Equal(writes.Except(StoreNothing).Except(StoreBookkeeping).Order(), trail.Covered.Order());
        Assert.Equal(StoreBookkeeping.Order(), trail.Unrecorded.Order());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_load_is_one_event_every_row_it_writes_carries_its_id_and_a_dry_run_records_nothing(Provider provider)
    {
        var host = await hosts.For(provider);
        var trail = await Trail.StartAsync(host, "Load test");
        var inspection = Unique.Slug("building-the-picture");
        var workbook = ImportTestRows.WholeWorkbook(inspection);

        var dryRun = await trail.Client.LoadAsync(workbook, "?dryRun=true");
        Assert.Empty(await trail.EventsAsync());
        await trail.Client.LoadAsync(workbook);
        var loaded = Assert.Single(await trail.EventsAsync());

        Assert.True(dryRun.DryRun);
        Assert.Equal(("import.loaded", "import", "ImportSpreadsheet"), (loaded.Kind, loaded.RecordType, loaded.Operation));
        var load = loaded.LoadId!.Value;
        Assert.Equal(load.ToString(), loaded.RecordId);
        await host.WithDatabaseAsync(async db =>
        {
            var ct = TestContext.Current.CancellationToken;
            var findings = await db.Findings.Where(f => f.Inspection.Reference == inspection).Select(f => new { f.Id, Load = EF.Property<Guid?>(f, LoadIdColumn) }).ToListAsync(ct);
            var findingIds = findings.Select(f => f.Id).ToList();
            var responses = await db.ForceResponses.IgnoreQueryFilters().Where(r => findingIds.Contains(r.FindingId))
                .Select(r => new { r.Id, Load = EF.Property<Guid?>(r, LoadIdColumn) }).ToListAsync(ct);
            var responseIds = responses.Select(r => r.Id).ToList();
            var updates = await db.ProgressUpdates.IgnoreQueryFilters().Where(u => responseIds.Contains(u.ResponseId))
                .Select(u => new { u.RecordedBy, Load = EF.Property<Guid?>(u, LoadIdColumn) }).ToListAsync(ct);
            var inspectionId = await db.Inspections.Where(i => i.Reference == inspection).Select(i => i.Id).SingleAsync(ct);
            var gradings = await db.Gradings.Where(g => g.InspectionId == inspectionId).Select(g => EF.Property<Guid?>(g, LoadIdColumn)).ToListAsync(ct);

            Assert.Equal(2, findings.Count);
            Assert.All(findings, f => Assert.Equal(load, f.Load));
            Assert.Equal(2, responses.Count);
            Assert.All(responses, r => Assert.Equal(load, r.Load));
            Assert.NotEmpty(updates);
            Assert.All(updates, u => Assert.Equal((load, trail.ClientName), (u.Load!.Value, u.RecordedBy)));
            Assert.Equal([load], gradings.Select(g => g!.Value));
        });
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_key_event_records_neither_the_secret_nor_its_hash(Provider provider)
    {
        var host = await hosts.For(provider);
        var trail = await Trail.StartAsync(host, "Key issuing test");

        var issued = await trail.ExpectAsync<ApiKeyIssuedView>("CreateApiKey",
            () => trail.Client.PostJsonAsync("/api/v1/api-keys", new ApiKeyRequest("Cumbria compliance tracker", ApiKeyRole.Editor, "cumbria")),
            "key.created", k => k.Id.ToString(), _ => "cumbria");

        var text = await (await trail.Client.GetAsync($"/api/v1/audit-events?clientId={trail.KeyId}", TestContext.Current.CancellationToken)).Content
            .ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(issued.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey.Hash(issued.Secret), text, StringComparison.Ordinal);
        Assert.DoesNotContain(trail.Last!.Changes, c => c.Field.Contains("secret", StringComparison.OrdinalIgnoreCase) || c.Field.Contains("hash", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(trail.Last.Changes, c => c.Field == "hint" && c.New == issued.Hint);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_refused_write_records_no_event(Provider provider)
    {
        var host = await hosts.For(provider);
        var trail = await Trail.StartAsync(host, "Refused writes test");
        var finding = await host.CreateFindingAsync();
        await host.AdminClient().CreateResponseAsync(finding.Id, Response(CityOfLondon));

        await (await trail.Client.PostJsonAsync("/api/v1/forces", new ForceRequest("Not A Code", "Bad", ForceKind.National, null))).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await trail.Client.PostJsonAsync($"/api/v1/findings/{finding.Id}/responses", Response(CityOfLondon))).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Empty(await trail.EventsAsync());
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Events_are_filtered_by_kind_record_force_client_and_time_and_paged_oldest_first(Provider provider)
    {
        var host = await hosts.For(provider);
        var trail = await Trail.StartAsync(host, "Filter test");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var finding = await host.CreateFindingAsync();
        var city = await trail.Client.CreateResponseAsync(finding.Id, Response(CityOfLondon));
        var lancashire = await trail.Client.CreateResponseAsync(finding.Id, Response(Lancashire));
        await trail.Client.RecordUpdateAsync(city.Id, Update(new DateOnly(2015, 10, 21), ResponseStatus.InProgress));
        var after = DateTimeOffset.UtcNow.AddSeconds(1);
        var mine = $"clientId={trail.KeyId}";

        var all = await trail.EventsAsync();
        Assert.Equal(["response.created", "response.created", "progress_update.recorded"], all.Select(e => e.Kind));
        Assert.Equal(all.Select(e => e.Sequence).Order(), all.Select(e => e.Sequence));
        Assert.Equal([lancashire.Id.ToString()], (await trail.ListAsync($"{mine}&forceCode={Lancashire}")).Items.Select(e => e.RecordId));
        Assert.Single((await trail.ListAsync($"{mine}&kind=progress_update.recorded")).Items);
        Assert.Equal(["response.created"], (await trail.ListAsync($"{mine}&recordType=response&recordId={city.Id}")).Items.Select(e => e.Kind));
        Assert.Equal(3, (await trail.ListAsync($"{mine}&from={before:O}&to={after:O}".Replace("+", "%2B"))).TotalCount);
        Assert.Empty((await trail.ListAsync($"{mine}&from={after.UtcDateTime:yyyy-MM-ddTHH:mm:ss}Z")).Items);
        Assert.Equal(3, (await trail.ListAsync($"{mine}&from={before.UtcDateTime:yyyy-MM-dd}")).TotalCount);

        var first = await trail.ListAsync($"{mine}&limit=2");
        var second = await trail.ListAsync($"{mine}&limit=2&cursor={first.NextCursor}");
        Assert.Equal(3, first.TotalCount);
        Assert.Equal(all.Select(e => e.Sequence), first.Items.Concat(second.Items).Select(e => e.Sequence));
        Assert.Null(second.NextCursor);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_bad_cursor_or_instant_is_refused_naming_the_field(Provider provider)
    {
        var admin = (await hosts.For(provider)).AdminClient();
        var ct = TestContext.Current.CancellationToken;

        var cursor = await (await admin.GetAsync($"/api/v1/audit-events?cursor={Paging.Encode(Guid.NewGuid().ToString())}", ct)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var garbage = await (await admin.GetAsync("/api/v1/audit-events?cursor=%21%21", ct)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var instant = await (await admin.GetAsync("/api/v1/audit-events?from=2/3/2026", ct)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("cursor", cursor.Errors!.Keys);
        Assert.Contains("cursor", garbage.Errors!.Keys);
        Assert.Contains("from", instant.Errors!.Keys);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_admin_reads_its_force_events_only_and_editors_read_none(Provider provider)
    {
        var host = await hosts.For(provider);
        var finding = await host.CreateFindingAsync();
        var city = await host.AdminClient().CreateResponseAsync(finding.Id, Response(CityOfLondon));
        var lancashire = await host.AdminClient().CreateResponseAsync(finding.Id, Response(Lancashire));
        var lancashireAdmin = await host.ClientAsync(ApiKeyRole.Admin, Lancashire);
        var editor = await host.ClientAsync(ApiKeyRole.Editor, Lancashire);
        var ct = TestContext.Current.CancellationToken;

        var own = await lancashireAdmin.GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?recordId={lancashire.Id}");
        var other = await lancashireAdmin.GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?recordId={city.Id}");
        var asked = await lancashireAdmin.GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?forceCode={CityOfLondon}&limit=5");

        Assert.Equal(["response.created"], own.Items.Select(e => e.Kind));
        Assert.Empty(other.Items);
        Assert.Empty(asked.Items);
        Assert.All((await lancashireAdmin.GetAsync<Page<AuditEventView>>("/api/v1/audit-events?limit=200")).Items, e => Assert.Equal(Lancashire, e.ForceCode));
        await (await editor.GetAsync("/api/v1/audit-events", ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_force_admin_edits_and_manages_its_force_keys_but_not_national_data_or_other_forces_keys(Provider provider)
    {
        var host = await hosts.For(provider);
        var admin = host.AdminClient();
        var lancashireAdmin = await host.ClientAsync(ApiKeyRole.Admin, Lancashire);
        var cityKey = await (await admin.PostJsonAsync("/api/v1/api-keys", new ApiKeyRequest("City tracker", ApiKeyRole.Editor, CityOfLondon))).ReadAsync<ApiKeyIssuedView>(HttpStatusCode.Created);
        var finding = await host.CreateFindingAsync();
        var ct = TestContext.Current.CancellationToken;

        var response = await lancashireAdmin.CreateResponseAsync(finding.Id, Response(Lancashire));
        var own = await (await lancashireAdmin.PostJsonAsync("/api/v1/api-keys", new ApiKeyRequest("Lancashire tracker", ApiKeyRole.Editor, Lancashire)))
            .ReadAsync<ApiKeyIssuedView>(HttpStatusCode.Created);
        var listed = await lancashireAdmin.GetAsync<Page<ApiKeyView>>("/api/v1/api-keys?limit=200");

        Assert.Equal(Lancashire, response.ForceCode);
        Assert.All(listed.Items, k => Assert.Equal(Lancashire, k.ForceCode));
        Assert.Contains(listed.Items, k => k.Id == own.Id);
        await (await lancashireAdmin.PostJsonAsync("/api/v1/api-keys", new ApiKeyRequest("National tracker", ApiKeyRole.Reader, null))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await lancashireAdmin.PostJsonAsync("/api/v1/api-keys", new ApiKeyRequest("City tracker", ApiKeyRole.Reader, CityOfLondon))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await lancashireAdmin.GetAsync($"/api/v1/api-keys/{cityKey.Id}", ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashireAdmin.DeleteAsync($"/api/v1/api-keys/{cityKey.Id}", ct)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await lancashireAdmin.PostJsonAsync("/api/v1/inspections", TestData.Inspection())).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await lancashireAdmin.PostJsonAsync("/api/v1/forces", new ForceRequest(Unique.Slug("f"), "F", ForceKind.National, null))).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Null((await admin.GetAsync<ApiKeyView>($"/api/v1/api-keys/{cityKey.Id}")).RevokedAt);
    }

    private static List<string> WriteOperations(string contract) =>
        [.. JsonNode.Parse(contract)!["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject())
            .Where(operation => operation.Key is "post" or "put" or "patch" or "delete")
            .Select(operation => operation.Value!["operationId"]!.GetValue<string>())];

    /// <summary>A client of its own (a national admin key issued through the API), whose events no other test makes.</summary>
    private sealed class Trail
    {
        private Trail(HttpClient client, Guid keyId, string clientName)
        {
            Client = client;
            KeyId = keyId;
            ClientName = clientName;
        }

        public HttpClient Client { get; }
        public Guid KeyId { get; }
        public string ClientName { get; }
        public HashSet<string> Covered { get; } = [];
        public HashSet<string> Unrecorded { get; } = [];
        public AuditEventView? Last { get; private set; }

        public static async Task<Trail> StartAsync(ComplianceApiHost host, string name)
        {
            var clientName = Unique.Slug(name);
            var issued = await (await host.AdminClient().PostJsonAsync("/api/v1/api-keys", new ApiKeyRequest(clientName, ApiKeyRole.Admin, null)))
                .ReadAsync<ApiKeyIssuedView>(HttpStatusCode.Created);
            return new Trail(host.ClientWithKey(issued.Secret), issued.Id, clientName);
        }

        public Task<Page<AuditEventView>> ListAsync(string query) => Client.GetAsync<Page<AuditEventView>>($"/api/v1/audit-events?{query}");

        public async Task<List<AuditEventView>> EventsAsync() => [.. (await ListAsync($"clientId={KeyId}&limit=200")).Items];

        /// <summary>Performs the operation and finds exactly one new event of this client for it, as expected.</summary>
        public async Task<T> ExpectAsync<T>(
            string operation,
            Func<Task<HttpResponseMessage>> act,
            string kind,
            Func<T, string> recordId,
            Func<T, string?> forceCode,
            params (string Field, string? Old, string? New)[] changes)
        {
            var before = await EventsAsync();
            var answer = await act();
            Assert.True(answer.IsSuccessStatusCode, $"{operation} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
            var body = answer.StatusCode == HttpStatusCode.NoContent ? default! : await answer.ReadAsync<T>(answer.StatusCode);
            var after = await EventsAsync();

            var recorded = Assert.Single(after.Skip(before.Count));
            Last = recorded;
            Assert.Equal(before.Count + 1, after.Count);
            Assert.Equal((operation, kind, forceCode(body), ClientName, KeyId.ToString()),
                (recorded.Operation, recorded.Kind, recorded.ForceCode, recorded.Client.Name, recorded.Client.Id));
            Assert.Equal(recordId(body), recorded.RecordId);
            foreach (var change in changes)
            {
                Assert.Contains(new AuditFieldChangeView(change.Field, change.Old, change.New), recorded.Changes);
            }

            Covered.Add(operation);
            return body;
        }

        /// <summary>Performs an operation that writes only bookkeeping, and finds that it recorded no event.</summary>
        public async Task ExpectNothingAsync(string operation, Func<Task<HttpResponseMessage>> act)
        {
            var before = await EventsAsync();
            var answer = await act();
            Assert.True(answer.IsSuccessStatusCode, $"{operation} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
            Assert.Equal(before.Count, (await EventsAsync()).Count);
            Unrecorded.Add(operation);
        }
    }
}
