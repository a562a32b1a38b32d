using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Contract;

public sealed partial class ContractCompatibilityTests(TestHosts hosts)
{
    [Fact]
    public async Task The_served_contract_breaks_nothing_in_the_last_released_contract()
    {
        var ct = TestContext.Current.CancellationToken;
        var (releasedPath, released) = await LatestReleasedAsync(ct);
        var host = await hosts.For(Provider.Sqlite);
        var served = JsonNode.Parse(await host.ServedContractAsync())!;

        var breaks = ContractCompatibility.BreakingChanges(released, served);

        Assert.True(breaks.Count == 0,
            $"The contract breaks clients of {Path.GetFileName(releasedPath)}; keep the old shape, or release a new major version "
            + $"(see README, \"The contract\"):{Environment.NewLine}{string.Join(Environment.NewLine, breaks.Select(b => $"  - {b}"))}");
    }

    [Fact]
    public async Task The_last_released_contract_is_named_after_its_version()
    {
        var (path, released) = await LatestReleasedAsync(TestContext.Current.CancellationToken);

        Assert.Equal($"compliance-api-{(string?)released["info"]!["version"]}.json", Path.GetFileName(path));
    }

    [Fact]
    public void An_unchanged_contract_breaks_nothing() =>
        Assert.Empty(ContractCompatibility.BreakingChanges(Sample(), Sample()));

    [Fact]
    public void Removing_an_operation_is_a_break()
    {
        var current = Sample();
        current["paths"]!["/things"]!.AsObject().Remove("post");

        Assert.Equal(["POST /things: the operation was removed."], ContractCompatibility.BreakingChanges(Sample(), current));
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
            ContractCompatibility.BreakingChanges(Sample(), current));
    }

    [Fact]
    public void Removing_an_enum_value_is_a_break()
    {
        var current = Sample();
        Schema(current, "Status")["enum"] = new JsonArray("Open");

        var breaks = ContractCompatibility.BreakingChanges(Sample(), current);

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
            ContractCompatibility.BreakingChanges(Sample(), current));
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
            ContractCompatibility.BreakingChanges(Sample(), current));
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

        Assert.Empty(ContractCompatibility.BreakingChanges(released, WithParameters("fields", "limit", "sort")));
        Assert.Equal(
            ["GET /things/{id}: a new parameter was put before released ones; add it after query limit."],
            ContractCompatibility.BreakingChanges(released, WithParameters("fields", "sort", "limit")));
        Assert.Equal(
            ["GET /things/{id}: the released parameters changed order (query fields, query limit)."],
            ContractCompatibility.BreakingChanges(released, WithParameters("limit", "fields")));
    }

    [Fact]
    public void Removing_a_success_status_is_a_break_and_removing_an_error_status_is_not()
    {
        var current = Sample();
        var responses = current["paths"]!["/things"]!["post"]!["responses"]!.AsObject();
        responses.Remove("201");
        responses.Remove("409");

        Assert.Equal(["POST /things: the 201 response was removed."], ContractCompatibility.BreakingChanges(Sample(), current));
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

        Assert.Empty(ContractCompatibility.BreakingChanges(Sample(), current));
    }

    [Fact]
    public void A_new_major_version_may_break_anything()
    {
        var current = Sample();
        current["info"]!["version"] = "2.0.0";
        current["paths"]!.AsObject().Remove("/things");

        Assert.Empty(ContractCompatibility.BreakingChanges(Sample(), current));
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

        Assert.Empty(ContractCompatibility.BreakingChanges(released, current));
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
              "ThingRequest": {
                "type": "object",
                "required": ["name"],
                "properties": {
                  "name": { "type": "string" },
                  "note": { "type": "string", "nullable": true },
                  "status": { "allOf": [{ "$ref": "#/components/schemas/Status" }], "nullable": true }
                }
              }
            }
          }
        }
        """)!;

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
