using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.ReportResponses;

public static class ReportResponseEndpoints
{
    public static void MapReportResponses(this IEndpointRouteBuilder api)
    {
        var inspectionResponses = api.MapGroup("/inspections/{inspectionId:guid}/report-responses").WithTags("ReportResponses").WithCommonProblems();

        inspectionResponses.MapPost("", async (Guid inspectionId, ReportResponseRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var response = await mediator.Send(new CreateReportResponseCommand(inspectionId, body), ct);
                return TypedResults.Created($"/api/v1/report-responses/{response.Id}", response);
            })
            .WithName("CreateReportResponse")
            .WithSummary("Records the local policing body's response to a published report on its force (Police Act 1996 s55; editors and admins of the force, national admins).")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        var responses = api.MapGroup("/report-responses").WithTags("ReportResponses").WithCommonProblems();

        responses.MapGet("", async ([AsParameters] ListReportResponsesQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListReportResponses")
            .WithSummary("Lists local policing bodies' responses to reports with days left or overdue against the 56-day deadline, a page at a time.")
            .ProducesValidationProblem();

        responses.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetReportResponseQuery(id), ct)))
            .WithName("GetReportResponse").WithSummary("Gets one local policing body's response to a report.").ProducesNotFound();

        responses.MapPut("/{id:guid}", async (Guid id, ReportResponseRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateReportResponseCommand(id, body), ct)))
            .WithName("UpdateReportResponse")
            .ConditionalOn<Domain.ReportResponse, ReportResponseView>("id", id => new GetReportResponseQuery(Guid.Parse(id)))
            .WithSummary("Records the response's progress: the chief officer's comments, its publication, what it says of each recommendation (editors and admins of the force, national admins).")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();
    }
}
