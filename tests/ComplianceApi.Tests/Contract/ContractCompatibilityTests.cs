using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ComplianceApi.Client;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Contract;

public sealed partial class ContractCompatibilityTests(TestHosts hosts)
{
    /// <summary>The rules' examples assume clients that tolerate unknown enum values, as ours do (tested below).</summary>
    private const bool Tolerant = true;

    [Fact]
    public async Task The_served_contract_breaks_nothing_in_the_last_released_contract()
    {
        var ct = TestContext.Current.CancellationToken;
        var (releasedPath, released) = await LatestReleasedAsync(ct);
        var host = await hosts.For(Provider.Sqlite);
        var served = JsonNode.Parse(await host.ServedContractAsync())!;

        var breaks = ContractCompatibility.BreakingChanges(released, served, (await IntolerantEnumReadersAsync(ct)).Count == 0);

        Assert.True(breaks.Count == 0,
            $"The contract breaks clients of {Path.GetFileName(releasedPath)}; keep the old shape, or release a new major version "
            + $"(see openapi/README.md):{Environment.NewLine}{string.Join(Environment.NewLine, breaks.Select(b => $"  - {b}"))}");
    }

    [Fact]
    public async Task The_served_contract_says_a_higher_version_whenever_it_differs_from_the_last_released_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, released) = await LatestReleasedAsync(ct);
        var host = await hosts.For(Provider.Sqlite);
        var served = JsonNode.Parse(await host.ServedContractAsync())!;

        var problem = ContractCompatibility.VersionProblem(released, served, (await IntolerantEnumReadersAsync(ct)).Count == 0);

        Assert.True(problem is null, $"{problem}{Environment.NewLine}Raise <Version> in Directory.Build.props and release the contract (openapi/README.md).");
    }

    /// <summary>
    /// A new enum value in an answer is a minor change only because of this: the C# models read every
    /// enum through TolerantStringEnumConverter, and the TypeScript client declares enums as string
    /// unions, which are plain strings when it runs (the Clients tests read an unknown value through each).
    /// </summary>
    [Fact]
    public async Task The_generated_clients_tolerate_enum_values_they_do_not_know() =>
        Assert.Empty(await IntolerantEnumReadersAsync(TestContext.Current.CancellationToken));

    /// <summary>
    /// The generated clients keep an operation's earlier call shape by this mark (their codegen templates), so
    /// a parameter added to a released operation without it costs callers who pass the cancellation token or
    /// signal by position their build. Parameters added in 1.1.0 and 1.3.0 went without (before the mark, and
    /// the clients' surface stays as released), so the rule holds from here on: a mark names the release that
    /// added the parameter to operations released before it, and a parameter new to a released operation has one.
    /// </summary>
    [Fact]
    public async Task A_parameter_added_to_a_released_operation_carries_x_since_the_version_that_added_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var releases = new List<(Version Version, Dictionary<string, HashSet<string>> Operations)>();
        foreach (var path in Directory.GetFiles(Path.Combine(Repository.Root, "openapi", "released"), "compliance-api-*.json"))
        {
            var match = ReleasedName().Match(Path.GetFileName(path));
            if (match.Success)
            {
                releases.Add((Version.Parse(match.Groups[1].Value), ParametersByOperation(JsonNode.Parse(await File.ReadAllTextAsync(path, ct))!)));
            }
        }

        releases.Sort((a, b) => a.Version.CompareTo(b.Version));
        var served = JsonNode.Parse(await (await hosts.For(Provider.Sqlite)).ServedContractAsync())!;
        var version = Version.Parse((string)served["info"]!["version"]!);
        var wrong = new List<string>();
        foreach (var (operation, parameter, since) in MarkedParameters(served))
        {
            var taken = releases.Where(r => r.Operations.ContainsKey(operation)).ToList();
            var added = taken.FirstOrDefault(r => r.Operations[operation].Contains(parameter)).Version ?? version;
            var newInThisVersion = taken.Count > 0 && added == version;
            var markedLater = since is not null && taken.Count > 0 && taken[0].Version < Version.Parse(since);
            if ((newInThisVersion || markedLater) && since != added.ToString(3))
            {
                wrong.Add($"{operation} {parameter}: x-since {since ?? "missing"}, added in {added.ToString(3)}");
            }
        }

        Assert.True(wrong.Count == 0, "Record each in Http/Contract/AddedParametersOperationFilter.cs:" + Environment.NewLine + string.Join(Environment.NewLine, wrong));
    }

    private static Dictionary<string, HashSet<string>> ParametersByOperation(JsonNode document) =>
        Operations(document).ToDictionary(o => (string)o["operationId"]!, o => Parameters(o).Select(p => (string)p["name"]!).ToHashSet(StringComparer.Ordinal));

    private static IEnumerable<(string Operation, string Parameter, string? Since)> MarkedParameters(JsonNode document) =>
        from operation in Operations(document)
        from parameter in Parameters(operation)
        select ((string)operation["operationId"]!, (string)parameter["name"]!, (string?)parameter["x-since"]);

    private static IEnumerable<JsonObject> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject())
            .Select(o => o.Value as JsonObject).OfType<JsonObject>().Where(o => o["operationId"] is not null);

    private static IEnumerable<JsonNode> Parameters(JsonObject operation) =>
        operation["parameters"]?.AsArray().OfType<JsonNode>() ?? [];

    [Fact]
    public async Task The_last_released_contract_is_named_after_its_version()
    {
        var (path, released) = await LatestReleasedAsync(TestContext.Current.CancellationToken);

        Assert.Equal($"compliance-api-{(string?)released["info"]!["version"]}.json", Path.GetFileName(path));
    }

    [Fact]
    public void An_unchanged_contract_breaks_nothing() =>
        Assert.Empty(ContractCompatibility.BreakingChanges(Sample(), Sample(), Tolerant));

    [Fact]
    public void Removing_an_operation_is_a_break()
    {
        var current = Sample();
        current["paths"]!["/things"]!.AsObject().Remove("post");

        Assert.Equal(["POST /things: the operation was removed."], ContractCompatibility.BreakingChanges(Sample(), current, Tolerant));
    }

    [Fact]
    public void Removing_a_response_property_is_a_break_even_behind_refs_and_arrays()
    {
        var current = Sample();
        Schema(current, "Thing")["properties"]!.AsObject().Remove("name");
        Schema(current, "Tag")["properties"]!.AsObject().Remove("label");

        Assert.Equal(
            [
                "GET /things/{id} 200 response: the property name was removed.",
                "GET /things/{id} 200 response: tags[]: the property label was removed.",
            ],
            ContractCompatibility.BreakingChanges(Sample(), current, Tolerant));
    }

    [Fact]
    public void Removing_an_enum_value_is_a_break()
    {
        var current = Sample();
        Schema(current, "Status")["enum"] = new JsonArray("Open");

        var breaks = ContractCompatibility.BreakingChanges(Sample(), current, Tolerant);

        Assert.Contains("GET /things/{id} 200 response: status: the enum value \"Closed\" was removed.", breaks);
        Assert.Contains("POST /things request body: status: the enum value \"Closed\" was removed.", breaks);
    }

    [Fact]
    public void Making_an_optional_request_field_required_or_adding_a_required_one_is_a_break()
    {
        var current = Sample();
        var request = Schema(current, "ThingRequest");
        request["required"] = new JsonArray("name", "note", "owner");
        request["properties"]!["owner"] = new JsonObject { ["type"] = "string" };

        Assert.Equal(
            [
                "POST /things request body: the property note became required.",
                "POST /things request body: the new property owner is required.",
            ],
            ContractCompatibility.BreakingChanges(Sample(), current, Tolerant));
    }

    [Fact]
    public void Making_an_optional_parameter_required_or_adding_a_required_one_is_a_break()
    {
        var current = Sample();
        var parameters = current["paths"]!["/things/{id}"]!["get"]!["parameters"]!.AsArray();
        parameters[1]!["required"] = true;
        parameters.Add(new JsonObject { ["name"] = "since", ["in"] = "query", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });

        Assert.Equal(
            ["GET /things/{id}: the query fields parameter became required.", "GET /things/{id}: the new query since parameter is required."],
            ContractCompatibility.BreakingChanges(Sample(), current, Tolerant));
    }

    [Fact]
    public void A_new_parameter_before_released_ones_or_a_new_order_is_a_break_and_one_after_them_is_not()
    {
        static JsonNode WithParameters(params string[] names)
        {
            var document = Sample();
            var parameters = document["paths"]!["/things/{id}"]!["get"]!["parameters"]!.AsArray();
            parameters.RemoveAt(1);
            foreach (var name in names)
            {
                parameters.Add(new JsonObject { ["name"] = name, ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } });
            }

            return document;
        }

        var released = WithParameters("fields", "limit");

        Assert.Empty(ContractCompatibility.BreakingChanges(released, WithParameters("fields", "limit", "sort"), Tolerant));
        Assert.Equal(
            ["GET /things/{id}: a new parameter was put before released ones; add it after query limit."],
            ContractCompatibility.BreakingChanges(released, WithParameters("fields", "sort", "limit"), Tolerant));
        Assert.Equal(
            ["GET /things/{id}: the released parameters changed order (query fields, query limit)."],
            ContractCompatibility.BreakingChanges(released, WithParameters("limit", "fields"), Tolerant));
    }

    [Fact]
    public void Removing_a_success_status_is_a_break_and_removing_an_error_status_is_not()
    {
        var current = Sample();
        var responses = current["paths"]!["/things"]!["post"]!["responses"]!.AsObject();
        responses.Remove("201");
        responses.Remove("409");

        Assert.Equal(["POST /things: the 201 response was removed."], ContractCompatibility.BreakingChanges(Sample(), current, Tolerant));
    }

    [Fact]
    public void Additions_break_nothing()
    {
        var current = Sample();
        current["paths"]!["/things"]!["get"] = Sample()["paths"]!["/things/{id}"]!["get"]!.DeepClone();
        Schema(current, "Thing")["properties"]!["createdAt"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        Schema(current, "ThingRequest")["properties"]!["owner"] = new JsonObject { ["type"] = "string" };
        Schema(current, "Status")["enum"]!.AsArray().Add("Archived");
        current["paths"]!["/things/{id}"]!["get"]!["parameters"]!.AsArray()
            .Add(new JsonObject { ["name"] = "since", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } });
        current["paths"]!["/things/{id}"]!["get"]!["responses"]!["404"] = new JsonObject { ["description"] = "Not Found" };

        Assert.Empty(ContractCompatibility.BreakingChanges(Sample(), current, Tolerant));
    }

    [Fact]
    public void A_new_enum_value_in_an_answer_breaks_clients_that_fail_on_unknown_values_and_in_a_request_breaks_none()
    {
        var current = Sample();
        Schema(current, "Status")["enum"]!.AsArray().Add("Archived");
        Schema(current, "Priority")["enum"]!.AsArray().Add("Urgent");

        Assert.Equal(
            ["GET /things/{id} 200 response: status: the new enum value \"Archived\" reaches clients that fail on values they do not know."],
            ContractCompatibility.BreakingChanges(Sample(), current, clientsTolerateUnknownEnumValues: false));
        Assert.Empty(ContractCompatibility.BreakingChanges(Sample(), current, clientsTolerateUnknownEnumValues: true));
    }

    [Fact]
    public void An_unchanged_contract_may_keep_its_version_and_a_changed_one_may_not()
    {
        var current = Sample();
        Schema(current, "Thing")["properties"]!["createdAt"] = new JsonObject { ["type"] = "string" };

        Assert.Null(ContractCompatibility.VersionProblem(Sample(), Sample(), Tolerant));
        Assert.Equal(
            "The contract differs from the released 1.2.0 but says 1.2.0; release it as 1.3.0 (additions) or 1.2.1 (wording).",
            ContractCompatibility.VersionProblem(Sample(), current, Tolerant));
        current["info"]!["version"] = "1.3.0";
        Assert.Null(ContractCompatibility.VersionProblem(Sample(), current, Tolerant));
    }

    [Fact]
    public void A_break_needs_a_higher_major_version_and_a_lower_version_is_refused()
    {
        var current = Sample();
        current["info"]!["version"] = "1.3.0";
        current["paths"]!["/things"]!.AsObject().Remove("post");
        var lower = Sample();
        lower["info"]!["version"] = "1.1.0";

        Assert.Equal(
            $"The contract breaks clients of 1.2.0 but says 1.3.0; a break needs 2.0.0:{Environment.NewLine}  - POST /things: the operation was removed.",
            ContractCompatibility.VersionProblem(Sample(), current, Tolerant));
        current["info"]!["version"] = "2.0.0";
        Assert.Null(ContractCompatibility.VersionProblem(Sample(), current, Tolerant));
        Assert.Equal("The contract is 1.1.0, lower than the released 1.2.0.", ContractCompatibility.VersionProblem(Sample(), lower, Tolerant));
    }

    [Fact]
    public void A_new_major_version_may_break_anything()
    {
        var current = Sample();
        current["info"]!["version"] = "2.0.0";
        current["paths"]!.AsObject().Remove("/things");

        Assert.Empty(ContractCompatibility.BreakingChanges(Sample(), current, Tolerant));
    }

    [Fact]
    public void Renaming_a_path_parameter_breaks_nothing_and_self_referencing_schemas_end()
    {
        var released = Sample();
        Schema(released, "Tag")["properties"]!["parent"] = new JsonObject { ["$ref"] = "#/components/schemas/Tag" };
        var current = released.DeepClone();
        var paths = current["paths"]!.AsObject();
        var get = paths["/things/{id}"]!.DeepClone();
        paths.Remove("/things/{id}");
        paths["/things/{thingId}"] = get;

        Assert.Empty(ContractCompatibility.BreakingChanges(released, current, Tolerant));
    }

    private static JsonObject Schema(JsonNode document, string name) => document["components"]!["schemas"]![name]!.AsObject();

    private static JsonNode Sample() => JsonNode.Parse("""
        {
          "openapi": "3.0.4",
          "info": { "title": "Things", "version": "1.2.0" },
          "paths": {
            "/things/{id}": {
              "get": {
                "operationId": "GetThing",
                "parameters": [
                  { "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } },
                  { "name": "fields", "in": "query", "schema": { "type": "string" } }
                ],
                "responses": {
                  "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } }
                }
              }
            },
            "/things": {
              "post": {
                "operationId": "CreateThing",
                "requestBody": {
                  "required": true,
                  "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ThingRequest" } } }
                },
                "responses": {
                  "201": { "description": "Created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
                  "409": { "description": "Conflict" }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Thing": {
                "type": "object",
                "properties": {
                  "id": { "type": "string", "format": "uuid" },
                  "name": { "type": "string" },
                  "status": { "$ref": "#/components/schemas/Status" },
                  "tags": { "type": "array", "items": { "$ref": "#/components/schemas/Tag" } }
                }
              },
              "Tag": { "type": "object", "properties": { "label": { "type": "string" } } },
              "Status": { "type": "string", "enum": ["Open", "Closed"] },
              "Priority": { "type": "string", "enum": ["Low", "High"] },
              "ThingRequest": {
                "type": "object",
                "required": ["name"],
                "properties": {
                  "name": { "type": "string" },
                  "note": { "type": "string", "nullable": true },
                  "status": { "allOf": [{ "$ref": "#/components/schemas/Status" }], "nullable": true },
                  "priority": { "$ref": "#/components/schemas/Priority" }
                }
              }
            }
          }
        }
        """)!;

    /// <summary>What in the generated clients would fail on an enum value it does not know.</summary>
    private static async Task<List<string>> IntolerantEnumReadersAsync(CancellationToken ct)
    {
        var intolerant = (
            from type in typeof(ApiKeysClient).Assembly.GetExportedTypes()
            from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            let enumType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType
            where enumType.IsEnum
            let converter = property.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType
            where converter != typeof(TolerantStringEnumConverter<>).MakeGenericType(enumType)
            select $"C#: {type.Name}.{property.Name} reads {enumType.Name} through {converter?.Name ?? "no converter"}").ToList();
        var typescript = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "clients", "typescript", "src", "client.g.ts"), ct);
        intolerant.AddRange(TypeScriptEnum().Matches(typescript).Select(m => $"TypeScript: {m.Value.Trim()} (a runtime enum; use enumStyle StringLiteral)"));
        return intolerant;
    }

    [GeneratedRegex(@"^\s*export (const )?enum \w+", RegexOptions.Multiline)]
    private static partial Regex TypeScriptEnum();

    private static async Task<(string Path, JsonNode Contract)> LatestReleasedAsync(CancellationToken ct)
    {
        var latest = Directory.GetFiles(Path.Combine(Repository.Root, "openapi", "released"), "compliance-api-*.json")
            .Select(path => (Path: path, Match: ReleasedName().Match(Path.GetFileName(path))))
            .Where(f => f.Match.Success)
            .MaxBy(f => Version.Parse(f.Match.Groups[1].Value));
        Assert.True(latest.Path is not null, "openapi/released/ holds no compliance-api-<version>.json.");
        return (latest.Path, JsonNode.Parse(await File.ReadAllTextAsync(latest.Path, ct))!);
    }

    [GeneratedRegex(@"^compliance-api-(\d+\.\d+\.\d+)\.json$")]
    private static partial Regex ReleasedName();
}
