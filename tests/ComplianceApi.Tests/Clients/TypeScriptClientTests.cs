using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplianceApi.Domain;
using ComplianceApi.Features.ApiKeys;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Clients;

/// <summary>
/// The TypeScript client's own node:test suite (clients/typescript/test/*.test.mjs), run against the
/// service on a real socket. Each node test is its own xunit test case, so it counts, passes and fails
/// on its own in `dotnet test`: the cases are listed without running them (list-node-tests.mjs), and each
/// runs alone through --test-name-pattern.
/// </summary>
public sealed class TypeScriptClientTests(TestHosts hosts)
{
    private static readonly string ClientRoot = Path.Combine(Repository.Root, "clients", "typescript");

    public static IEnumerable<TheoryDataRow<string, string>> NodeTests()
    {
        NodeTools.EnsureTypeScriptClientCompiledAsync().GetAwaiter().GetResult();
        var files = Directory.GetFiles(Path.Combine(ClientRoot, "test"), "*.test.mjs").Order(StringComparer.Ordinal).ToList();
        var listing = ExternalProcess.RunAsync(
                "node",
                [Path.Combine(Repository.Root, "tests", "ComplianceApi.Tests", "Clients", "list-node-tests.mjs"), .. files],
                ClientRoot, TimeSpan.FromMinutes(1))
            .GetAwaiter().GetResult();
        if (listing.ExitCode != 0)
        {
            throw new InvalidOperationException($"The TypeScript client's tests could not be listed: {listing}");
        }

        var tests = JsonSerializer.Deserialize<Dictionary<string, string[]>>(listing.StandardOutput)!;
        if (tests.Values.Sum(names => names.Length) == 0)
        {
            throw new InvalidOperationException($"No node:test tests were found in {string.Join(", ", files)}.");
        }

        return tests.SelectMany(file => file.Value.Select(name =>
            new TheoryDataRow<string, string>(file.Key, name) { TestDisplayName = $"TypeScript client ({file.Key}): {name}" }));
    }

    [Theory, MemberData(nameof(NodeTests))]
    public async Task The_TypeScript_client_test_passes_against_the_running_service(string file, string test)
    {
        var host = hosts.Loopback();
        var issued = await (await host.AdminClient().PostJsonAsync("/api/v1/api-keys",
                new ApiKeyRequest("TypeScript client tests", ApiKeyRole.Admin, null)))
            .ReadAsync<ApiKeyIssuedView>(HttpStatusCode.Created);

        var output = await ExternalProcess.RunAsync(
            "node",
            [
                // tsc compiling the declarations is slow on a busy 2-core machine: it must not be cut off as a failure.
                "--test",
                "--test-timeout=300000",
                "--test-reporter=tap", "--test-reporter-destination=stdout",
                "--test-reporter=spec", "--test-reporter-destination=stderr",
                $"--test-name-pattern=^{EscapeForJavaScriptRegex(test)}$",
                Path.Combine("test", file),
            ],
            ClientRoot,
            TimeSpan.FromMinutes(3),
            new Dictionary<string, string>
            {
                ["BASE_URL"] = host.ServerAddress.ToString(),
                ["API_KEY"] = issued.Secret,
                ["CITY_TOKEN"] = TestIdentityProvider.Token(TestIdentityProvider.CityOfLondonTenant),
                ["EXPIRED_TOKEN"] = TestIdentityProvider.Token(TestIdentityProvider.CityOfLondonTenant,
                    expires: DateTime.UtcNow.AddMinutes(-10), notBefore: DateTime.UtcNow.AddHours(-1)),
            },
            cancellationToken: TestContext.Current.CancellationToken);

        // Passed, and not merely skipped because the pattern matched nothing.
        var passed = Regex.IsMatch(output.StandardOutput, $@"^\s*ok \d+ - {Regex.Escape(test)}\s*$", RegexOptions.Multiline);
        Assert.True(output.ExitCode == 0 && passed, $"node:test \"{test}\" in clients/typescript/test/{file} did not pass. {output}");
    }

    private static string EscapeForJavaScriptRegex(string text) => Regex.Replace(text, @"[.*+?^${}()|\[\]\\/]", @"\$&");
}
