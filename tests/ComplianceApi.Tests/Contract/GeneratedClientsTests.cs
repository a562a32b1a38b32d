using System.Text.Json.Nodes;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Contract;

/// <summary>
/// The generated clients are committed so that every contract change shows in review. These tests
/// regenerate them from the contract the service serves and fail when the committed sources differ:
/// a change to the service that was not followed by a build and a commit of clients/ fails here.
/// </summary>
public sealed class GeneratedClientsTests(TestHosts hosts)
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public async Task The_committed_clients_are_what_nswag_generates_from_the_served_contract()
    {
        var host = await hosts.For(Provider.Sqlite);
        var served = await host.ServedContractAsync();
        var folder = Directory.CreateTempSubdirectory("compliance-clients-");
        try
        {
            var contract = Path.Combine(folder.FullName, "contract.json");
            await File.WriteAllTextAsync(contract, served, TestContext.Current.CancellationToken);
            var csharp = Path.Combine(folder.FullName, "client.g.cs");
            var typescript = Path.Combine(folder.FullName, "client.g.ts");

            await RunNswagAsync($"Contract={contract},CSharpOutput={csharp},TypeScriptOutput={typescript}");

            AssertSameText(Path.Combine(Root, "clients", "csharp", "ComplianceApi.Client", "Generated", "ComplianceApiClient.g.cs"), csharp);
            AssertSameText(Path.Combine(Root, "clients", "typescript", "src", "client.g.ts"), typescript);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_typescript_package_carries_the_version_of_the_contract()
    {
        var host = await hosts.For(Provider.Sqlite);
        var contract = JsonNode.Parse(await host.ServedContractAsync())!;
        var package = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Root, "clients", "typescript", "package.json"), TestContext.Current.CancellationToken))!;

        Assert.Equal((string?)contract["info"]!["version"], (string?)package["version"]);
    }

    private static void AssertSameText(string committedPath, string generatedPath)
    {
        var committed = File.ReadAllText(committedPath);
        var generated = File.ReadAllText(generatedPath);
        if (committed == generated)
        {
            return;
        }

        var committedLines = committed.Split('\n');
        var generatedLines = generated.Split('\n');
        var first = Enumerable.Range(0, Math.Min(committedLines.Length, generatedLines.Length))
            .FirstOrDefault(i => committedLines[i] != generatedLines[i], Math.Min(committedLines.Length, generatedLines.Length));
        Assert.Fail($"{Path.GetRelativePath(Root, committedPath)} is not what NSwag generates from the served contract; "
            + $"first difference at line {first + 1}:\n  committed: {Line(committedLines, first)}\n  generated: {Line(generatedLines, first)}\n"
            + "Build the solution (dotnet build) to regenerate the contract and the clients, review the change, and commit them.");
    }

    private static string Line(string[] lines, int index) => index < lines.Length ? lines[index].Trim() : "(end of file)";

    private static async Task RunNswagAsync(string variables)
    {
        var nswag = await NSwagCli.RunClientsConfigAsync(variables, TestContext.Current.CancellationToken);
        Assert.True(nswag.ExitCode == 0, $"nswag failed. {nswag}");
    }
}
