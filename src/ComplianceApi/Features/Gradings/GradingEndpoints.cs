using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.Gradings;

public static class GradingEndpoints
{
    public static void MapGradings(this IEndpointRouteBuilder api)
    {
        var inspectionGradings = api.MapGroup("/inspections/{inspectionId:guid}/gradings").WithTags("Gradings").WithCommonProblems();

        inspectionGradings.MapPost("", async (Guid inspectionId, GradingRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var grading = await mediator.Send(new CreateGradingCommand(inspectionId, body), ct);
                return TypedResults.Created($"/api/v1/gradings/{grading.Id}", grading);
            })
            .WithName("CreateGrading").WithSummary("Records how an inspection graded one force (national admins).")
            .RequireNationalAdmin().ProducesNotFound().ProducesWriteProblems();

        var gradings = api.MapGroup("/gradings").WithTags("Gradings").WithCommonProblems();

        gradings.MapGet("", async ([AsParameters] ListGradingsQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListGradings").WithSummary("Lists gradings, a page at a time.").ProducesValidationProblem();

        gradings.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetGradingQuery(id), ct)))
            .WithName("GetGrading").WithSummary("Gets one grading.").ProducesNotFound();

        gradings.MapPut("/{id:guid}", async (Guid id, GradingRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateGradingCommand(id, body), ct)))
            .WithName("UpdateGrading")
            .ConditionalOn<Domain.Grading, GradingView>("id", id => new GetGradingQuery(Guid.Parse(id))).WithSummary("Regrades a force: corrects the grade and when it was given (national admins).")
            .RequireNationalAdmin().ProducesNotFound().ProducesWriteProblems();
    }
}
