using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ComplianceApi.Tests.Contract;

/// <summary>
/// What a new OpenAPI contract breaks for clients built against an older one: a removed operation, a
/// removed success status, a removed response property, a removed enum value, or a request field or
/// parameter that was optional (or absent) and is now required. Additions break nothing, with one
/// condition: a new enum value in an answer breaks clients that fail on values they do not know, so it
/// is a minor change only when the generated clients tolerate unknown values. A new major version
/// (info.version) may break anything.
/// </summary>
/// <remarks>
/// Of the statuses, only successes count: clients parse their bodies. An error status the service stops
/// answering leaves a client's handling of it unused, not broken.
/// </remarks>
public static partial class ContractCompatibility
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public static IReadOnlyList<string> BreakingChanges(JsonNode released, JsonNode current, bool clientsTolerateUnknownEnumValues)
    {
        if (MajorVersion(current) != MajorVersion(released))
        {
            return [];
        }

        var comparison = new Comparison(released, current, clientsTolerateUnknownEnumValues);
        var currentOperations = Operations(current).ToDictionary(o => o.Key, o => o.Operation);
        foreach (var (key, name, operation) in Operations(released))
        {
            if (!currentOperations.TryGetValue(key, out var now))
            {
                comparison.Breaks.Add($"{name}: the operation was removed.");
                continue;
            }

            comparison.CompareRequest(name, operation, now);
            comparison.CompareResponses(name, operation, now);
        }

        return comparison.Breaks;
    }

    /// <summary>
    /// Why the current contract's info.version does not say what changed since the released one, or null
    /// when it does: any change needs a higher version, and a break (as if the major were unchanged) a
    /// higher major.
    /// </summary>
    public static string? VersionProblem(JsonNode released, JsonNode current, bool clientsTolerateUnknownEnumValues)
    {
        var releasedVersion = VersionOf(released);
        var currentVersion = VersionOf(current);
        var sameMajor = current.DeepClone();
        sameMajor["info"]!["version"] = (string?)released["info"]!["version"];
        if (JsonNode.DeepEquals(sameMajor, released))
        {
            return currentVersion >= releasedVersion ? null : $"The contract is {currentVersion}, lower than the released {releasedVersion}.";
        }

        var breaks = BreakingChanges(released, sameMajor, clientsTolerateUnknownEnumValues);
        if (breaks.Count > 0 && currentVersion.Major <= releasedVersion.Major)
        {
            return $"The contract breaks clients of {releasedVersion} but says {currentVersion}; a break needs {releasedVersion.Major + 1}.0.0:"
                + string.Concat(breaks.Select(b => $"{Environment.NewLine}  - {b}"));
        }

        return currentVersion > releasedVersion
            ? null
            : $"The contract differs from the released {releasedVersion} but says {currentVersion}; "
              + $"release it as {releasedVersion.Major}.{releasedVersion.Minor + 1}.0 (additions) or {releasedVersion.Major}.{releasedVersion.Minor}.{releasedVersion.Build + 1} (wording).";
    }

    private static Version VersionOf(JsonNode document) =>
        System.Version.Parse((string?)document["info"]?["version"] ?? throw new ArgumentException("The contract has no info.version."));

    public static int MajorVersion(JsonNode document)
    {
        var version = (string?)document["info"]?["version"] ?? throw new ArgumentException("The contract has no info.version.");
        return int.Parse(version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Operations keyed by method and path, with path parameters unnamed: renaming {id} breaks no client.</summary>
    private static IEnumerable<(string Key, string Name, JsonNode Operation)> Operations(JsonNode document) =>
        from path in (document["paths"] as JsonObject ?? [])
        from method in Methods
        let operation = path.Value?[method]
        where operation is not null
        select ($"{method.ToUpperInvariant()} {PathParameter().Replace(path.Key, "{}")}",
            $"{method.ToUpperInvariant()} {path.Key}", operation);

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex PathParameter();

    private enum Direction
    {
        Request,
        Response,
    }

    private sealed class Comparison(JsonNode released, JsonNode current, bool clientsTolerateUnknownEnumValues)
    {
        private readonly HashSet<(string Released, string Current, Direction Direction)> _compared = [];

        public List<string> Breaks { get; } = [];

        public void CompareRequest(string name, JsonNode before, JsonNode now)
        {
            var parametersBefore = Parameters(before, released);

            // The generated clients take optional parameters by position: the released ones must keep
            // their order at the front, and new ones come after them.
            var orderBefore = ParameterOrder(before, released);
            var orderNow = ParameterOrder(now, current).Where(parametersBefore.ContainsKey).ToList();
            var leading = ParameterOrder(now, current).Take(orderBefore.Count).ToList();
            if (orderNow.SequenceEqual(orderBefore) && !leading.SequenceEqual(orderBefore))
            {
                Breaks.Add($"{name}: a new parameter was put before released ones; add it after {orderBefore[^1]}.");
            }
            else if (!orderNow.SequenceEqual(orderBefore))
            {
                Breaks.Add($"{name}: the released parameters changed order ({string.Join(", ", orderBefore)}).");
            }

            foreach (var (key, parameter) in Parameters(now, current))
            {
                var required = (bool?)parameter["required"] == true;
                if (!parametersBefore.TryGetValue(key, out var old))
                {
                    if (required)
                    {
                        Breaks.Add($"{name}: the new {key} parameter is required.");
                    }

                    continue;
                }

                if (required && (bool?)old["required"] != true)
                {
                    Breaks.Add($"{name}: the {key} parameter became required.");
                }

                CompareSchemas($"{name} {key} parameter", old["schema"], parameter["schema"], Direction.Request);
            }

            var bodyBefore = Resolve(before["requestBody"], released);
            var bodyNow = Resolve(now["requestBody"], current);
            if (bodyNow is null)
            {
                return;
            }

            if ((bool?)bodyNow["required"] == true && (bodyBefore is null || (bool?)bodyBefore["required"] != true))
            {
                Breaks.Add($"{name}: the request body became required.");
            }

            foreach (var (mediaType, content) in bodyNow["content"] as JsonObject ?? [])
            {
                CompareSchemas($"{name} request body", bodyBefore?["content"]?[mediaType]?["schema"], content?["schema"], Direction.Request);
            }
        }

        public void CompareResponses(string name, JsonNode before, JsonNode now)
        {
            foreach (var (status, response) in before["responses"] as JsonObject ?? [])
            {
                var responseNow = Resolve(now["responses"]?[status], current);
                if (responseNow is null)
                {
                    if (status.StartsWith('2'))
                    {
                        Breaks.Add($"{name}: the {status} response was removed.");
                    }

                    continue;
                }

                foreach (var (mediaType, content) in Resolve(response, released)?["content"] as JsonObject ?? [])
                {
                    var contentNow = responseNow["content"]?[mediaType];
                    if (contentNow is null)
                    {
                        if (status.StartsWith('2'))
                        {
                            Breaks.Add($"{name}: the {status} response no longer returns {mediaType}.");
                        }

                        continue;
                    }

                    CompareSchemas($"{name} {status} response", content?["schema"], contentNow["schema"], Direction.Response);
                }
            }
        }

        private void CompareSchemas(string location, JsonNode? before, JsonNode? now, Direction direction)
        {
            if (before is null || now is null)
            {
                return;
            }

            // A schema reached twice through $refs (or in a cycle) is compared once per direction.
            var key = ((string?)before["$ref"] ?? before.GetPath(), (string?)now["$ref"] ?? now.GetPath(), direction);
            if (!_compared.Add(key))
            {
                return;
            }

            var old = Flatten(before, released);
            var fresh = Flatten(now, current);

            foreach (var value in old.Enum.Except(fresh.Enum).Where(_ => fresh.Enum.Count > 0))
            {
                Breaks.Add($"{location}: the enum value {value} was removed.");
            }

            if (direction == Direction.Response && !clientsTolerateUnknownEnumValues)
            {
                foreach (var value in fresh.Enum.Except(old.Enum).Where(_ => old.Enum.Count > 0))
                {
                    Breaks.Add($"{location}: the new enum value {value} reaches clients that fail on values they do not know.");
                }
            }

            foreach (var (property, schema) in old.Properties)
            {
                if (!fresh.Properties.TryGetValue(property, out var schemaNow))
                {
                    if (direction == Direction.Response)
                    {
                        Breaks.Add($"{location}: the property {property} was removed.");
                    }

                    continue;
                }

                CompareSchemas($"{location}: {property}", schema, schemaNow, direction);
            }

            if (direction == Direction.Request)
            {
                foreach (var property in fresh.Required.Except(old.Required))
                {
                    Breaks.Add(old.Properties.ContainsKey(property)
                        ? $"{location}: the property {property} became required."
                        : $"{location}: the new property {property} is required.");
                }
            }

            CompareSchemas($"{location}[]", old.Items, fresh.Items, direction);
            CompareSchemas($"{location}{{}}", old.AdditionalProperties, fresh.AdditionalProperties, direction);
        }

        private static List<string> ParameterOrder(JsonNode operation, JsonNode document) =>
            [.. (operation["parameters"] as JsonArray ?? [])
                .Select(p => Resolve(p, document)!)
                .Where(p => (string?)p["in"] != "path")
                .Select(p => $"{p["in"]} {p["name"]}")];

        private static Dictionary<string, JsonNode> Parameters(JsonNode operation, JsonNode document) =>
            (operation["parameters"] as JsonArray ?? [])
            .Select(p => Resolve(p, document)!)
            .Where(p => (string?)p["in"] != "path")
            .ToDictionary(p => $"{p["in"]} {p["name"]}", p => p);

        /// <summary>A schema's properties, required names, enum values and item schemas, through $ref and allOf.</summary>
        private static Flat Flatten(JsonNode schema, JsonNode document)
        {
            var flat = new Flat();
            Collect(Resolve(schema, document), document, flat, depth: 0);
            return flat;
        }

        private static void Collect(JsonNode? schema, JsonNode document, Flat flat, int depth)
        {
            if (schema is null || depth > 32)
            {
                return;
            }

            foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
            {
                flat.Properties.TryAdd(name, property!);
            }

            flat.Required.UnionWith((schema["required"] as JsonArray ?? []).Select(n => (string)n!));
            flat.Enum.UnionWith((schema["enum"] as JsonArray ?? []).Select(n => n?.ToJsonString() ?? "null"));
            flat.Items ??= schema["items"];
            flat.AdditionalProperties ??= schema["additionalProperties"] is JsonObject additional ? additional : null;
            foreach (var part in schema["allOf"] as JsonArray ?? [])
            {
                Collect(Resolve(part, document), document, flat, depth + 1);
            }
        }

        /// <summary>Follows local $refs ("#/components/schemas/Inspection") to what they name.</summary>
        private static JsonNode? Resolve(JsonNode? node, JsonNode document)
        {
            for (var hops = 0; node?["$ref"] is JsonValue reference && hops < 32; hops++)
            {
                var target = (string)reference!;
                if (!target.StartsWith("#/", StringComparison.Ordinal))
                {
                    throw new NotSupportedException($"Only local references are followed, not {target}.");
                }

                node = target[2..].Split('/')
                    .Select(segment => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
                    .Aggregate<string, JsonNode?>(document, (at, segment) => at?[segment]);
                if (node is null)
                {
                    throw new InvalidOperationException($"The reference {target} names nothing in its contract.");
                }
            }

            return node;
        }
    }

    private sealed class Flat
    {
        public Dictionary<string, JsonNode> Properties { get; } = [];
        public HashSet<string> Required { get; } = [];
        public HashSet<string> Enum { get; } = [];
        public JsonNode? Items { get; set; }
        public JsonNode? AdditionalProperties { get; set; }
    }
}
