using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplianceApi.Client;

/// <summary>
/// Reads and writes a contract enum as its string, like <see cref="JsonStringEnumConverter{TEnum}"/>,
/// except that a string this client does not know reads as <see cref="EnumValues.Unknown{TEnum}"/> instead of failing the
/// whole answer. The service adds enum values in minor versions (a new status, role or kind); a client
/// generated from an older contract keeps working and sees them as unknown. Every string enum property
/// of the generated models uses it (clients/csharp/ComplianceApi.Client/codegen/Class.liquid).
/// </summary>
/// <typeparam name="TEnum">A generated enum whose members carry the contract's strings in <see cref="EnumMemberAttribute"/>.</typeparam>
public sealed class TolerantStringEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByText = Members().ToDictionary(m => m.Text, m => m.Value, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<TEnum, string> ByValue = Members().ToDictionary(m => m.Value, m => m.Text);

    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A {typeof(TEnum).Name} is a JSON string, not {reader.TokenType}.");
        }

        return ByText.TryGetValue(reader.GetString()!, out var value) ? value : EnumValues.Unknown<TEnum>();
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!ByValue.TryGetValue(value, out var text))
        {
            throw new JsonException(
                $"{value} is not a {typeof(TEnum).Name} this client knows; a value read as unknown cannot be sent to the service.");
        }

        writer.WriteStringValue(text);
    }

    private static IEnumerable<(string Text, TEnum Value)> Members() =>
        typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name, (TEnum)field.GetValue(null)!));
}

/// <summary>Enum values as the service's contract sees them.</summary>
public static class EnumValues
{
    /// <summary>
    /// What a value this client does not know reads as (one the service added after this client was
    /// generated): no named member, its number is -1, so a <c>switch</c> over the enum lands in its
    /// default arm. It cannot be sent back to the service.
    /// </summary>
    public static TEnum Unknown<TEnum>()
        where TEnum : struct, Enum => (TEnum)Enum.ToObject(typeof(TEnum), -1);

    /// <summary>False for a value the service sent that this client does not know.</summary>
    public static bool IsKnown<TEnum>(TEnum value)
        where TEnum : struct, Enum => Enum.IsDefined(value);
}
