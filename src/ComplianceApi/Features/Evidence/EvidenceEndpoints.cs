using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.Evidence;

public static class EvidenceEndpoints
{
    public static void MapEvidence(this IEndpointRouteBuilder api)
    {
        var backed = api.MapGroup("").WithTags("Evidence").WithCommonProblems();

        backed.MapPost("/responses/{id:guid}/evidence", async (Guid id, EvidenceRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var added = await mediator.Send(new AddResponseEvidenceCommand(id, body), ct);
                return TypedResults.Created($"/api/v1/evidence/{added.Id}", added);
            })
            .WithName("AddResponseEvidence")
            .ConditionalOn<Domain.ForceResponse, Data.Responses.ForceResponseView>("id", id => new Features.Responses.GetForceResponseQuery(Guid.Parse(id), null)).WithSummary("Records evidence that backs a force response.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        backed.MapPost("/actions/{id:guid}/evidence", async (Guid id, EvidenceRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var added = await mediator.Send(new AddActionEvidenceCommand(id, body), ct);
                return TypedResults.Created($"/api/v1/evidence/{added.Id}", added);
            })
            .WithName("AddActionEvidence")
            .ConditionalOn<Domain.PlanAction, Features.ActionPlans.PlanActionView>("id", id => new Features.ActionPlans.GetActionQuery(Guid.Parse(id))).WithSummary("Records evidence that backs an action in an action plan.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        var evidence = api.MapGroup("/evidence").WithTags("Evidence").WithCommonProblems();

        evidence.MapGet("", async ([AsParameters] ListEvidenceQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListEvidence").WithSummary("Lists evidence, a page at a time.").ProducesValidationProblem();

        evidence.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetEvidenceQuery(id), ct)))
            .WithName("GetEvidence").WithSummary("Gets one piece of evidence.").ProducesNotFound();

        evidence.MapPut("/{id:guid}", async (Guid id, EvidenceRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateEvidenceCommand(id, body), ct)))
            .WithName("UpdateEvidence")
            .ConditionalOn<Domain.Evidence, EvidenceView>("id", id => new GetEvidenceQuery(Guid.Parse(id))).WithSummary("Corrects a piece of evidence's details; what it backs cannot change.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();
    }
}
