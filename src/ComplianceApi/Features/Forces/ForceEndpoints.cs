using ComplianceApi.Domain;
using ComplianceApi.Http;
using ComplianceApi.Support;
using MediatR;

namespace ComplianceApi.Features.Forces;

public static class ForceEndpoints
{
    public static void MapForces(this IEndpointRouteBuilder api)
    {
        // The route constraint keeps the code's length in the contract and answers 404 for longer ones.
        var forceCodeRoute = $"/{{code:maxlength({Lengths.Code})}}";
        var forces = api.MapGroup("/forces").WithTags("Forces").WithCommonProblems();

        forces.MapGet("", async ([AsParameters] ListForcesQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListForces").WithSummary("Lists the forces and collaborations.")
            .ListsAtMost(Force.MostForces).ProducesProblem(StatusCodes.Status400BadRequest);

        forces.MapGet(forceCodeRoute, async (string code, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetForceQuery(code), ct)))
            .WithName("GetForce").WithSummary("Gets one force by its code.").ProducesNotFound();

        forces.MapPost("", async (ForceRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var force = await mediator.Send(new CreateForceCommand(body), ct);
                return TypedResults.Created($"/api/v1/forces/{force.Code}", force);
            })
            .WithName("CreateForce").WithSummary("Adds a force or collaboration (national admins).")
            .RequireNationalAdmin().ProducesWriteProblems();

        forces.MapPut(forceCodeRoute, async (string code, ForceRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateForceCommand(code, body), ct)))
            .WithName("UpdateForce")
            .ConditionalOn<Domain.Force, ForceView>("code", code => new GetForceQuery(code)).WithSummary("Renames a force or changes a collaboration's members (national admins).")
            .RequireNationalAdmin().ProducesNotFound().ProducesWriteProblems();
    }
}
