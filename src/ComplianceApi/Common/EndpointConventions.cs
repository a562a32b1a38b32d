using Microsoft.AspNetCore.Mvc;

namespace ComplianceApi.Common;

public static class EndpointConventions
{
    /// <summary>The statuses every API-key endpoint can answer: no or bad key, a role that may not, a crash.</summary>
    public static RouteGroupBuilder WithCommonProblems(this RouteGroupBuilder group) =>
        group
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

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
