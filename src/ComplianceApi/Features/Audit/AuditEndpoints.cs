using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.Audit;

/// <summary>
/// The audit trail, read only:
/// <code>
/// GET /api/v1/audit-events   ListAuditEvents   admins; a force's admins read their force's events
/// </code>
/// Events are written by the changes they record, in the same transaction, and nothing in the API
/// changes or removes one: there is no route to.
/// </summary>
public static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder api)
    {
        var events = api.MapGroup("/audit-events").WithTags("Audit").WithCommonProblems().RequireAuthorization(Policies.Administer);

        events.MapGet("", async ([AsParameters] ListAuditEventsQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListAuditEvents")
            .WithSummary("Lists the audit trail, oldest first, filtered, a page at a time (admins; a force's admins see their force's events).")
            .ProducesValidationProblem();
    }
}
