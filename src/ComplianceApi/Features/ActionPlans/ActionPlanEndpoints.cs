using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.ActionPlans;

public static class ActionPlanEndpoints
{
    public static void MapActionPlans(this IEndpointRouteBuilder api)
    {
        var plans = api.MapGroup("/action-plans").WithTags("ActionPlans").WithCommonProblems();

        plans.MapGet("", async ([AsParameters] ListActionPlansQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListActionPlans").WithSummary("Lists action plans, a page at a time.").ProducesValidationProblem();

        plans.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetActionPlanQuery(id), ct)))
            .WithName("GetActionPlan").WithSummary("Gets one action plan.").ProducesNotFound();

        plans.MapPost("", async (ActionPlanRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var plan = await mediator.Send(new CreateActionPlanCommand(body), ct);
                return TypedResults.Created($"/api/v1/action-plans/{plan.Id}", plan);
            })
            .WithName("CreateActionPlan").WithSummary("Records a force's action plan (editors, for their own force).")
            .RequireAuthorization(Policies.Edit).ProducesWriteProblems();

        plans.MapPut("/{id:guid}", async (Guid id, ActionPlanRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateActionPlanCommand(id, body), ct)))
            .WithName("UpdateActionPlan")
            .ConditionalOn<Domain.ActionPlan, ActionPlanView>("id", id => new GetActionPlanQuery(Guid.Parse(id))).WithSummary("Corrects an action plan's details; its force cannot change (editors).")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        plans.MapGet("/{planId:guid}/actions", async ([AsParameters] ListPlanActionsQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListPlanActions").WithSummary("Lists one plan's actions, a page at a time.")
            .ProducesNotFound().ProducesValidationProblem();

        plans.MapPost("/{planId:guid}/actions", async (Guid planId, PlanActionRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var action = await mediator.Send(new CreatePlanActionCommand(planId, body), ct);
                return TypedResults.Created($"/api/v1/actions/{action.Id}", action);
            })
            .WithName("CreatePlanAction").WithSummary("Adds an action, serving one or more findings, to a plan (editors).")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        var actions = api.MapGroup("/actions").WithTags("ActionPlans").WithCommonProblems();

        actions.MapGet("", async ([AsParameters] ListActionsQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListActions").WithSummary("Lists actions across plans, a page at a time.").ProducesValidationProblem();

        actions.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetActionQuery(id), ct)))
            .WithName("GetAction").WithSummary("Gets one action.").ProducesNotFound();

        actions.MapPut("/{id:guid}", async (Guid id, PlanActionRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateActionCommand(id, body), ct)))
            .WithName("UpdateAction")
            .ConditionalOn<Domain.PlanAction, PlanActionView>("id", id => new GetActionQuery(Guid.Parse(id))).WithSummary("Changes an action's details, status or findings (editors).")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();
    }
}
