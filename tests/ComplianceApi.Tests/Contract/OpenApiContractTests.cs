using System.Text.Json.Nodes;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Contract;

public sealed class OpenApiContractTests(TestHosts hosts)
{
    [Fact]
    public async Task The_served_contract_equals_the_committed_openapi_file()
    {
        var host = await hosts.For(Provider.Sqlite);
        var served = JsonNode.Parse(await host.ServedContractAsync());
        var committedPath = Path.Combine(Repository.Root, "openapi", "compliance-api.json");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(committedPath, TestContext.Current.CancellationToken));

        Assert.True(JsonNode.DeepEquals(served, committed),
            $"The service's contract differs from {committedPath}. Build the service (dotnet build) to regenerate it, review the change, and commit it.");
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_tag_a_summary_and_the_api_key_requirement_except_the_public_page()
    {
        var host = await hosts.For(Provider.Sqlite);
        var document = JsonNode.Parse(await host.ServedContractAsync())!;

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Name: $"{operation.Key} {path.Key}", Operation: operation.Value!)))
            .ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, o =>
        {
            Assert.False(string.IsNullOrEmpty((string?)o.Operation["operationId"]), $"{o.Name} has no operationId");
            Assert.NotEmpty(o.Operation["tags"]!.AsArray());
            Assert.False(string.IsNullOrEmpty((string?)o.Operation["summary"]), $"{o.Name} has no summary");
            Assert.Equal(o.Operation["security"] is not null, o.Operation["responses"]!["401"] is not null);
            Assert.NotNull(o.Operation["responses"]!["500"]);
        });
        // The public page of progress alone is for anyone, as a force's website is; everything else needs a key or token.
        Assert.Equal(
            ["get /public/forces/{code}", "get /public/v1/forces/{code}"],
            operations.Where(o => o.Operation["security"] is null).Select(o => o.Name).Order(StringComparer.Ordinal));
        var ids = operations.Select(o => (string)o.Operation["operationId"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
