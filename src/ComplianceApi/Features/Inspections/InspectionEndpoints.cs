using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.Inspections;

public static class InspectionEndpoints
{
    public static void MapInspections(this IEndpointRouteBuilder api)
    {
        var inspections = api.MapGroup("/inspections").WithTags("Inspections").WithCommonProblems();

        inspections.MapGet("", async ([AsParameters] ListInspectionsQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListInspections").WithSummary("Lists inspections, a page at a time.").ProducesValidationProblem();

        inspections.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetInspectionQuery(id), ct)))
            .WithName("GetInspection").WithSummary("Gets one inspection.").ProducesNotFound();

        inspections.MapPost("", async (InspectionRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var inspection = await mediator.Send(new CreateInspectionCommand(body), ct);
                return TypedResults.Created($"/api/v1/inspections/{inspection.Id}", inspection);
            })
            .WithName("CreateInspection").WithSummary("Records an inspection report (national admins).")
            .RequireNationalAdmin().ProducesWriteProblems();

        inspections.MapPut("/{id:guid}", async (Guid id, InspectionRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateInspectionCommand(id, body), ct)))
            .WithName("UpdateInspection")
            .ConditionalOn<Domain.Inspection, InspectionView>("id", id => new GetInspectionQuery(Guid.Parse(id))).WithSummary("Corrects an inspection's details (national admins).")
            .RequireNationalAdmin().ProducesNotFound().ProducesWriteProblems();

        inspections.MapPut("/{id:guid}/circulation", async (Guid id, CirculationRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CirculateInspectionCommand(id, body), ct)))
            .WithName("CirculateInspection")
            .ConditionalOn<Domain.Inspection, InspectionView>("id", id => new GetInspectionQuery(Guid.Parse(id)))
            .WithSummary("Records the forces a restricted report was circulated to (national admins): only they, and national callers, see it.")
            .RequireNationalAdmin().ProducesNotFound().ProducesWriteProblems();
    }
}
