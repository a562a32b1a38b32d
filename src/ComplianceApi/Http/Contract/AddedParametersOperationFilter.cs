using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplianceApi.Http.Contract;

/// <summary>
/// Marks each optional parameter that a minor version added to operations released without it with that
/// version (<c>x-since</c>), on every operation taking it. The generated clients' templates read the mark, not
/// the names: beside the method taking it, each such operation keeps its earlier shape without the marked
/// parameters, so a call that passed the cancellation token (C#) or the signal (TypeScript) by position
/// still compiles. An operation released after the parameter has that overload too, as it has had since it
/// was released. A parameter added to released operations later is recorded here, and nowhere else.
/// </summary>
internal sealed class AddedParametersOperationFilter : IOperationFilter
{
    public const string Extension = "x-since";

    /// <summary>The parameters, as the contract names them, and the version that added them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Since = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [HeaderNames.IfMatch] = "1.2.0",
        [WriteRequests.IdempotencyKeyHeader] = "1.2.0",
        ["tag"] = "1.4.0",
        ["inspectorateStatus"] = "1.4.0",
        ["disagreesWithInspectorate"] = "1.4.0",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && Since.TryGetValue(name, out var version))
            {
                parameter.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                parameter.Extensions[Extension] = new JsonNodeExtension(JsonValue.Create(version));
            }
        }
    }
}
