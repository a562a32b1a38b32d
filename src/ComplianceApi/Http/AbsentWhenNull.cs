using System.Collections;
using System.Text.Json.Serialization.Metadata;

namespace ComplianceApi.Http;

/// <summary>
/// A member whose contract schema is a reference to another schema (an enum such as Rag, or a view such
/// as ForceResponse) is left out of an answer when it has no value, rather than written as null. OpenAPI
/// 3.0 cannot say "this $ref or null" in a form both validators and the generated clients read (nullable
/// beside a $ref has no effect, and within allOf the referenced enum still refuses null); an optional
/// member that is absent is what the contract already says.
/// </summary>
public static class AbsentWhenNull
{
    public static void LeaveOutNullReferences(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (IsReferenceInContract(property.PropertyType))
            {
                property.ShouldSerialize = static (_, value) => value is not null;
            }
        }
    }

    private static bool IsReferenceInContract(Type type) =>
        Nullable.GetUnderlyingType(type) is { IsEnum: true }
        || type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
            && type.Assembly == typeof(AbsentWhenNull).Assembly;
}
