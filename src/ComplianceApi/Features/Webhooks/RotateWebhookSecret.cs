using ComplianceApi.Data;
using ComplianceApi.Data.Webhooks;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using MediatR;

namespace ComplianceApi.Features.Webhooks;

public sealed record RotateWebhookSecretCommand(Guid Id) : ICommand<WebhookSubscriptionSecretView>;

/// <summary>Issues a new signing secret; every attempt from now on, retries included, is signed with it.</summary>
public sealed class RotateWebhookSecretHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, WebhookSecrets secrets)
    : IRequestHandler<RotateWebhookSecretCommand, WebhookSubscriptionSecretView>
{
    public async Task<WebhookSubscriptionSecretView> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.FindManagedAsync(caller, command.Id, cancellationToken);
        var secret = WebhookSubscription.NewSecret();
        subscription.UseSecret(secrets.Protect(secret), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookSubscriptionSecretView(WebhookSubscriptionView.Of(subscription), secret);
    }
}
