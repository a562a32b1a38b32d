using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.Statements;

public static class StatementEndpoints
{
    public static void MapStatements(this IEndpointRouteBuilder api)
    {
        var committeeStatement = api.MapGroup("/committees/{committeeId:guid}/statement").WithTags("Statements").WithCommonProblems();

        committeeStatement.MapGet("", async ([AsParameters] PreviewPositionStatementQuery query, HttpRequest request,
                    IMediator mediator, CancellationToken ct) =>
                StatementDocuments.Render(await mediator.Send(query, ct), StatementDocuments.Negotiate(query.Format, request)))
            .WithName("PreviewPositionStatement")
            .WithSummary("Previews the force's position statement for a committee as of a date, against the last one issued to it, "
                + "as JSON, CSV, an Excel workbook or a printable HTML page (format, or the Accept header). Nothing is stored.")
            .ProducesDocuments(StatementDocuments.DocumentTypes).ProducesNotFound().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        committeeStatement.MapGet("/document", async ([AsParameters] PreviewPositionStatementDocumentQuery query, IMediator mediator, CancellationToken ct) =>
                StatementDocuments.File(await mediator.Send(query.Statement, ct), query.Format))
            .WithName("PreviewPositionStatementDocument")
            .WithSummary("Previews the force's position statement for a committee as of a date as a file: CSV, an Excel workbook or a "
                + "printable HTML page. The same statement as PreviewPositionStatement, for clients that need a file whatever the format.")
            .Produces(StatusCodes.Status200OK).ProducesDocuments(StatementDocuments.DocumentTypes).ProducesNotFound().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        // The summary alone (counts, overdue, the RAG chart), printed on A4 portrait: a cover for the committee paper.
        committeeStatement.MapGet("/summary", async ([AsParameters] PreviewStatementSummaryQuery query, IMediator mediator, CancellationToken ct) =>
                StatementDocuments.Summary(await mediator.Send(query.Statement, ct)))
            .WithName("PreviewStatementSummary")
            .WithSummary("The summary of the force's position statement for a committee as of a date, as a printable HTML page on A4 portrait: "
                + "counts by status and RAG, overdue, implemented since last reported, and the RAG split per report.")
            .Produces(StatusCodes.Status200OK).ProducesDocuments(StatementDocuments.Html).ProducesNotFound().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        var reportStatement = api.MapGroup("/committee-reports/{reportId:guid}/statement").WithTags("Statements").WithCommonProblems();

        reportStatement.MapPost("", async (Guid reportId, IssueStatementRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var statement = await mediator.Send(new IssuePositionStatementCommand(reportId, body), ct);
                return TypedResults.Created($"/api/v1/committee-reports/{reportId}/statement", statement);
            })
            .WithName("IssuePositionStatement")
            .ConditionalOn<Domain.CommitteeReport, Features.Committees.CommitteeReportView>("reportId", id => new Features.Committees.GetCommitteeReportQuery(Guid.Parse(id)))
            .WithSummary("Issues the position statement with a committee report: its lines are frozen as they stand on asOf and can never change; "
                + "a report has one statement (409 on a second), and the next statement to the committee is compared with it.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        reportStatement.MapGet("", async ([AsParameters] GetIssuedStatementQuery query, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                StatementDocuments.Render(await mediator.Send(query, ct), StatementDocuments.Negotiate(query.Format, request)))
            .WithName("GetIssuedStatement")
            .WithSummary("Gets the position statement issued with a committee report, exactly as issued, "
                + "as JSON, CSV, an Excel workbook or a printable HTML page (format, or the Accept header).")
            .ProducesDocuments(StatementDocuments.DocumentTypes).ProducesNotFound().ProducesValidationProblem();

        reportStatement.MapGet("/document", async ([AsParameters] GetIssuedStatementDocumentQuery query, IMediator mediator, CancellationToken ct) =>
                StatementDocuments.File(await mediator.Send(query.Statement, ct), query.Format))
            .WithName("GetIssuedStatementDocument")
            .WithSummary("Gets the position statement issued with a committee report as a file: CSV, an Excel workbook or a printable HTML "
                + "page. The same statement as GetIssuedStatement, for clients that need a file whatever the format.")
            .Produces(StatusCodes.Status200OK).ProducesDocuments(StatementDocuments.DocumentTypes).ProducesNotFound().ProducesValidationProblem();

        reportStatement.MapGet("/summary", async (Guid reportId, IMediator mediator, CancellationToken ct) =>
                StatementDocuments.Summary(await mediator.Send(new GetIssuedStatementQuery(reportId, null), ct)))
            .WithName("GetIssuedStatementSummary")
            .WithSummary("The summary of the position statement issued with a committee report, as a printable HTML page on A4 portrait.")
            .Produces(StatusCodes.Status200OK).ProducesDocuments(StatementDocuments.Html).ProducesNotFound();
    }
}
