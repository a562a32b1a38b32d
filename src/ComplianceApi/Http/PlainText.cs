using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplianceApi.Http;

/// <summary>
/// Reads every string of a request body, refusing C0 control characters other than tab, CR and LF: NUL is
/// refused by PostgreSQL (a 500 after the work was done) and the others print as nothing on a committee's page.
/// </summary>
public sealed class PlainText : JsonConverter<string>
{
    public const string RefusedMessage = "Text may not hold control characters other than tab, carriage return and line feed.";

    private static readonly SearchValues<char> Refused =
        SearchValues.Create([.. Enumerable.Range(0, 32).Select(c => (char)c).Where(c => c is not ('\t' or '\r' or '\n'))]);

    /// <summary>Whether the text holds a control character other than tab, CR and LF.</summary>
    public static bool HoldsRefusedCharacters(ReadOnlySpan<char> text) => text.ContainsAny(Refused);

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not null && HoldsRefusedCharacters(text))
        {
            throw new JsonException(RefusedMessage);
        }

        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
