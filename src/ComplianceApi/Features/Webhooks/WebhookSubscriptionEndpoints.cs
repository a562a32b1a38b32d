using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.Webhooks;

/// <summary>
/// Webhook subscriptions, for national admins and a force's admins (their own force's):
/// <code>
/// GET    /api/v1/webhook-subscriptions                      ListWebhookSubscriptions
/// POST   /api/v1/webhook-subscriptions                      CreateWebhookSubscription   answers the signing secret, once
/// GET    /api/v1/webhook-subscriptions/{id}                 GetWebhookSubscription
/// PUT    /api/v1/webhook-subscriptions/{id}                 UpdateWebhookSubscription   also disables and enables
/// DELETE /api/v1/webhook-subscriptions/{id}                 DeleteWebhookSubscription
/// POST   /api/v1/webhook-subscriptions/{id}/rotate-secret   RotateWebhookSecret         answers the new secret, once
/// POST   /api/v1/webhook-subscriptions/{id}/ping            PingWebhookSubscription
/// GET    /api/v1/webhook-subscriptions/{id}/deliveries      ListWebhookDeliveries
/// </code>
/// Deliveries are made by the dispatcher (Data/Webhooks/WebhookDispatcher.cs) on every instance.
/// </summary>
public static class WebhookSubscriptionEndpoints
{
    public static void MapWebhookSubscriptions(this IEndpointRouteBuilder api)
    {
        var subscriptions = api.MapGroup("/webhook-subscriptions").WithTags("Webhooks").WithCommonProblems().RequireAuthorization(Policies.Administer);

        subscriptions.MapGet("", async ([AsParameters] ListWebhookSubscriptionsQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListWebhookSubscriptions").WithSummary("Lists webhook subscriptions, a page at a time (admins; a force's admins see their force's).")
            .ProducesValidationProblem();

        subscriptions.MapPost("", async (WebhookSubscriptionRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateWebhookSubscriptionCommand(body), ct);
                return TypedResults.Created($"/api/v1/webhook-subscriptions/{created.Subscription.Id}", created);
            })
            .WithName("CreateWebhookSubscription").WithMetadata(new AnswerHoldsSecret())
            .WithSummary("Subscribes a receiver to the changes committed from now on; the signing secret is shown in this response only (admins; a force's admins for their own force).")
            .ProducesWriteProblems();

        subscriptions.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetWebhookSubscriptionQuery(id), ct)))
            .WithName("GetWebhookSubscription").WithSummary("Gets one webhook subscription, without its secret; a disabled one says why.").ProducesNotFound();

        subscriptions.MapPut("/{id:guid}", async (Guid id, WebhookSubscriptionRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateWebhookSubscriptionCommand(id, body), ct)))
            .WithName("UpdateWebhookSubscription")
            .ConditionalOn<Domain.WebhookSubscription, WebhookSubscriptionView>("id", id => new GetWebhookSubscriptionQuery(Guid.Parse(id)))
            .WithSummary("Changes a subscription's URL, kinds or description, or disables or enables it (enabled again, deliveries resume where they stopped).")
            .ProducesNotFound().ProducesWriteProblems();

        subscriptions.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteWebhookSubscriptionCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteWebhookSubscription")
            .ConditionalOn<Domain.WebhookSubscription, WebhookSubscriptionView>("id", id => new GetWebhookSubscriptionQuery(Guid.Parse(id)))
            .WithSummary("Deletes a subscription with its deliveries; nothing more is sent to it.")
            .ProducesNotFound().ProducesProblem(StatusCodes.Status409Conflict);

        subscriptions.MapPost("/{id:guid}/rotate-secret", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RotateWebhookSecretCommand(id), ct)))
            .WithName("RotateWebhookSecret").WithMetadata(new AnswerHoldsSecret())
            .WithSummary("Issues a new signing secret, shown in this response only; every attempt from now on is signed with it.")
            .ProducesNotFound().ProducesProblem(StatusCodes.Status409Conflict);

        subscriptions.MapPost("/{id:guid}/ping", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted($"/api/v1/webhook-subscriptions/{id}/deliveries", await mediator.Send(new PingWebhookSubscriptionCommand(id), ct)))
            .WithName("PingWebhookSubscription")
            .WithSummary("Sends a signed test event (webhook.ping) once; its attempt shows in the subscription's deliveries.")
            .ProducesNotFound().ProducesProblem(StatusCodes.Status409Conflict);

        subscriptions.MapGet("/{id:guid}/deliveries", async ([AsParameters] ListWebhookDeliveriesQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListWebhookDeliveries")
            .WithSummary("Lists a subscription's deliveries, oldest first, each with every attempt's status, time, duration and error.")
            .ProducesNotFound().ProducesValidationProblem();
    }
}
