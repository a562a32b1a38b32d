using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ComplianceApi.Data;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Contract;

/// <summary>
/// Every operation in the served contract, sent each kind of malformed input it could receive: in a JSON
/// body an unknown field, an enum as its number, a date not written yyyy-MM-dd, an impossible date and text
/// holding NUL; in a query an enum as its number, a date not written yyyy-MM-dd, a single-valued parameter
/// twice and NUL. Each answer is a 400 problem naming the field, and the data version does not move: nothing
/// was stored. The bodies are built from the contract's schemas, so an operation added later is covered.
/// </summary>
public sealed class MalformedInputTests(TestHosts hosts)
{
    [Theory, MemberData(nameof(TestHosts.Providers), MemberType = typeof(TestHosts))]
    public async Task Every_operation_refuses_every_kind_of_malformed_input_naming_the_field_and_stores_nothing(Provider provider)
    {
        await using var host = await hosts.IsolatedHostFor(provider);
        var admin = host.AdminClient();
        var contract = JsonNode.Parse(await host.ServedContractAsync())!;
        var schemas = contract["components"]!["schemas"]!.AsObject();
        var cases = Cases(contract, schemas).ToList();
        Assert.True(cases.Count > 100, $"Only {cases.Count} cases were found in the contract.");

        var wrong = new List<string>();
        foreach (var bad in cases)
        {
            var before = await StampAsync(host);
            using var request = new HttpRequestMessage(new HttpMethod(bad.Method), bad.Url);
            if (bad.Body is not null)
            {
                request.Content = new StringContent(bad.Body, Encoding.UTF8, "application/json");
            }

            var response = await admin.SendAsync(request, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? JsonNode.Parse(text) : null;
            var errors = problem?["errors"]?.AsObject().Select(e => e.Key).ToList() ?? [];
            if (response.StatusCode != HttpStatusCode.BadRequest || problem is null || !errors.Contains(bad.Field))
            {
                wrong.Add($"{bad.Method} {bad.Url} ({bad.Kind}, {bad.Field}): {(int)response.StatusCode} {text}");
            }
            else if (await StampAsync(host) != before)
            {
                wrong.Add($"{bad.Method} {bad.Url} ({bad.Kind}, {bad.Field}): the data version changed");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {cases.Count} malformed requests were not refused as they should be:\n" + string.Join('\n', wrong));
    }

    private static async Task<Guid> StampAsync(ComplianceApiHost host)
    {
        var stamp = Guid.Empty;
        await host.WithDatabaseAsync(async db => stamp = await db.CurrentStampAsync(TestContext.Current.CancellationToken));
        return stamp;
    }

    private sealed record BadRequest(string Method, string Url, string? Body, string Kind, string Field);

    private static IEnumerable<BadRequest> Cases(JsonNode contract, JsonObject schemas)
    {
        foreach (var (path, item) in contract["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation?["responses"] is null)
                {
                    continue;
                }

                var url = PathWithIds(path, operation, item);
                if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } bodySchema)
                {
                    foreach (var bad in BodyCases(Resolve(bodySchema, schemas), schemas))
                    {
                        yield return new BadRequest(method.ToUpperInvariant(), url, bad.Body.ToJsonString(), bad.Kind, bad.Field);
                    }
                }

                foreach (var parameter in (operation["parameters"]?.AsArray() ?? []).Where(p => (string?)p!["in"] == "query"))
                {
                    var name = (string)parameter!["name"]!;
                    var schema = Resolve(parameter["schema"]!, schemas);
                    if ((string?)schema["type"] == "array")
                    {
                        continue;
                    }

                    var valid = Uri.EscapeDataString(ValidValue(schema, schemas)!.ToJsonString().Trim('"'));
                    var sep = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
                    var verb = method.ToUpperInvariant();
                    if (schema["enum"] is not null)
                    {
                        yield return new BadRequest(verb, $"{url}{sep}{name}=1", null, "numeric enum", name);
                    }

                    if ((string?)schema["format"] == "date")
                    {
                        yield return new BadRequest(verb, $"{url}{sep}{name}={Uri.EscapeDataString("2/3/2015")}", null, "date not yyyy-MM-dd", name);
                        yield return new BadRequest(verb, $"{url}{sep}{name}={Uri.EscapeDataString("Jan 2")}", null, "date not yyyy-MM-dd", name);
                    }

                    yield return new BadRequest(verb, $"{url}{sep}{name}={valid}&{name}={valid}", null, "repeated", name);
                    yield return new BadRequest(verb, $"{url}{sep}{name}=a%00b", null, "NUL", name);
                }
            }
        }
    }

    /// <summary>The valid body, then each malformation of it at the first field of its kind (searched depth first).</summary>
    private static IEnumerable<(JsonObject Body, string Kind, string Field)> BodyCases(JsonObject schema, JsonObject schemas)
    {
        JsonObject Valid() => (JsonObject)ValidValue(schema, schemas)!;

        var unknown = Valid();
        unknown["notInTheContract"] = 1;
        yield return (unknown, "unknown field", "notInTheContract");

        foreach (var (kind, matches, bad) in new (string, Func<JsonObject, bool>, JsonNode?)[]
        {
            ("numeric enum", s => s["enum"] is not null, JsonValue.Create(1)),
            ("date not yyyy-MM-dd", s => (string?)s["format"] == "date", JsonValue.Create("2/3/2015")),
            ("impossible date", s => (string?)s["format"] == "date", JsonValue.Create("2015-02-30")),
            ("NUL", s => (string?)s["type"] == "string" && s["enum"] is null && s["format"] is null, JsonValue.Create("a\u0000b")),
        })
        {
            var body = Valid();
            if (Replace(body, schema, schemas, matches, bad, "") is { } field)
            {
                yield return (body, kind, field);
            }
        }
    }

    /// <summary>Puts the bad value at the first property whose schema matches, filling in optional objects and lists on the way; its path, or null.</summary>
    private static string? Replace(JsonObject body, JsonObject schema, JsonObject schemas, Func<JsonObject, bool> matches, JsonNode? bad, string at)
    {
        foreach (var (name, declared) in schema["properties"]?.AsObject() ?? [])
        {
            var property = Resolve(declared!, schemas);
            var path = at.Length == 0 ? name : $"{at}.{name}";
            if (matches(property))
            {
                body[name] = bad?.DeepClone();
                return path;
            }

            if ((string?)property["type"] == "object" || property["properties"] is not null)
            {
                var child = body[name] as JsonObject ?? (JsonObject)ValidValue(property, schemas)!;
                if (Replace(child, property, schemas, matches, bad, path) is { } found)
                {
                    body[name] = child.Parent is null ? child : child.DeepClone();
                    return found;
                }
            }
            else if ((string?)property["type"] == "array" && property["items"] is { } items && Resolve(items, schemas) is var item
                     && ((string?)item["type"] == "object" || item["properties"] is not null))
            {
                var element = (JsonObject)ValidValue(item, schemas)!;
                if (Replace(element, item, schemas, matches, bad, $"{path}[0]") is { } found)
                {
                    body[name] = new JsonArray(element);
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>A value of the schema's shape: an object with its required properties, the first enum value, a plausible string.</summary>
    private static JsonNode? ValidValue(JsonObject schema, JsonObject schemas)
    {
        if (schema["enum"] is JsonArray values)
        {
            return values[0]!.DeepClone();
        }

        switch ((string?)schema["type"], (string?)schema["format"])
        {
            case (_, "date"):
                return JsonValue.Create("2015-07-02");
            case (_, "date-time"):
                return JsonValue.Create("2015-07-02T00:00:00Z");
            case (_, "uuid"):
                return JsonValue.Create(Guid.NewGuid().ToString());
            case ("string", _):
                return JsonValue.Create("kent");
            case ("integer", _):
                return JsonValue.Create((int?)schema["minimum"] ?? 1);
            case ("number", _):
                return JsonValue.Create(1.0);
            case ("boolean", _):
                return JsonValue.Create(false);
            case ("array", _):
                return new JsonArray(ValidValue(Resolve(schema["items"]!, schemas), schemas));
        }

        var body = new JsonObject();
        var required = schema["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
        foreach (var (name, declared) in schema["properties"]?.AsObject() ?? [])
        {
            if (required.Contains(name))
            {
                body[name] = ValidValue(Resolve(declared!, schemas), schemas);
            }
        }

        return body;
    }

    /// <summary>The schema itself, through a $ref or a single allOf/oneOf/anyOf.</summary>
    private static JsonObject Resolve(JsonNode schema, JsonObject schemas)
    {
        if ((string?)schema["$ref"] is { } reference)
        {
            return Resolve(schemas[reference["#/components/schemas/".Length..]]!, schemas);
        }

        foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema[combinator] is JsonArray { Count: > 0 } options && schema["properties"] is null)
            {
                return Resolve(options.First(o => (string?)o!["type"] != "null")!, schemas);
            }
        }

        return schema.AsObject();
    }

    /// <summary>The path with each parameter filled: a new id (the body is read before the record is looked for), or a force's code.</summary>
    private static string PathWithIds(string path, JsonNode operation, JsonNode item)
    {
        var parameters = (operation["parameters"]?.AsArray() ?? []).Concat(item["parameters"]?.AsArray() ?? []);
        foreach (var parameter in parameters.Where(p => (string?)p!["in"] == "path"))
        {
            var name = (string)parameter!["name"]!;
            var value = (string?)parameter["schema"]?["format"] == "uuid" ? Guid.NewGuid().ToString() : "kent";
            path = path.Replace($"{{{name}}}", value, StringComparison.Ordinal);
        }

        return path;
    }
}
