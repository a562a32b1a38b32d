using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.Changes;

/// <summary>
/// The change feed, for systems that mirror this service:
/// <code>
/// GET /api/v1/changes   ListChanges   every reader; a force's keys see their force's changes and national records'
/// </code>
/// The changes are the audit trail's events, read in commit order a page at a time after a cursor.
/// </summary>
public static class ChangesEndpoints
{
    public static void MapChanges(this IEndpointRouteBuilder api)
    {
        var changes = api.MapGroup("/changes").WithTags("Changes").WithCommonProblems();

        changes.MapGet("", async ([AsParameters] ListChangesQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListChanges")
            .WithSummary("Lists the changes committed after a cursor, in commit order: poll with the last nextCursor to see every change once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status410Gone);
    }
}
