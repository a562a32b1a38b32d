using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplianceApi.Http;

/// <summary>The document media types an endpoint can answer with besides JSON, chosen by the Accept header or a query value.</summary>
public sealed record DocumentTypes(IReadOnlyList<string> MediaTypes);

public static class DocumentResponses
{
    /// <summary>
    /// The format asked for: <paramref name="asked"/> when given, else the first offered media type the
    /// Accept header names (by quality), else <paramref name="fallback"/>.
    /// </summary>
    public static TFormat Negotiate<TFormat>(TFormat? asked, HttpRequest request, IReadOnlyList<(string MediaType, TFormat Format)> offered, TFormat fallback)
        where TFormat : struct, Enum
    {
        if (asked is { } format)
        {
            return format;
        }

        foreach (var accepted in request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1))
        {
            foreach (var (mediaType, candidate) in offered)
            {
                if (string.Equals(accepted.MediaType.Value, mediaType, StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }
            }
        }

        return fallback;
    }

    /// <summary>Declares that the endpoint's 200 answers in these document types too.</summary>
    public static RouteHandlerBuilder ProducesDocuments(this RouteHandlerBuilder endpoint, params string[] mediaTypes) =>
        endpoint.WithMetadata(new DocumentTypes(mediaTypes));
}

/// <summary>
/// A document answer (CSV, XLSX, HTML) and the view its rows were written from, so what it holds is known
/// without reading its bytes: <see cref="RestrictedReads"/> recognises a read of restricted records in it as
/// in a JSON answer. It writes exactly what it wraps; the caches see through it to the result it wraps.
/// </summary>
public sealed class DocumentResult(IResult document, object writtenFrom) : IResult, INestedHttpResult
{
    public IResult Result => document;

    /// <summary>The view the document's rows were written from.</summary>
    public object WrittenFrom => writtenFrom;

    public Task ExecuteAsync(HttpContext httpContext) => document.ExecuteAsync(httpContext);
}

/// <summary>
/// Adds each document type an endpoint declares to its 200 response: text types as strings, others as
/// binary (all binary when the endpoint answers only documents). A document is bounded only by what one response can carry.
/// </summary>
public sealed class DocumentResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<DocumentTypes>().LastOrDefault() is not { } documents
            || operation.Responses?.GetValueOrDefault("200") is not OpenApiResponse ok)
        {
            return;
        }

        ok.Content ??= new Dictionary<string, IOpenApiMediaType>();

        // Where JSON is the main answer, text documents stay strings; where the endpoint answers only
        // documents, every one is binary, so generated clients hand back a stream whatever the format.
        var onlyDocuments = ok.Content.Count == 0;
        foreach (var mediaType in documents.MediaTypes)
        {
            ok.Content[mediaType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = mediaType.StartsWith("text/", StringComparison.Ordinal) && !onlyDocuments ? null : "binary",
                    MaxLength = int.MaxValue,
                },
            };
        }
    }
}

/// <summary>
/// A file uploaded in a multipart body is as long as the endpoint lets the body be: its request size
/// limit (see <see cref="IRequestSizeLimitMetadata"/>), which is where the service enforces it.
/// </summary>
public sealed class UploadLimitOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IRequestSizeLimitMetadata>().LastOrDefault()?.MaxRequestBodySize is not { } limit
            || operation.RequestBody?.Content is not { } content
            || !content.TryGetValue("multipart/form-data", out var declared)
            || declared is not OpenApiMediaType form
            || form.Schema is not OpenApiSchema { Properties: { } parts })
        {
            return;
        }

        foreach (var (name, part) in parts.Where(p => p.Value is OpenApiSchema { Format: "binary" }))
        {
            ((OpenApiSchema)part).MaxLength ??= (int)Math.Min(limit, int.MaxValue);

            // OpenAPI ignores allowReserved for multipart, but validating proxies (Prism) apply the
            // form-encoding rule to it and refuse a file holding a comma unless it is said.
            form.Encoding ??= new Dictionary<string, OpenApiEncoding>();
            form.Encoding[name] = new OpenApiEncoding { AllowReserved = true };
        }
    }
}
