using ComplianceApi.Http.Contract;
using Microsoft.AspNetCore.Mvc;

namespace ComplianceApi.Http;

public static class EndpointConventions
{
    /// <summary>
    /// The status every endpoint can answer: a crash. The contract adds 401 where a key is needed, 403
    /// where the endpoint requires a role, and 429 where the rate limit applies, from the endpoint's own
    /// authorization and rate-limiting metadata (see <see cref="OpenApi"/>).
    /// </summary>
    public static RouteGroupBuilder WithCommonProblems(this RouteGroupBuilder group) =>
        group.ProducesProblem(StatusCodes.Status500InternalServerError);

    /// <summary>An unpaged list: the most items it can hold, for the contract.</summary>
    public static RouteHandlerBuilder ListsAtMost(this RouteHandlerBuilder endpoint, int maxItems) =>
        endpoint.WithMetadata(new ListLimit(maxItems));

    /// <summary>A read of one record: it may not exist, or belong to a force the key cannot see.</summary>
    public static RouteHandlerBuilder ProducesNotFound(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>A write: its body may be invalid, or break a rule of the domain.</summary>
    public static RouteHandlerBuilder ProducesWriteProblems(this RouteHandlerBuilder endpoint) =>
        endpoint
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>A write or preview whose deadline words may not resolve to a due date.</summary>
    public static RouteHandlerBuilder ProducesUnresolvedDeadline(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

/// <summary>The most items an unpaged list answers.</summary>
public sealed record ListLimit(int MaxItems);
