using System.Text.Json.Serialization.Metadata;

namespace ComplianceApi.Http;

/// <summary>
/// The contract marks non-nullable value-type fields of a body (enums, dates, booleans) as required.
/// Without this, System.Text.Json would bind a missing one to its default: a grading sent without its
/// grade would be stored as Outstanding, a progress update without a date as 1 January 0001.
/// </summary>
public static class RequiredBodyFields
{
    public static void RequireNonNullableValueTypes(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.AssociatedParameter is not null
                && property.PropertyType.IsValueType
                && Nullable.GetUnderlyingType(property.PropertyType) is null)
            {
                property.IsRequired = true;
            }
        }
    }
}
