using ComplianceApi.Data;
using ComplianceApi.Data.Webhooks;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using MediatR;

namespace ComplianceApi.Features.Webhooks;

public sealed record UpdateWebhookSubscriptionCommand(Guid Id, WebhookSubscriptionRequest Body) : ICommand<WebhookSubscriptionView>;

public sealed class UpdateWebhookSubscriptionValidator : AbstractValidator<UpdateWebhookSubscriptionCommand>
{
    public UpdateWebhookSubscriptionValidator() => RuleFor(c => c.Body).SetValidator(new WebhookSubscriptionRequestValidator());
}

/// <summary>Changes where and what is delivered, and disables or enables deliveries; the force cannot change.</summary>
public sealed class UpdateWebhookSubscriptionHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, WebhookTargets targets)
    : IRequestHandler<UpdateWebhookSubscriptionCommand, WebhookSubscriptionView>
{
    public async Task<WebhookSubscriptionView> Handle(UpdateWebhookSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var subscription = await db.FindManagedAsync(caller, command.Id, cancellationToken);
        if (body.ForceCode != subscription.ForceCode)
        {
            throw Invalid.Field("forceCode", "A subscription's force cannot change; create another subscription for another force.");
        }

        if (targets.RefusalOf(body.Url) is { } refusal)
        {
            throw Invalid.Field("url", refusal);
        }

        var now = clock.GetUtcNow();
        subscription.Change(body.Url, body.Kinds ?? [], body.Description, now);
        switch (body.Enabled)
        {
            case false when subscription.DisabledAt is null:
                subscription.Disable($"Disabled by {caller.Name}.", now);
                break;
            case true when subscription.DisabledAt is not null:
                subscription.Enable(now);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return WebhookSubscriptionView.Of(subscription);
    }
}
