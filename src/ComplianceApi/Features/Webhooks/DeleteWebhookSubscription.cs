using ComplianceApi.Data;
using ComplianceApi.Pipeline;
using MediatR;

namespace ComplianceApi.Features.Webhooks;

public sealed record DeleteWebhookSubscriptionCommand(Guid Id) : ICommand<Unit>;

/// <summary>Stops deliveries for good: the subscription goes, with its deliveries and their attempts.</summary>
public sealed class DeleteWebhookSubscriptionHandler(ComplianceDbContext db, Caller caller) : IRequestHandler<DeleteWebhookSubscriptionCommand, Unit>
{
    public async Task<Unit> Handle(DeleteWebhookSubscriptionCommand command, CancellationToken cancellationToken)
    {
        db.WebhookSubscriptions.Remove(await db.FindManagedAsync(caller, command.Id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
