using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Webhooks;

/// <summary>One subscription's deliveries, oldest first, each with its attempts.</summary>
/// <param name="Id">The subscription's id.</param>
/// <param name="State">Only deliveries in this state.</param>
/// <param name="Limit">Deliveries per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListWebhookDeliveriesQuery(Guid Id, WebhookDeliveryState? State, int? Limit, string? Cursor) : IRequest<Page<WebhookDeliveryView>>, IPagedQuery;

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator()
    {
        this.ValidatesPaging();
        RuleFor(q => q.State).IsInEnum();
    }
}

public sealed class ListWebhookDeliveriesHandler(ComplianceDbContext db, Caller caller) : IRequestHandler<ListWebhookDeliveriesQuery, Page<WebhookDeliveryView>>
{
    public async Task<Page<WebhookDeliveryView>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        var subscription = await db.FindManagedAsync(caller, query.Id, cancellationToken);
        var page = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.SubscriptionId == subscription.Id && (query.State == null || d.State == query.State))
            .ToPageByIdAsync(query, d => d.Id, d => d, d => d.Id, cancellationToken);
        var ids = page.Items.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.DeliveryId);
        return new Page<WebhookDeliveryView>([.. page.Items.Select(d => new WebhookDeliveryView(
            d.Id, d.WebhookId, d.EventSequence, d.Kind, d.State, d.CreatedAt,
            d.State == WebhookDeliveryState.Pending ? d.NextAttemptAt : null, d.FinishedAt,
            [.. attempts[d.Id].OrderBy(a => a.Number).ThenBy(a => a.Id).TakeLast(WebhookDeliveryView.MostAttemptsShown)
                .Select(a => new WebhookAttemptView(a.Number, a.AttemptedAt, a.DurationMs, a.StatusCode, a.Error, a.Outcome))]))],
            page.TotalCount, page.NextCursor);
    }
}
