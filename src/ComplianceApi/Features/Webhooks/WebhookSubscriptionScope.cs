using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Webhooks;

public static class WebhookSubscriptionScope
{
    /// <summary>
    /// The subscriptions the caller manages: every one for a national admin, its own force's for a force's
    /// admin. Another force's subscription is then not found, as another force's records are.
    /// </summary>
    public static IQueryable<WebhookSubscription> OfCallersForce(this IQueryable<WebhookSubscription> subscriptions, Caller caller) =>
        caller.ForceCode is { } force ? subscriptions.Where(s => s.ForceCode == force) : subscriptions;

    public static async Task<WebhookSubscription> FindManagedAsync(this ComplianceDbContext db, Caller caller, Guid id, CancellationToken cancellationToken) =>
        await db.WebhookSubscriptions.OfCallersForce(caller).SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw NotFoundException.For("webhook subscription", id);
}
