using System.Text;
using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;
using static ComplianceApi.Tests.Clients.CSharpClient.ClientTestData;
using static ComplianceApi.Tests.Clients.CSharpClient.GeneratedClients;

namespace ComplianceApi.Tests.Clients.CSharpClient;

/// <summary>Every document the service answers, in every format, through the generated client, each as a stream.</summary>
public sealed class DocumentsClientTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_position_statement_is_read_as_csv_a_workbook_and_html_previewed_and_as_issued(Transport transport)
    {
        var (statements, committee, report, _, _) = await IssuedStatementAsync(transport);

        foreach (var format in Enum.GetValues<StatementDocumentFormat>())
        {
            using var issued = await statements.GetIssuedStatementDocumentAsync(report.Id, format, Ct);
            await AssertDocumentAsync(issued, format);
            using var preview = await statements.PreviewPositionStatementDocumentAsync(committee.Id, format, new DateOnly(2016, 1, 1), Ct);
            await AssertDocumentAsync(preview, format);
        }

        // The JSON operation still answers the statement itself, as in 1.0.
        Assert.Equal("PCP 2015/12", (await statements.GetIssuedStatementAsync(report.Id, cancellationToken: Ct)).ReportReference);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_statement_file_of_an_unknown_report_is_a_problem(Transport transport)
    {
        var (statements, _, _, _, _) = await IssuedStatementAsync(transport);

        // The client asks for text/csv; the problem comes as JSON all the same.
        var missing = await Assert.ThrowsAsync<ComplianceApiException<ProblemDetails>>(
            () => statements.GetIssuedStatementDocumentAsync(Guid.NewGuid(), StatementDocumentFormat.Csv, Ct));
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal(404, missing.Result.Status);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task Exports_in_both_formats_and_the_import_template_are_read_as_streams(Transport transport)
    {
        var (_, _, _, spreadsheets, _) = await IssuedStatementAsync(transport);
        var admin = await AdminAsync(hosts, transport);
        var inspection = await admin.Inspections.CreateInspectionAsync(BuildingThePicture(), cancellationToken: Ct);
        await admin.Findings.CreateFindingAsync(inspection.Id, Recommendation8(), cancellationToken: Ct);

        using var csv = await spreadsheets.ExportSpreadsheetAsync(SpreadsheetKind.Findings, SpreadsheetFormat.Csv, inspectionReference: inspection.Reference, cancellationToken: Ct);
        Assert.Contains("Recommendation 8", Encoding.UTF8.GetString(await ReadAsync(csv)));
        using var workbook = await spreadsheets.ExportSpreadsheetAsync(format: SpreadsheetFormat.Xlsx, inspectionReference: inspection.Reference, cancellationToken: Ct);
        Assert.Equal("PK"u8.ToArray(), (await ReadAsync(workbook))[..2]);
        using var template = await spreadsheets.GetImportTemplateAsync(Ct);
        Assert.Equal("PK"u8.ToArray(), (await ReadAsync(template))[..2]);
    }

    [Theory, MemberData(nameof(Transports), MemberType = typeof(GeneratedClients))]
    public async Task A_statement_line_carries_the_inspectorates_status_on_its_date_and_flags_where_the_force_says_implemented_and_it_does_not(Transport transport)
    {
        var (statements, committee, report, _, response) = await IssuedStatementAsync(transport);
        var admin = await AdminAsync(hosts, transport);
        await admin.Responses.RecordProgressUpdateAsync(response.Id,
            Update(new DateOnly(2015, 12, 5), ResponseStatus.Implemented, Rag.Green, "Implemented."), cancellationToken: Ct);

        var issued = Assert.Single((await statements.GetIssuedStatementAsync(report.Id, cancellationToken: Ct)).Lines);
        var preview = Assert.Single((await statements.PreviewPositionStatementAsync(committee.Id, new DateOnly(2016, 1, 1), cancellationToken: Ct)).Lines);

        Assert.Equal((ResponseStatus.InProgress, (InspectorateStatus?)InspectorateStatus.BeingProgressed, (DateOnly?)new DateOnly(2015, 10, 1), false),
            (issued.Status, issued.InspectorateStatus, issued.InspectorateAssessedOn, issued.DisagreesWithInspectorate));
        Assert.Equal((ResponseStatus.Implemented, (InspectorateStatus?)InspectorateStatus.BeingProgressed, true),
            (preview.Status, preview.InspectorateStatus, preview.DisagreesWithInspectorate));
    }

    private async Task<(StatementsClient Statements, Committee Committee, CommitteeReport Report, SpreadsheetsClient Spreadsheets, ForceResponse Response)> IssuedStatementAsync(Transport transport)
    {
        var admin = await AdminAsync(hosts, transport);
        var options = new ComplianceApiClientOptions { ApiKey = ComplianceApiHost.AdminKey };
        var forceCode = Unique.Slug("documents");
        await admin.Forces.CreateForceAsync(new ForceRequest { Code = forceCode, Name = $"Documents Police {forceCode}", Kind = ForceKind.National }, cancellationToken: Ct);
        var finding = await admin.CreateRecommendation8Async();
        var response = await admin.Responses.CreateForceResponseAsync(finding.Id, Response(forceCode), cancellationToken: Ct);
        await admin.Responses.RecordProgressUpdateAsync(response.Id,
            Update(new DateOnly(2015, 8, 3), ResponseStatus.InProgress, Rag.Amber, "Review of the archive under way."), cancellationToken: Ct);
        await admin.InspectorateAssessments.RecordInspectorateAssessmentAsync(response.Id, new InspectorateAssessmentRequest
        {
            AssessedOn = new DateOnly(2015, 10, 1), Status = InspectorateStatus.BeingProgressed, Comment = "Progress noted.", Source = "HMICFRS register",
        }, cancellationToken: Ct);
        var committees = new CommitteesClient(options, admin.Http);
        var committee = await committees.CreateCommitteeAsync(
            new CommitteeRequest { ForceCode = forceCode, Name = "Police and Crime Panel", Body = CommitteeBody.PoliceAndCrimePanel }, cancellationToken: Ct);
        var report = await committees.CreateCommitteeReportAsync(committee.Id,
            new CommitteeReportRequest { Reference = "PCP 2015/12", ReportedOn = new DateOnly(2015, 12, 10) }, cancellationToken: Ct);
        var statements = new StatementsClient(options, admin.Http);
        await statements.IssuePositionStatementAsync(report.Id, new IssueStatementRequest { AsOf = new DateOnly(2015, 12, 1) }, cancellationToken: Ct);
        return (statements, committee, report, new SpreadsheetsClient(options, admin.Http), response);
    }

    private static async Task AssertDocumentAsync(FileResponse file, StatementDocumentFormat format)
    {
        Assert.Equal(200, file.StatusCode);
        var bytes = await ReadAsync(file);
        var contentType = string.Join(";", file.Headers["Content-Type"]);
        switch (format)
        {
            case StatementDocumentFormat.Csv:
                Assert.StartsWith("text/csv", contentType);
                Assert.StartsWith("Section,Change,Inspection,", Encoding.UTF8.GetString(bytes));
                break;
            case StatementDocumentFormat.Xlsx:
                Assert.StartsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", contentType);
                Assert.Equal("PK"u8.ToArray(), bytes[..2]);
                break;
            default:
                Assert.StartsWith("text/html", contentType);
                Assert.StartsWith("<!DOCTYPE html>", Encoding.UTF8.GetString(bytes));
                Assert.Contains("Review of the archive under way.", Encoding.UTF8.GetString(bytes));
                break;
        }
    }

    private static async Task<byte[]> ReadAsync(FileResponse file)
    {
        using var buffer = new MemoryStream();
        await file.Stream.CopyToAsync(buffer, Ct);
        return buffer.ToArray();
    }
}
