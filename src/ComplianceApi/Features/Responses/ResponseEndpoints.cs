using ComplianceApi.Data.Responses;
using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.Responses;

public static class ResponseEndpoints
{
    public static void MapResponses(this IEndpointRouteBuilder api)
    {
        var findingResponses = api.MapGroup("/findings/{findingId:guid}/responses").WithTags("Responses").WithCommonProblems();

        findingResponses.MapGet("", async ([AsParameters] ListFindingResponsesQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListFindingResponses")
            .WithSummary("Lists every force's response to one finding, as they stand or as they stood on asOf, a page at a time.")
            .ProducesNotFound().ProducesValidationProblem();

        findingResponses.MapPost("", async (Guid findingId, ForceResponseRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var response = await mediator.Send(new CreateForceResponseCommand(findingId, body), ct);
                return TypedResults.Created($"/api/v1/responses/{response.Id}", response);
            })
            .WithName("CreateForceResponse")
            .WithSummary("Records a force's response to a finding that concerns it; a force keeps one response per finding.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        var responses = api.MapGroup("/responses").WithTags("Responses").WithCommonProblems();

        responses.MapGet("", async ([AsParameters] ListForceResponsesQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListForceResponses")
            .WithSummary("Lists force responses as they stand or as they stood on asOf, filtered and sorted, a page at a time.")
            .ProducesValidationProblem();

        responses.MapGet("/{id:guid}", async ([AsParameters] GetForceResponseQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("GetForceResponse")
            .WithSummary("Gets one force response as it stands, or as it stood on asOf, with the flags derived on that date.")
            .ProducesNotFound().ProducesValidationProblem();

        responses.MapPut("/{id:guid}", async (Guid id, ForceResponseRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateForceResponseCommand(id, body), ct)))
            .WithName("UpdateForceResponse")
            .ConditionalOn<Domain.ForceResponse, ForceResponseView>("id", id => new GetForceResponseQuery(Guid.Parse(id), null))
            .WithSummary("Revises a response's owner, governance board, constraints and next review from a date, keeping the earlier details as history; "
                + "the target date is set here once, then moved by re-baselining. Progress is recorded as updates.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        responses.MapPut("/{id:guid}/tags", async (Guid id, ResponseTagsRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new TagForceResponseCommand(id, body), ct)))
            .WithName("SetResponseTags")
            .ConditionalOn<Domain.ForceResponse, ForceResponseView>("id", id => new GetForceResponseQuery(Guid.Parse(id), null))
            .WithSummary("Replaces a response's tags, the force's own themes (its editors and admins, or national admins); an empty list removes them. "
                + "Tags have no history: every as-of read shows today's. Answers the response.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        // A response's history is append-only: there is deliberately no PUT or DELETE of an update.
        responses.MapGet("/{id:guid}/updates", async ([AsParameters] ListProgressUpdatesQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListProgressUpdates").WithSummary("Lists a response's progress updates, oldest first, a page at a time.")
            .ProducesNotFound().ProducesValidationProblem();

        responses.MapGet("/{id:guid}/updates/{updateId:guid}", async (Guid id, Guid updateId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetProgressUpdateQuery(id, updateId), ct)))
            .WithName("GetProgressUpdate").WithSummary("Gets one progress update of a response.").ProducesNotFound();

        responses.MapPost("/{id:guid}/updates", async (Guid id, ProgressUpdateRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var update = await mediator.Send(new RecordProgressUpdateCommand(id, body), ct);
                return TypedResults.Created($"/api/v1/responses/{id}/updates/{update.Id}", update);
            })
            .WithName("RecordProgressUpdate")
            .ConditionalOn<Domain.ForceResponse, ForceResponseView>("id", id => new GetForceResponseQuery(Guid.Parse(id), null))
            .WithSummary("Appends a dated progress update; the response takes its status, RAG and position from it. "
                + "Updates are append-only (there is no PUT or DELETE): a correction is a new entry.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        // Re-baselinings are kept for good, like progress updates: there is no PUT or DELETE of one.
        responses.MapGet("/{id:guid}/target-date-changes", async ([AsParameters] ListTargetDateChangesQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListTargetDateChanges").WithSummary("Lists a response's re-baselinings of its target date, oldest first, a page at a time.")
            .ProducesNotFound().ProducesValidationProblem();

        responses.MapGet("/{id:guid}/target-date-changes/{changeId:guid}", async (Guid id, Guid changeId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetTargetDateChangeQuery(id, changeId), ct)))
            .WithName("GetTargetDateChange").WithSummary("Gets one re-baselining of a response's target date.").ProducesNotFound();

        responses.MapPost("/{id:guid}/target-date-changes", async (Guid id, TargetDateChangeRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var change = await mediator.Send(new RebaselineTargetDateCommand(id, body), ct);
                return TypedResults.Created($"/api/v1/responses/{id}/target-date-changes/{change.Id}", change);
            })
            .WithName("RebaselineTargetDate")
            .ConditionalOn<Domain.ForceResponse, ForceResponseView>("id", id => new GetForceResponseQuery(Guid.Parse(id), null))
            .WithSummary("Re-baselines a response's target date with a reason; the old and new dates, the reason and who moved it are kept. "
                + "From its effective date the response is judged against the new date.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        responses.MapPost("/{id:guid}/reopen", async (Guid id, ReopenRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var update = await mediator.Send(new ReopenForceResponseCommand(id, body), ct);
                return TypedResults.Created($"/api/v1/responses/{id}/updates/{update.Id}", update);
            })
            .WithName("ReopenForceResponse")
            .ConditionalOn<Domain.ForceResponse, ForceResponseView>("id", id => new GetForceResponseQuery(Guid.Parse(id), null))
            .WithSummary("Reopens a closed response as in progress, dated today, by appending the progress update it returns.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        // Four-eyes closure: an update with status Closed puts the response forward (PendingSignOff); these decide it.
        responses.MapPost("/{id:guid}/sign-off", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var update = await mediator.Send(new SignOffForceResponseCommand(id), ct);
                return TypedResults.Created($"/api/v1/responses/{id}/updates/{update.Id}", update);
            })
            .WithName("SignOffForceResponse")
            .ConditionalOn<Domain.ForceResponse, ForceResponseView>("id", id => new GetForceResponseQuery(Guid.Parse(id), null))
            .WithSummary("Signs off a response awaiting sign-off (PendingSignOff): it is closed from today, with the caller as who signed it off. "
                + "Admins only (a national admin, or an admin of the response's force), and never the identity that requested the closure (403).")
            .RequireAuthorization(Policies.Administer).ProducesNotFound().ProducesWriteProblems();

        responses.MapPost("/{id:guid}/send-back", async (Guid id, SendBackRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var update = await mediator.Send(new SendBackForceResponseCommand(id, body), ct);
                return TypedResults.Created($"/api/v1/responses/{id}/updates/{update.Id}", update);
            })
            .WithName("SendBackForceResponse")
            .ConditionalOn<Domain.ForceResponse, ForceResponseView>("id", id => new GetForceResponseQuery(Guid.Parse(id), null))
            .WithSummary("Sends back a response awaiting sign-off, with a reason: from today it returns to the status it had when closure was requested. "
                + "Admins only, and never the identity that requested the closure (403).")
            .RequireAuthorization(Policies.Administer).ProducesNotFound().ProducesWriteProblems();
    }
}
