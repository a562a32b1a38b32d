using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.Deadlines;

public static class DeadlineEndpoints
{
    public static void MapDeadlines(this IEndpointRouteBuilder api)
    {
        var deadlines = api.MapGroup("/deadlines").WithTags("Deadlines").WithCommonProblems();

        deadlines.MapPost("/resolve", async (ResolveDeadlineRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ResolveDeadlineQuery(body), ct)))
            .WithName("ResolveDeadline")
            .WithSummary("Previews the due date, kind and precision that deadline words resolve to for a publication date; stores nothing.")
            .ProducesValidationProblem().ProducesUnresolvedDeadline();
    }
}
