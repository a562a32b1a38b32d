using ComplianceApi.Data;
using ComplianceApi.Data.Webhooks;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using MediatR;

namespace ComplianceApi.Features.Webhooks;

public sealed record PingWebhookSubscriptionCommand(Guid Id) : ICommand<WebhookDeliveryView>;

/// <summary>
/// Sends a test event (webhook.ping), signed as every delivery is, once: its attempt shows in the deliveries.
/// A disabled subscription is pinged too, to check a receiver before enabling it again.
/// </summary>
public sealed class PingWebhookSubscriptionHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, WebhookDispatcher dispatcher)
    : IRequestHandler<PingWebhookSubscriptionCommand, WebhookDeliveryView>
{
    public async Task<WebhookDeliveryView> Handle(PingWebhookSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.FindManagedAsync(caller, command.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var ping = new WebhookDelivery(subscription.Id, null, WebhookDelivery.PingKind, WebhookMessages.PingBody(subscription.Id, now), now);
        db.WebhookDeliveries.Add(ping);
        await db.SaveChangesAsync(cancellationToken);
        dispatcher.Wake();
        return new WebhookDeliveryView(ping.Id, ping.WebhookId, null, ping.Kind, ping.State, ping.CreatedAt, ping.NextAttemptAt, null, []);
    }
}
