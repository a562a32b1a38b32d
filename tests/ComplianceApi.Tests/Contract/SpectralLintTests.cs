using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Contract;

public sealed class SpectralLintTests(TestHosts hosts)
{
    [Fact]
    public async Task The_served_contract_passes_the_spectral_ruleset_without_errors_or_warnings()
    {
        var ct = TestContext.Current.CancellationToken;
        var host = await hosts.For(Provider.Sqlite);
        var served = await host.ServedContractAsync();
        var folder = Directory.CreateTempSubdirectory("compliance-contract-");
        try
        {
            var contract = Path.Combine(folder.FullName, "compliance-api.json");
            await File.WriteAllTextAsync(contract, served, ct);
            var ruleset = Path.Combine(Repository.Root, "openapi", ".spectral.yaml");

            var output = await NodeTools.RunPackageAsync(
                "@stoplight/spectral-cli/dist/index.js",
                ["lint", contract, "--ruleset", ruleset, "--format", "text", "--fail-severity", "warn"],
                ct);

            Assert.True(output.ExitCode == 0,
                $"Spectral found problems in the served contract (fix them, or switch a rule off in openapi/.spectral.yaml with a one-line reason):{Environment.NewLine}{output}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
