using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;

namespace ComplianceApi.Tests.Contract;

/// <summary>
/// Real traffic through a contract-validating proxy: a committee's year, from a new force and an
/// inspection to an issued position statement and a spreadsheet round trip, made with the generated C#
/// client through Prism (<c>prism proxy contract service --errors</c>). Prism answers any request or
/// response that breaks the contract with its own problem, which fails the journey; and the journey must
/// call every operation the contract declares, so no answer goes unchecked.
/// </summary>
public sealed partial class ContractConformanceTests(TestHosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_journey_over_every_operation_gets_only_answers_the_contract_allows()
    {
        var host = hosts.Loopback();
        var folder = Directory.CreateTempSubdirectory("compliance-prism-");
        try
        {
            var contractPath = Path.Combine(folder.FullName, "compliance-api.json");
            var served = await host.ServedContractAsync();
            await File.WriteAllTextAsync(contractPath, served, Ct);
            var operations = ContractOperations.From(JsonNode.Parse(served)!);

            await using var prism = await PrismProxy.StartAsync(contractPath, host.ServerAddress, Ct);
            var recorder = new ConformanceRecorder(operations) { InnerHandler = new HttpClientHandler() };
            using var http = new HttpClient(recorder) { BaseAddress = prism.Address };

            try
            {
                await JourneyAsync(http);
            }
            catch (ComplianceApiException stopped) when (recorder.Violations.Count > 0)
            {
                Assert.Fail($"Prism stopped the journey at an answer the contract does not allow:\n{string.Join("\n", recorder.Violations)}\n{stopped.Message}");
            }
            catch (HttpRequestException broken)
            {
                Assert.Fail($"Prism broke off a request ({broken.Message}); what it wrote:\n{prism.Output}");
            }

            Assert.True(recorder.Violations.Count == 0,
                $"Prism found answers (or requests) the contract does not allow:\n{string.Join("\n", recorder.Violations)}");
            Assert.Equal(operations.Ids.Order(StringComparer.Ordinal), recorder.Exercised.Order(StringComparer.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task JourneyAsync(HttpClient http)
    {
        var admin = Clients.For(http, ComplianceApiHost.AdminKey);

        // A force of our own, so the statement holds this journey's findings alone.
        var forceCode = Unique.Slug("conformance");
        var force = await admin.Forces.CreateForceAsync(new ForceRequest { Code = forceCode, Name = $"Conformance Constabulary {forceCode}", Kind = ForceKind.National }, cancellationToken: Ct);
        await admin.Forces.UpdateForceAsync(force.Code, new ForceRequest { Code = forceCode, Name = $"Conformance Police {forceCode}", Kind = ForceKind.National }, cancellationToken: Ct);
        await admin.Forces.GetForceAsync(forceCode, Ct);
        await admin.Forces.ListForcesAsync(ForceKind.National, Ct);

        var issued = await admin.ApiKeys.CreateApiKeyAsync(new ApiKeyRequest { ClientName = "Conformance editor", Role = ApiKeyRole.Editor, ForceCode = forceCode }, cancellationToken: Ct);
        var spare = await admin.ApiKeys.CreateApiKeyAsync(new ApiKeyRequest { ClientName = "Conformance reader", Role = ApiKeyRole.Reader, ForceCode = forceCode }, cancellationToken: Ct);
        await admin.ApiKeys.GetApiKeyAsync(spare.Id, Ct);
        await admin.ApiKeys.RevokeApiKeyAsync(spare.Id, cancellationToken: Ct);
        await admin.ApiKeys.ListApiKeysAsync(includeRevoked: true, forceCode: forceCode, cancellationToken: Ct);
        var rotated = await admin.ApiKeys.CreateApiKeyAsync(new ApiKeyRequest { ClientName = "Conformance rotated", Role = ApiKeyRole.Reader, ForceCode = forceCode }, cancellationToken: Ct);
        await admin.ApiKeys.RotateApiKeyAsync(rotated.Id, new ApiKeyRotationRequest { OldKeyExpiresAt = DateTimeOffset.UtcNow.AddDays(7) }, Ct);
        await admin.Audit.ListAuditEventsAsync(recordType: "key", forceCode: forceCode, limit: 5, cancellationToken: Ct);
        await admin.Changes.ListChangesAsync(kinds: "key.created,key.revoked", forceCode: forceCode, limit: 5, cancellationToken: Ct);
        // Nothing listens on the discard port: deliveries fail and are retried, which the journey does not wait for.
        var hook = new WebhookSubscriptionRequest { Url = "http://127.0.0.1:9/conformance", Kinds = ["response.created"], ForceCode = forceCode, Description = "Conformance mirror" };
        var subscribed = await admin.Webhooks.CreateWebhookSubscriptionAsync(hook, Ct);
        await admin.Webhooks.GetWebhookSubscriptionAsync(subscribed.Subscription.Id, Ct);
        await admin.Webhooks.ListWebhookSubscriptionsAsync(forceCode: forceCode, cancellationToken: Ct);
        await admin.Webhooks.PingWebhookSubscriptionAsync(subscribed.Subscription.Id, Ct);
        await admin.Webhooks.ListWebhookDeliveriesAsync(subscribed.Subscription.Id, cancellationToken: Ct);
        await admin.Webhooks.RotateWebhookSecretAsync(subscribed.Subscription.Id, Ct);
        hook.Enabled = false;
        await admin.Webhooks.UpdateWebhookSubscriptionAsync(subscribed.Subscription.Id, hook, Ct);
        await admin.Webhooks.DeleteWebhookSubscriptionAsync(subscribed.Subscription.Id, Ct);
        var editor = Clients.For(http, issued.Secret);

        var inspection = await admin.Inspections.CreateInspectionAsync(BuildingThePicture(), cancellationToken: Ct);
        var reworded = BuildingThePicture();
        reworded.Reference = inspection.Reference;
        reworded.Title = "Building the picture: an inspection of police information management (2015)";
        await admin.Inspections.UpdateInspectionAsync(inspection.Id, reworded, cancellationToken: Ct);
        await admin.Inspections.CirculateInspectionAsync(inspection.Id, new CirculationRequest { ForceCodes = ["city-of-london"] }, cancellationToken: Ct);
        await admin.Inspections.GetInspectionAsync(inspection.Id, Ct);
        await admin.Inspections.ListInspectionsAsync(inspectorate: Inspectorate.Hmic, cancellationToken: Ct);

        var recommendation8 = await admin.Findings.CreateFindingAsync(inspection.Id, Recommendation8(), cancellationToken: Ct);
        var byNovember = await admin.Findings.CreateFindingAsync(inspection.Id, ByNovember2015("Recommendation 1"), cancellationToken: Ct);
        await admin.Findings.UpdateFindingAsync(byNovember.Id, ByNovember2015("Recommendation 1"), cancellationToken: Ct);
        await admin.Findings.GetFindingAsync(recommendation8.Id, Ct);
        await admin.Findings.ListInspectionFindingsAsync(inspection.Id, cancellationToken: Ct);
        await admin.Findings.ListFindingsAsync(inspectionId: inspection.Id, forceCode: forceCode, asOf: new DateOnly(2016, 1, 1), cancellationToken: Ct);
        await admin.Findings.SetFindingTagsAsync(recommendation8.Id, new FindingTagsRequest { Tags = ["MoPI", "records review"] }, cancellationToken: Ct);
        await admin.Findings.ListFindingsAsync(inspectionId: inspection.Id, tag: ["mopi"], cancellationToken: Ct);
        await admin.Deadlines.ResolveDeadlineAsync(new ResolveDeadlineRequest { Text = "by November 2015", PublishedOn = new DateOnly(2015, 7, 2) }, Ct);
        await admin.Deadlines.ResolveDeadlineAsync(new ResolveDeadlineRequest { Text = "Immediately", PublishedOn = new DateOnly(2015, 7, 2) }, Ct);

        // One response goes through progress, a new target date, closure and reopening; the other is
        // never assessed, so it answers with no RAG.
        var response = await editor.Responses.CreateForceResponseAsync(recommendation8.Id, Response(forceCode), cancellationToken: Ct);
        var untouched = await editor.Responses.CreateForceResponseAsync(byNovember.Id, Response(forceCode), cancellationToken: Ct);
        var updated = Response(forceCode);
        updated.OwnerName = "Head of Information Assurance";
        await editor.Responses.UpdateForceResponseAsync(untouched.Id, updated, cancellationToken: Ct);
        var started = await editor.Responses.RecordProgressUpdateAsync(response.Id,
            Update(new DateOnly(2015, 8, 3), ResponseStatus.InProgress, Rag.Red, "Review of the archive under way."), cancellationToken: Ct);
        var change = await editor.Responses.RebaselineTargetDateAsync(response.Id,
            new TargetDateChangeRequest { NewTargetDate = new DateOnly(2016, 6, 30), Reason = "NSPIS replacement delayed.", EffectiveOn = new DateOnly(2015, 9, 1) }, cancellationToken: Ct);
        await editor.Responses.GetTargetDateChangeAsync(response.Id, change.Id, Ct);
        await editor.Responses.ListTargetDateChangesAsync(response.Id, cancellationToken: Ct);
        await editor.Responses.GetProgressUpdateAsync(response.Id, started.Id, Ct);
        await editor.InspectorateAssessments.RecordInspectorateAssessmentAsync(response.Id, new InspectorateAssessmentRequest
        {
            AssessedOn = new DateOnly(2015, 9, 10), Status = InspectorateStatus.BeingProgressed, Comment = "New recommendation.",
            Source = "https://www.justiceinspectorates.gov.uk/hmicfrs/", SourceShownOn = new DateOnly(2015, 9, 12),
        }, cancellationToken: Ct);
        await editor.InspectorateAssessments.ListInspectorateAssessmentsAsync(response.Id, cancellationToken: Ct);
        await editor.Responses.GetForceResponseAsync(untouched.Id, cancellationToken: Ct);
        await editor.Responses.ListFindingResponsesAsync(recommendation8.Id, cancellationToken: Ct);
        await editor.Responses.ListForceResponsesAsync(inspectionId: inspection.Id, forceCode: forceCode, cancellationToken: Ct);
        await editor.Responses.SetResponseTagsAsync(response.Id, new ResponseTagsRequest { Tags = ["MoPI", "CDI plan"] }, cancellationToken: Ct);
        await editor.Responses.ListForceResponsesAsync(forceCode: forceCode, tag: ["mopi", "cdi plan"], cancellationToken: Ct);

        var plan = await editor.ActionPlans.CreateActionPlanAsync(Plan(forceCode, inspection.Id), cancellationToken: Ct);
        await editor.ActionPlans.UpdateActionPlanAsync(plan.Id, Plan(forceCode, inspection.Id), cancellationToken: Ct);
        await editor.ActionPlans.GetActionPlanAsync(plan.Id, Ct);
        await editor.ActionPlans.ListActionPlansAsync(forceCode: forceCode, cancellationToken: Ct);
        var action = await editor.ActionPlans.CreatePlanActionAsync(plan.Id, RecruitRecordsManager(recommendation8.Id), cancellationToken: Ct);
        var completed = RecruitRecordsManager(recommendation8.Id);
        completed.Status = ActionStatus.Completed;
        completed.CompletedOn = new DateOnly(2016, 2, 1);
        await editor.ActionPlans.UpdateActionAsync(action.Id, completed, cancellationToken: Ct);
        await editor.ActionPlans.GetActionAsync(action.Id, Ct);
        await editor.ActionPlans.ListPlanActionsAsync(plan.Id, cancellationToken: Ct);
        await editor.ActionPlans.ListActionsAsync(forceCode: forceCode, cancellationToken: Ct);

        var evidence = await editor.Evidence.AddResponseEvidenceAsync(response.Id, Strategy(), cancellationToken: Ct);
        await editor.Evidence.AddActionEvidenceAsync(action.Id, Strategy(), cancellationToken: Ct);
        await editor.Evidence.UpdateEvidenceAsync(evidence.Id, Strategy(), cancellationToken: Ct);
        await editor.Evidence.GetEvidenceAsync(evidence.Id, Ct);
        await editor.Evidence.ListEvidenceAsync(responseId: response.Id, cancellationToken: Ct);
        var actionEvidence = await editor.Evidence.ListEvidenceAsync(actionId: action.Id, cancellationToken: Ct);
        // A name with a space: .NET then quotes it, and Prism's multipart parser reads only quoted file names.
        using (var minutes = new MemoryStream("Information Management Board, 3 August 2015: the retention review was agreed.\n"u8.ToArray()))
        {
            var uploaded = await editor.Evidence.UploadEvidenceFileAsync(evidence.Id, new FileParameter(minutes, "board minutes.txt", "text/plain"), Ct);
            await editor.Evidence.ListEvidenceFilesAsync(evidence.Id, Ct);
            using (await editor.Evidence.DownloadLatestEvidenceFileAsync(evidence.Id, Ct))
            {
            }

            using (await editor.Evidence.DownloadEvidenceFileAsync(evidence.Id, uploaded.Version, Ct))
            {
            }
        }

        await admin.Evidence.AcceptEvidenceAsync(evidence.Id, new EvidenceAcceptance { Reason = "The minutes record the decision.", ExpiresOn = new DateOnly(2017, 8, 3) }, Ct);
        await admin.Evidence.RejectEvidenceAsync(actionEvidence.Items.First().Id, new EvidenceRejection { Reason = "A draft, not the signed strategy." }, Ct);

        var grading = await admin.Gradings.CreateGradingAsync(inspection.Id,
            new GradingRequest { ForceCode = forceCode, Grade = Grade.RequiresImprovement, GivenOn = new DateOnly(2015, 7, 2) }, cancellationToken: Ct);
        await admin.Gradings.UpdateGradingAsync(grading.Id,
            new GradingRequest { ForceCode = forceCode, Grade = Grade.Good, GivenOn = new DateOnly(2015, 7, 2) }, cancellationToken: Ct);
        await admin.Gradings.GetGradingAsync(grading.Id, Ct);
        await admin.Gradings.ListGradingsAsync(inspectionId: inspection.Id, cancellationToken: Ct);
        // The journey's force is a national one, with no s55 body by default, so it names one.
        var reportResponse = await editor.ReportResponses.CreateReportResponseAsync(inspection.Id, new ReportResponseRequest
        {
            ForceCode = forceCode, BodyKind = LocalPolicingBodyKind.Other, BodyName = "Conformance Police Authority",
            CommentsRequestedOn = new DateOnly(2015, 7, 3), CommentsDueOn = new DateOnly(2015, 8, 1),
            Recommendations = [new RecommendationAnswerRequest { FindingId = recommendation8.Id, Action = RecommendationAction.ToBeTaken, Explanation = "A review of the archive." }],
        }, cancellationToken: Ct);
        await editor.ReportResponses.UpdateReportResponseAsync(reportResponse.Id, new ReportResponseRequest
        {
            ForceCode = forceCode, BodyKind = LocalPolicingBodyKind.Other, BodyName = "Conformance Police Authority",
            CommentsRequestedOn = new DateOnly(2015, 7, 3), CommentsDueOn = new DateOnly(2015, 8, 1), CommentsReceivedOn = new DateOnly(2015, 7, 30),
            PublishedOn = new DateOnly(2015, 8, 26), PublishedAt = "https://example.org/conformance/response",
            Recommendations = [new RecommendationAnswerRequest { FindingId = recommendation8.Id, Action = RecommendationAction.Taken, Explanation = "The archive was reviewed." }],
        }, cancellationToken: Ct);
        await editor.ReportResponses.GetReportResponseAsync(reportResponse.Id, Ct);
        await editor.ReportResponses.ListReportResponsesAsync(overdue: false, forceCode: forceCode, cancellationToken: Ct);
        await admin.Summaries.GetInspectionGradingsSummaryAsync(inspection.Id, Ct);
        await admin.Summaries.GetGradingRoundSummaryAsync(InspectionType.NationalThematic, new DateOnly(2015, 1, 1), new DateOnly(2015, 12, 31), Ct);
        await admin.Summaries.GetForceSummaryAsync(forceCode, new DateOnly(2016, 1, 1), Ct);
        await admin.Reminders.GetRemindersAsync(withinDays: 45, forceCode: forceCode, cancellationToken: Ct);
        await admin.Summaries.GetFindingSummaryAsync(recommendation8.Id, new DateOnly(2016, 1, 1), Ct);

        // The committee gets a statement in December 2015; by the next, the response has closed (and is reopened).
        var committee = await editor.Committees.CreateCommitteeAsync(
            new CommitteeRequest { ForceCode = forceCode, Name = "Police and Crime Panel", Body = CommitteeBody.PoliceAndCrimePanel }, cancellationToken: Ct);
        await editor.Committees.UpdateCommitteeAsync(committee.Id,
            new CommitteeRequest { ForceCode = forceCode, Name = "Conformance Police and Crime Panel", Body = CommitteeBody.PoliceAndCrimePanel }, cancellationToken: Ct);
        await editor.Committees.GetCommitteeAsync(committee.Id, Ct);
        await editor.Committees.ListCommitteesAsync(forceCode: forceCode, cancellationToken: Ct);
        var december = await editor.Committees.CreateCommitteeReportAsync(committee.Id,
            new CommitteeReportRequest { Reference = "PCP 2015/12", Title = "HMICFRS recommendations", ReportedOn = new DateOnly(2015, 12, 10) }, cancellationToken: Ct);
        await editor.Committees.UpdateCommitteeReportAsync(december.Id,
            new CommitteeReportRequest { Reference = "PCP 2015/12", Title = "HMICFRS recommendations: update", ReportedOn = new DateOnly(2015, 12, 10) }, cancellationToken: Ct);
        await editor.Committees.GetCommitteeReportAsync(december.Id, Ct);
        await editor.Committees.ListCommitteeReportsAsync(committee.Id, cancellationToken: Ct);
        await editor.Statements.IssuePositionStatementAsync(december.Id, new IssueStatementRequest { AsOf = new DateOnly(2015, 12, 1) }, cancellationToken: Ct);
        await editor.Statements.GetIssuedStatementAsync(december.Id, cancellationToken: Ct);

        // Four-eyes closure: the editor puts the response forward, the national admin sends it back, then signs it off.
        await editor.Responses.RecordProgressUpdateAsync(response.Id, Update(new DateOnly(2015, 9, 1), ResponseStatus.Implemented, Rag.Green), cancellationToken: Ct);
        await editor.Responses.RecordProgressUpdateAsync(response.Id, Update(new DateOnly(2015, 10, 1), ResponseStatus.Closed, Rag.Green), cancellationToken: Ct);
        await admin.Responses.SendBackForceResponseAsync(response.Id, new SendBackRequest { Reason = "The board's minutes are missing." }, cancellationToken: Ct);
        await editor.Responses.RecordProgressUpdateAsync(response.Id,
            Update(DateOnly.FromDateTime(DateTime.UtcNow), ResponseStatus.Closed, Rag.Green), cancellationToken: Ct);
        await admin.Responses.SignOffForceResponseAsync(response.Id, cancellationToken: Ct);
        await editor.Responses.ReopenForceResponseAsync(response.Id,
            new ReopenRequest { Reason = "NSPIS records found beyond their review dates.", Author = "Head of Information Management" }, cancellationToken: Ct);
        await editor.Responses.ListProgressUpdatesAsync(response.Id, cancellationToken: Ct);
        await editor.Statements.PreviewPositionStatementAsync(committee.Id, cancellationToken: Ct);
        using (var summary = await editor.Statements.PreviewStatementSummaryAsync(committee.Id, new DateOnly(2016, 1, 1), Ct))
        {
            Assert.StartsWith("<!DOCTYPE html>", await new StreamReader(summary.Stream).ReadToEndAsync(Ct), StringComparison.OrdinalIgnoreCase);
        }

        using (await editor.Statements.GetIssuedStatementSummaryAsync(december.Id, Ct))
        {
        }

        // The force publishes its page of progress, with a public statement on the response.
        await admin.Public.SetPublicProgressAsync(forceCode, new PublicProgressRequest { Enabled = true }, Ct);
        await admin.Public.GetPublicProgressSettingAsync(forceCode, Ct);
        await editor.Public.SetPublicStatementAsync(response.Id, new PublicStatementRequest { PublicStatement = "The archive has been reviewed and records beyond their dates destroyed." }, Ct);
        await editor.Public.GetPublicStatementAsync(response.Id, Ct);
        await editor.Public.GetPublicProgressAsync(forceCode, Ct);
        using (var page = await editor.Public.GetPublicProgressPageAsync(forceCode, Ct))
        {
            Assert.Contains("The archive has been reviewed", await new StreamReader(page.Stream).ReadToEndAsync(Ct), StringComparison.Ordinal);
        }
        foreach (var format in Enum.GetValues<StatementDocumentFormat>())
        {
            using var preview = await editor.Statements.PreviewPositionStatementDocumentAsync(committee.Id, format, new DateOnly(2016, 1, 1), Ct);
            using var statement = await editor.Statements.GetIssuedStatementDocumentAsync(december.Id, format, Ct);
        }

        // The documents the JSON operations answer to a format or an Accept header are checked too.
        foreach (var (format, mediaType) in new[] { ("Csv", "text/csv"), ("Xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("Html", "text/html") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/committee-reports/{december.Id}/statement?format={format}");
            request.Headers.Add("X-Api-Key", issued.Secret);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
            using var answer = await http.SendAsync(request, Ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        }

        using (await admin.Spreadsheets.GetImportTemplateAsync(Ct))
        {
        }

        using (await admin.Spreadsheets.ExportSpreadsheetAsync(format: SpreadsheetFormat.Xlsx, inspectionReference: inspection.Reference, cancellationToken: Ct))
        {
        }

        using var export = await admin.Spreadsheets.ExportSpreadsheetAsync(SpreadsheetKind.Findings, SpreadsheetFormat.Csv, inspectionReference: inspection.Reference, cancellationToken: Ct);
        using var file = new MemoryStream();
        await export.Stream.CopyToAsync(file, Ct);
        file.Position = 0;
        // A name with a space: .NET then quotes it, and Prism's multipart parser reads only quoted file names.
        var report = await admin.Spreadsheets.ImportSpreadsheetAsync(SpreadsheetKind.Findings, dryRun: true, new FileParameter(file, "building the picture.csv", "text/csv"), cancellationToken: Ct);
        Assert.Equal(0, report.Counts.Rejected);
    }

    private static ActionPlanRequest Plan(string forceCode, Guid inspectionId)
    {
        var plan = LancashirePlan(inspectionId);
        plan.ForceCode = forceCode;
        return plan;
    }

    /// <summary>Every generated client for one key.</summary>
    private sealed record Clients(
        ForcesClient Forces, ApiKeysClient ApiKeys, InspectionsClient Inspections, FindingsClient Findings, DeadlinesClient Deadlines,
        ResponsesClient Responses, ActionPlansClient ActionPlans, EvidenceClient Evidence, GradingsClient Gradings,
        SummariesClient Summaries, CommitteesClient Committees, StatementsClient Statements, SpreadsheetsClient Spreadsheets, AuditClient Audit, ChangesClient Changes, RemindersClient Reminders,
        ReportResponsesClient ReportResponses, WebhooksClient Webhooks, PublicClient Public, InspectorateAssessmentsClient InspectorateAssessments)
    {
        public static Clients For(HttpClient http, string apiKey)
        {
            var options = new ComplianceApiClientOptions { ApiKey = apiKey };
            return new Clients(
                new(options, http), new(options, http), new(options, http), new(options, http), new(options, http), new(options, http),
                new(options, http), new(options, http), new(options, http), new(options, http), new(options, http), new(options, http),
                new(options, http), new(options, http), new(options, http), new(options, http), new(options, http), new(options, http), new(options, http),
                new(options, http));
        }
    }

    /// <summary>The contract's operations, found by method and path (literal segments before parameters).</summary>
    private sealed partial class ContractOperations
    {
        private readonly List<(string Method, Regex Path, int Parameters, string Id)> _routes = [];

        public IReadOnlyCollection<string> Ids => [.. _routes.Select(r => r.Id)];

        public static ContractOperations From(JsonNode contract)
        {
            var operations = new ContractOperations();
            foreach (var (path, item) in contract["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject())
                {
                    if (operation?["operationId"] is { } id)
                    {
                        var pattern = "^" + Parameter().Replace(Regex.Escape(path).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$";
                        operations._routes.Add((method.ToUpperInvariant(), new Regex(pattern), Parameter().Count(path), (string)id!));
                    }
                }
            }

            return operations;
        }

        public string? Find(HttpMethod method, string path) =>
            _routes.Where(r => r.Method == method.Method && r.Path.IsMatch(path)).OrderBy(r => r.Parameters).Select(r => r.Id).FirstOrDefault();

        [GeneratedRegex(@"\{[^}]*\}")]
        private static partial Regex Parameter();
    }

    /// <summary>Notes the operation of every request and every violation Prism reports: its problem, or its sl-violations header.</summary>
    private sealed class ConformanceRecorder(ContractOperations operations) : DelegatingHandler
    {
        private readonly Lock _gate = new();

        public List<string> Violations { get; } = [];

        public HashSet<string> Exercised { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var operation = operations.Find(request.Method, request.RequestUri!.AbsolutePath) ?? $"(no operation) {request.Method} {request.RequestUri.AbsolutePath}";
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var violation = response.Headers.TryGetValues("sl-violations", out var header) ? string.Join(" ", header) : null;
            if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (body.Contains(PrismProxy.ErrorTypePrefix, StringComparison.Ordinal))
                {
                    violation = $"{violation} {body}".Trim();
                }
            }

            lock (_gate)
            {
                Exercised.Add(operation);
                if (violation is not null)
                {
                    Violations.Add($"{operation} ({request.Method} {request.RequestUri.PathAndQuery}) answered {(int)response.StatusCode}: {violation}");
                }
            }

            return response;
        }
    }
}
