using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;
using ImportTestRows = ComplianceApi.Tests.Features.Spreadsheets.ImportTestRows;
using SpreadsheetLayouts = ComplianceApi.Features.Spreadsheets.SpreadsheetLayouts;
using SpreadsheetUploads = ComplianceApi.Tests.Features.Spreadsheets.SpreadsheetUploads;

namespace ComplianceApi.Tests.Clients.CSharpClient;

/// <summary>Issue 14 through the generated client: the etag an integrator reads, If-Match and Idempotency-Key.</summary>
public sealed class ConditionalAndIdempotentWritesClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_read_records_etag_is_its_ETag_header_and_a_write_with_it_succeeds_once_then_the_stale_tag_is_refused_with_412_and_the_current_one(Provider provider)
    {
        var admin = await AdminAsync(hosts, provider);
        var created = await admin.Responses.CreateForceResponseAsync((await admin.CreateRecommendation8Async()).Id, Response(), cancellationToken: Ct);

        var read = await admin.Responses.GetForceResponseAsync(created.Id, cancellationToken: Ct);
        using var raw = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/responses/{created.Id}");
        raw.Headers.Add("X-Api-Key", ComplianceApiHost.AdminKey);
        using var answer = await admin.Http.SendAsync(raw, Ct);
        Assert.False(string.IsNullOrEmpty(read.Etag));
        Assert.Equal(answer.Headers.ETag?.ToString(), read.Etag);

        var revision = Response();
        revision.OwnerName = "Force Records Manager";
        var updated = await admin.Responses.UpdateForceResponseAsync(created.Id, revision, ifMatch: read.Etag, cancellationToken: Ct);
        revision.OwnerName = "Head of Information Management";
        var stale = await Assert.ThrowsAnyAsync<ComplianceApiException>(
            () => admin.Responses.UpdateForceResponseAsync(created.Id, revision, ifMatch: read.Etag, cancellationToken: Ct));

        Assert.Equal("Force Records Manager", updated.OwnerName);
        Assert.NotEqual(read.Etag, updated.Etag);
        Assert.Equal(412, stale.StatusCode);
        Assert.Equal(updated.Etag, stale.Problem?.AdditionalProperties["currentEtag"]?.ToString());
        var after = await admin.Responses.GetForceResponseAsync(created.Id, cancellationToken: Ct);
        Assert.Equal(("Force Records Manager", updated.Etag), (after.OwnerName, after.Etag));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_progress_update_sent_twice_with_one_idempotency_key_is_recorded_once_and_answered_alike(Provider provider)
    {
        var admin = await AdminAsync(hosts, provider);
        var response = await admin.Responses.CreateForceResponseAsync((await admin.CreateRecommendation8Async()).Id, Response(), cancellationToken: Ct);
        var key = Guid.NewGuid().ToString();
        var update = Update(new DateOnly(2015, 8, 3), ResponseStatus.InProgress, Rag.Red, "Review of the archive under way.");

        var first = await admin.Responses.RecordProgressUpdateAsync(response.Id, update, idempotencyKey: key, cancellationToken: Ct);
        var retried = await admin.Responses.RecordProgressUpdateAsync(response.Id, update, idempotencyKey: key, cancellationToken: Ct);

        Assert.Equal(first.Id, retried.Id);
        Assert.Equal(first.Narrative, retried.Narrative);
        var history = await admin.Responses.ListProgressUpdatesAsync(response.Id, cancellationToken: Ct);
        Assert.Equal([first.Id], history.Items.Select(u => u.Id));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_finding_created_twice_with_one_idempotency_key_exists_once_in_its_inspection(Provider provider)
    {
        var admin = await AdminAsync(hosts, provider);
        var inspection = await admin.CreateBuildingThePictureAsync();
        var key = Guid.NewGuid().ToString();

        var first = await admin.Findings.CreateFindingAsync(inspection.Id, Recommendation8(), idempotencyKey: key, cancellationToken: Ct);
        var retried = await admin.Findings.CreateFindingAsync(inspection.Id, Recommendation8(), idempotencyKey: key, cancellationToken: Ct);

        Assert.Equal(first.Id, retried.Id);
        var listed = await admin.Findings.ListInspectionFindingsAsync(inspection.Id, cancellationToken: Ct);
        Assert.Equal([first.Id], listed.Items.Select(f => f.Id));
    }

    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task A_spreadsheet_load_sent_again_with_its_idempotency_key_is_answered_with_the_first_report_though_its_multipart_boundary_differs(Provider provider)
    {
        var admin = await AdminAsync(hosts, provider);
        var spreadsheets = new SpreadsheetsClient(new ComplianceApiClientOptions { ApiKey = ComplianceApiHost.AdminKey }, admin.Http);
        var inspection = Unique.Slug("client-idempotent-load");
        var csv = SpreadsheetUploads.Csv(SpreadsheetUploads.Sheet(SpreadsheetLayouts.Findings,
            ImportTestRows.Finding(inspection, "Recommendation 1"), ImportTestRows.Finding(inspection, "Recommendation 2")));
        var key = Guid.NewGuid().ToString();
        Task<ImportReport> LoadAsync() => spreadsheets.ImportSpreadsheetAsync(SpreadsheetKind.Findings, dryRun: false,
            new FileParameter(new MemoryStream(csv), "findings.csv", "text/csv"), idempotencyKey: key, cancellationToken: Ct);

        var first = await LoadAsync();
        var retried = await LoadAsync();

        // Loaded again without the key, every row would now be Unchanged.
        Assert.Equal((2, 0), (first.Counts.Created, first.Counts.Unchanged));
        Assert.Equal((2, 0), (retried.Counts.Created, retried.Counts.Unchanged));
    }
}
