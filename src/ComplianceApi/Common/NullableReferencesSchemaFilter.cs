using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ComplianceApi.Common;

/// <summary>
/// A property that can be null and is declared by reference to another schema (an enum such as Rag, or
/// a view) is written <c>allOf: [$ref]</c> with <c>nullable: true</c>. OpenAPI 3.0 ignores everything
/// beside a bare <c>$ref</c>, so without this the contract says a response without a RAG never answers
/// <c>"rag": null</c>, which the service sends and strict validators and clients then reject.
/// </summary>
public sealed class NullableReferencesSchemaFilter : ISchemaFilter
{
    private static readonly NullabilityInfoContext Nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties } || context.MemberInfo is not null)
        {
            return;
        }

        var members = context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal);
        foreach (var (name, property) in properties.ToList())
        {
            if (property is OpenApiSchemaReference reference
                && members.TryGetValue(name, out var member)
                && CanBeNull(member))
            {
                properties[name] = new OpenApiSchema
                {
                    AllOf = [new OpenApiSchemaReference(reference.Reference.Id!, reference.Reference.HostDocument)],
                    Type = JsonSchemaType.Null,
                    Description = reference.Description,
                };
            }
        }
    }

    private static bool CanBeNull(PropertyInfo member) =>
        Nullable.GetUnderlyingType(member.PropertyType) is not null
        || !member.PropertyType.IsValueType && Nullability.Create(member).ReadState == NullabilityState.Nullable;
}
