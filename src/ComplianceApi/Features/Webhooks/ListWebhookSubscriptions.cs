using ComplianceApi.Data;
using ComplianceApi.Support;
using FluentValidation;
using MediatR;

namespace ComplianceApi.Features.Webhooks;

/// <summary>Webhook subscriptions in the order they were created. A force's admins see their force's only.</summary>
/// <param name="ForceCode">Only subscriptions to this force's changes.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListWebhookSubscriptionsQuery(string? ForceCode, int? Limit, string? Cursor) : IRequest<Page<WebhookSubscriptionView>>, IPagedQuery;

public sealed class ListWebhookSubscriptionsValidator : AbstractValidator<ListWebhookSubscriptionsQuery>
{
    public ListWebhookSubscriptionsValidator()
    {
        this.ValidatesPaging();
        RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
    }
}

public sealed class ListWebhookSubscriptionsHandler(ComplianceDbContext db, Caller caller) : IRequestHandler<ListWebhookSubscriptionsQuery, Page<WebhookSubscriptionView>>
{
    public async Task<Page<WebhookSubscriptionView>> Handle(ListWebhookSubscriptionsQuery query, CancellationToken cancellationToken)
    {
        // The kinds are one column split in memory, so the page is read as records and then shaped.
        var page = await db.WebhookSubscriptions.OfCallersForce(caller)
            .Where(s => query.ForceCode == null || s.ForceCode == query.ForceCode)
            .ToPageByIdAsync(query, s => s.Id, s => s, s => s.Id, cancellationToken);
        return new Page<WebhookSubscriptionView>([.. page.Items.Select(WebhookSubscriptionView.Of)], page.TotalCount, page.NextCursor);
    }
}
