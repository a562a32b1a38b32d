using ComplianceApi.Data;
using ComplianceApi.Data.Webhooks;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Webhooks;

public sealed record CreateWebhookSubscriptionCommand(WebhookSubscriptionRequest Body) : ICommand<WebhookSubscriptionSecretView>;

public sealed class CreateWebhookSubscriptionValidator : AbstractValidator<CreateWebhookSubscriptionCommand>
{
    public CreateWebhookSubscriptionValidator() => RuleFor(c => c.Body).SetValidator(new WebhookSubscriptionRequestValidator());
}

/// <summary>
/// Subscribes a receiver to the changes that commit from now on, and issues its signing secret, which is
/// kept only protected (Data Protection) and answered this once.
/// </summary>
public sealed class CreateWebhookSubscriptionHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, WebhookTargets targets, WebhookSecrets secrets)
    : IRequestHandler<CreateWebhookSubscriptionCommand, WebhookSubscriptionSecretView>
{
    public async Task<WebhookSubscriptionSecretView> Handle(CreateWebhookSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        if (caller.ForceCode is { } own && body.ForceCode != own)
        {
            throw new ForbiddenException($"This API key is scoped to force '{own}': it subscribes to that force's changes only (forceCode '{own}').");
        }

        if (targets.RefusalOf(body.Url) is { } refusal)
        {
            throw Invalid.Field("url", refusal);
        }

        await db.EnsureForcesExistAsync(body.ForceCode is null ? [] : [body.ForceCode], "forceCode", cancellationToken);
        var now = clock.GetUtcNow();
        var subscription = new WebhookSubscription(body.Url, body.Kinds ?? [], body.ForceCode, body.Description, now);
        var secret = WebhookSubscription.NewSecret();
        subscription.UseSecret(secrets.Protect(secret), now);
        subscription.StartAt(await db.AuditEvents.MaxAsync(a => (long?)a.Sequence, cancellationToken) ?? 0);
        if (body.Enabled == false)
        {
            subscription.Disable($"Created disabled by {caller.Name}.", now);
        }

        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookSubscriptionSecretView(WebhookSubscriptionView.Of(subscription), secret);
    }
}
