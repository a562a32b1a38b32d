using System.Text;
using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

public sealed class RestrictedReportsClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_restricted_report_circulated_to_one_force_is_read_by_it_is_not_found_by_another_and_each_read_is_audited(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var request = CrimeDataIntegrity(Lancashire);
        request.Title = "Real lives, real crime";
        request.PublicationStatus = PublicationStatus.Restricted;
        var created = await admin.Inspections.CreateInspectionAsync(request, cancellationToken: Ct);
        var report = await admin.Inspections.CirculateInspectionAsync(created.Id, new CirculationRequest { ForceCodes = [Lancashire] }, cancellationToken: Ct);
        var issued = await admin.ApiKeys.CreateApiKeyAsync(new ApiKeyRequest { ClientName = "C# client test, Lancashire's restricted reports", Role = ApiKeyRole.Reader, ForceCode = Lancashire }, cancellationToken: Ct);
        var lancashire = admin.WithKey(issued.Secret);
        var kent = await admin.IssueKeyAsync(ApiKeyRole.Reader, "kent");

        var read = await lancashire.Inspections.GetInspectionAsync(report.Id, Ct);
        var missing = await Assert.ThrowsAsync<ComplianceApiException<ProblemDetails>>(() => kent.Inspections.GetInspectionAsync(report.Id, Ct));
        var listed = await kent.Inspections.ListInspectionsAsync(publicationStatus: PublicationStatus.Restricted, forceCode: Lancashire, limit: 200, cancellationToken: Ct);
        var reads = await admin.Audit.ListAuditEventsAsync(kind: "restricted.read", recordId: report.Id.ToString(), clientId: issued.Id.ToString(), cancellationToken: Ct);

        Assert.Equal([Lancashire], report.CirculatedTo);
        Assert.Equal([Lancashire], read.CirculatedTo);
        Assert.Equal(404, missing.StatusCode);
        Assert.DoesNotContain(report.Id, listed.Items.Select(i => i.Id));
        var audited = Assert.Single(reads.Items);
        Assert.Equal(("GetInspection", "inspection"), (audited.Operation, audited.RecordType));
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_document_holding_a_restricted_reports_records_read_through_the_client_is_audited_and_one_holding_none_is_not(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var request = CrimeDataIntegrity(Lancashire);
        request.PublicationStatus = PublicationStatus.Restricted;
        var created = await admin.Inspections.CreateInspectionAsync(request, cancellationToken: Ct);
        var report = await admin.Inspections.CirculateInspectionAsync(created.Id, new CirculationRequest { ForceCodes = [Lancashire] }, cancellationToken: Ct);
        await admin.Findings.CreateFindingAsync(report.Id, Recommendation8(), cancellationToken: Ct);
        var lancashireKey = await admin.ApiKeys.CreateApiKeyAsync(new ApiKeyRequest { ClientName = "C# client test, a restricted export", Role = ApiKeyRole.Reader, ForceCode = Lancashire }, cancellationToken: Ct);
        var kentKey = await admin.ApiKeys.CreateApiKeyAsync(new ApiKeyRequest { ClientName = "C# client test, no restricted export", Role = ApiKeyRole.Reader, ForceCode = "kent" }, cancellationToken: Ct);

        SpreadsheetsClient Spreadsheets(ApiKeyIssued key) => new(new ComplianceApiClientOptions { ApiKey = key.Secret }, admin.Http);
        using (var csv = await Spreadsheets(lancashireKey).ExportSpreadsheetAsync(
            SpreadsheetKind.Findings, SpreadsheetFormat.Csv, inspectionReference: report.Reference, cancellationToken: Ct))
        {
            Assert.Contains("Recommendation 8", Encoding.UTF8.GetString(await ReadAsync(csv)));
        }

        // To Kent the report does not exist: asked for, it is refused; its own findings are exported without it.
        var refused = await Assert.ThrowsAsync<ComplianceApiException<HttpValidationProblemDetails>>(() => Spreadsheets(kentKey).ExportSpreadsheetAsync(
            SpreadsheetKind.Findings, SpreadsheetFormat.Csv, inspectionReference: report.Reference, cancellationToken: Ct));
        Assert.Equal(400, refused.StatusCode);
        using (var csv = await Spreadsheets(kentKey).ExportSpreadsheetAsync(SpreadsheetKind.Findings, SpreadsheetFormat.Csv, forceCode: "kent", cancellationToken: Ct))
        {
            Assert.DoesNotContain(report.Reference, Encoding.UTF8.GetString(await ReadAsync(csv)));
        }

        var read = await admin.Audit.ListAuditEventsAsync(kind: "restricted.read", clientId: lancashireKey.Id.ToString(), cancellationToken: Ct);
        var audited = Assert.Single(read.Items);
        Assert.Equal(("ExportSpreadsheet", report.Id.ToString()), (audited.Operation, audited.RecordId));
        Assert.Empty((await admin.Audit.ListAuditEventsAsync(kind: "restricted.read", clientId: kentKey.Id.ToString(), cancellationToken: Ct)).Items);
    }

    private static async Task<byte[]> ReadAsync(FileResponse file)
    {
        using var buffer = new MemoryStream();
        await file.Stream.CopyToAsync(buffer, Ct);
        return buffer.ToArray();
    }
}
