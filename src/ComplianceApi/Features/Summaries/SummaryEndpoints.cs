using ComplianceApi.Http;
using ComplianceApi.Support;
using MediatR;

namespace ComplianceApi.Features.Summaries;

public static class SummaryEndpoints
{
    public static void MapSummaries(this IEndpointRouteBuilder api)
    {
        // The summaries sit beside the records they summarise, under one tag.
        var summaries = api.MapGroup("").WithTags("Summaries").WithCommonProblems();

        summaries.MapGet($"/forces/{{code:maxlength({Lengths.Code})}}/summary", async ([AsParameters] GetForceSummaryQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("GetForceSummary")
            .WithSummary("Counts a force's (or a collaboration's) responses by status, recorded and derived RAG and overdue, overall and per inspection, "
                + "as they stood on asOf, with the response overdue longest.")
            .ProducesNotFound().ProducesValidationProblem();

        summaries.MapGet("/findings/{id:guid}/summary", async ([AsParameters] GetFindingSummaryQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("GetFindingSummary")
            .WithSummary("Shows where every force stood on one finding on asOf: each force's status, RAG, owner, due date and overdue flag, "
                + "the counts, and the forces concerned that have recorded no response.")
            .ProducesNotFound().ProducesValidationProblem();

        summaries.MapGet("/inspections/{inspectionId:guid}/gradings/summary", async ([AsParameters] GetInspectionGradingsSummaryQuery query, IMediator mediator,
                    CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("GetInspectionGradingsSummary")
            .WithSummary("Shows how one inspection graded the forces: per area, how many got each grade, and each force's grade.")
            .ProducesNotFound();

        summaries.MapGet("/gradings/summary", async ([AsParameters] GetGradingRoundSummaryQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("GetGradingRoundSummary")
            .WithSummary("Shows how a round of inspections of one type (such as every crime data integrity inspection in a period) graded the forces, per area.")
            .ProducesValidationProblem();
    }
}
