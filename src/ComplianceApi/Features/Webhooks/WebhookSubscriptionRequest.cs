using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;

namespace ComplianceApi.Features.Webhooks;

/// <summary>Where to deliver which changes.</summary>
/// <param name="Url">The receiver's http or https URL; its host must be one the service is configured to deliver to (Webhooks:AllowedHosts, Webhooks:AllowedNetworks).</param>
/// <param name="Kinds">The kinds of change to deliver, as record.verb (such as response.updated, progress_update.recorded); omit or leave empty for every kind.</param>
/// <param name="ForceCode">Deliver only this force's changes (and national records' that every force reads); omit for every force's. A force's admins subscribe for their own force only. Cannot change once created.</param>
/// <param name="Description">What the receiver is, for the people who manage it.</param>
/// <param name="Enabled">False stops deliveries; true starts them again (after a subscription was disabled for failing), from where they stopped. True when omitted on creation; unchanged when omitted on update.</param>
public sealed record WebhookSubscriptionRequest(string Url, IReadOnlyList<string>? Kinds, string? ForceCode, string? Description, bool? Enabled);

public sealed class WebhookSubscriptionRequestValidator : AbstractValidator<WebhookSubscriptionRequest>
{
    public WebhookSubscriptionRequestValidator()
    {
        RuleFor(r => r.Url).NotEmpty().MaximumLength(Lengths.Url);
        RuleFor(r => r.Kinds).MaximumCount(WebhookSubscription.MostKinds);
        RuleForEach(r => r.Kinds).NotEmpty().MaximumLength(Lengths.Code).Matches("^[a-z_]+\\.[a-z_]+$")
            .WithMessage("Name kinds as record.verb, such as response.updated.");
        RuleFor(r => r.ForceCode).NotEmpty().MaximumLength(Lengths.Code).When(r => r.ForceCode is not null);
        RuleFor(r => r.Description).MaximumLength(Lengths.Name);
    }
}
