using ComplianceApi.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplianceApi.Http.Contract;

/// <summary>
/// Writes into the contract what makes writes safe to race and retry: If-Match on conditional writes (412,
/// 428), Idempotency-Key on every writing POST (409 while the first runs, 422 for another request, and the
/// replay marker), and the ETag header on every answer that is a view of one record.
/// </summary>
internal sealed class WriteHeadersOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var method = context.ApiDescription.HttpMethod ?? "";
        operation.Parameters ??= [];
        operation.Responses ??= [];

        if (metadata.OfType<ConditionalWrite>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = HeaderNames.IfMatch,
                In = ParameterLocation.Header,
                Required = false,
                Description = "The record's ETag (or the etag of its view) as last read: the write is made only while the record is unchanged, "
                    + "and otherwise answers 412 with the current tag in the problem's currentEtag. Optional unless the deployment sets Concurrency:RequireIfMatch (then 428 without it).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 1000 },
                Extensions = LastParameterNamed("ifMatch", 1000),
            });
        }

        var writes = metadata.OfType<IAuthorizeData>().Any(a => a.Policy is Policies.Edit or Policies.Administer);
        if (writes && HttpMethods.IsPost(method))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = WriteRequests.IdempotencyKeyHeader,
                In = ParameterLocation.Header,
                Required = false,
                Description = "A key unique to this request, such as a UUID, sent again unchanged on every retry of it: the first outcome is "
                    + "stored with the write and answered again (marked Idempotent-Replayed) instead of a second write. Keys are the client's own "
                    + "and kept for 24 hours. The same key with another request answers 422; while the first is still running, 409.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = Data.IdempotencyRecords.MostKeyLength + 2 },
                Extensions = LastParameterNamed("idempotencyKey", 1001),
            });
            AddProblem(operation, context, StatusCodes.Status409Conflict);
            AddProblem(operation, context, StatusCodes.Status422UnprocessableEntity);
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (!status.StartsWith('2') || response is not OpenApiResponse declared)
            {
                continue;
            }

            var type = context.ApiDescription.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) == status)?.Type;
            if (type is not null && typeof(ITaggedView).IsAssignableFrom(type))
            {
                declared.Headers ??= new Dictionary<string, IOpenApiHeader>();
                declared.Headers[HeaderNames.ETag] = new OpenApiHeader
                {
                    Description = "The record's strong entity tag, also in the view's etag: send it in If-Match to write only while the record is unchanged, "
                        + "or in If-None-Match on a read to be answered 304 while it is.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = TaggedViews.EtagLength },
                };
            }

            if (writes && HttpMethods.IsPost(method))
            {
                declared.Headers ??= new Dictionary<string, IOpenApiHeader>();
                declared.Headers[WriteRequests.ReplayedHeader] = new OpenApiHeader
                {
                    Description = "true when this is the stored outcome of an earlier request with the same Idempotency-Key, answered again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("true")] },
                };
            }
        }
    }

    /// <summary>
    /// The generated clients' argument name (NSwag reads x-originalName), and a place after every parameter the
    /// operation had before (x-position), so code that passes arguments by position still compiles.
    /// </summary>
    private static Dictionary<string, IOpenApiExtension> LastParameterNamed(string name, int position) => new()
    {
        ["x-originalName"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(name)),
        ["x-position"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(position)),
    };

    private static void AddProblem(OpenApiOperation operation, OperationFilterContext context, int status)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = ReasonPhrases.GetReasonPhrase(status),
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType
                {
                    Schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository),
                },
            },
        };
    }
}
