using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.ApiKeys;

public static class ApiKeyEndpoints
{
    public static void MapApiKeys(this IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("ApiKeys").WithCommonProblems().RequireAuthorization(Policies.Administer);

        keys.MapGet("", async ([AsParameters] ListApiKeysQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListApiKeys").WithSummary("Lists API keys, a page at a time (admins; a force's admins for their own force's keys).").ProducesValidationProblem();

        keys.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetApiKeyQuery(id), ct)))
            .WithName("GetApiKey").WithSummary("Gets one API key, without its secret (admins; a force's admins for their own force's keys).").ProducesNotFound();

        keys.MapPost("", async (ApiKeyRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var key = await mediator.Send(new CreateApiKeyCommand(body), ct);
                return TypedResults.Created($"/api/v1/api-keys/{key.Id}", key);
            })
            .WithName("CreateApiKey").WithMetadata(new AnswerHoldsSecret()).WithSummary("Issues an API key; its secret is shown in this response only (admins; a force's admins for their own force's keys).")
            .ProducesWriteProblems();

        keys.MapPost("/{id:guid}/rotate", async (Guid id, ApiKeyRotationRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var key = await mediator.Send(new RotateApiKeyCommand(id, body), ct);
                return TypedResults.Created($"/api/v1/api-keys/{key.Id}", key);
            })
            .WithName("RotateApiKey").WithMetadata(new AnswerHoldsSecret())
            .WithSummary("Issues a replacement for a key, for the same client, role and force; the old key keeps working until it is revoked or expires, and oldKeyExpiresAt sets when (admins; a force's admins for their own force's keys).")
            .ProducesWriteProblems().ProducesNotFound();

        keys.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RevokeApiKeyCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeApiKey")
            .ConditionalOn<Domain.ApiKey, ApiKeyView>("id", id => new GetApiKeyQuery(Guid.Parse(id))).WithSummary("Revokes an API key at once; the record is kept for audit (admins; a force's admins for their own force's keys).")
            .ProducesNotFound().ProducesProblem(StatusCodes.Status409Conflict);
    }
}
