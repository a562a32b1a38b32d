using ComplianceApi.Data;
using MediatR;

namespace ComplianceApi.Features.Webhooks;

public sealed record GetWebhookSubscriptionQuery(Guid Id) : IRequest<WebhookSubscriptionView>;

public sealed class GetWebhookSubscriptionHandler(ComplianceDbContext db, Caller caller) : IRequestHandler<GetWebhookSubscriptionQuery, WebhookSubscriptionView>
{
    public async Task<WebhookSubscriptionView> Handle(GetWebhookSubscriptionQuery query, CancellationToken cancellationToken) =>
        WebhookSubscriptionView.Of(await db.FindManagedAsync(caller, query.Id, cancellationToken));
}
