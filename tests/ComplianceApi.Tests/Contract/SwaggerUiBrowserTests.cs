using System.Net;
using ComplianceApi.Domain;
using ComplianceApi.Features.ApiKeys;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Contract;

/// <summary>
/// Swagger UI in a real browser: Debian's Chromium, driven by playwright-core (swagger-ui.browser.mjs),
/// against the service on a real socket.
/// </summary>
public sealed class SwaggerUiBrowserTests(TestHosts hosts)
{
    private const string ChromiumSetting = "COMPLIANCE_CHROMIUM";

    [Fact]
    public async Task Swagger_UI_lists_every_tag_and_makes_a_call_with_the_key_given_in_its_Authorize_dialog()
    {
        var chromium = FindChromium();
        if (chromium is null)
        {
            Assert.Skip($"Chromium was not found at /usr/bin/chromium nor at the path in {ChromiumSetting}: "
                + "apt-get install chromium to run the Swagger UI browser test (CI's .ci/run installs it).");
        }

        var root = Repository.Root;
        Assert.True(Directory.Exists(Path.Combine(root, "node_modules", "playwright-core")),
            "playwright-core is not installed: run `dotnet build ComplianceApi.sln` (or `npm ci` at the repository root).");
        var host = hosts.Loopback();
        var issued = await (await host.AdminClient().PostJsonAsync("/api/v1/api-keys",
                new ApiKeyRequest("Swagger UI browser test", ApiKeyRole.Reader, null)))
            .ReadAsync<ApiKeyIssuedView>(HttpStatusCode.Created);

        var output = await ExternalProcess.RunAsync(
            "node",
            [Path.Combine(root, "tests", "ComplianceApi.Tests", "Contract", "swagger-ui.browser.mjs")],
            root,
            TimeSpan.FromMinutes(3),
            new Dictionary<string, string>
            {
                ["BASE_URL"] = host.ServerAddress.ToString(),
                ["API_KEY"] = issued.Secret,
                ["CHROMIUM"] = chromium,
            },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(output.ExitCode == 0, $"The Swagger UI browser test failed. {output}");
        Assert.Contains("\"withKey\":\"200\"", output.StandardOutput, StringComparison.Ordinal);
    }

    private static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable(ChromiumSetting);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
    }
}
