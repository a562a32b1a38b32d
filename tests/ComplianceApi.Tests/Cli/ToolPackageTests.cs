using System.IO.Compression;
using System.Text.Json.Nodes;
using ComplianceApi.Cli.Common;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Cli;

/// <summary>The tool as staff install it: packed, installed with dotnet tool install, and run as its own process.</summary>
public sealed class ToolPackageTests(TestHosts hosts)
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task The_packed_tool_installs_with_dotnet_tool_install_and_runs_as_compliance_against_the_service()
    {
        var host = hosts.Loopback();
        var version = (string)JsonNode.Parse(await host.ServedContractAsync())!["info"]!["version"]!;
        var work = Directory.CreateTempSubdirectory("compliance-cli-tool-");
        try
        {
            var packages = work.CreateSubdirectory("packages");
            var tools = Path.Combine(work.FullName, "tools");

            // The test build has just compiled the tool in this configuration; packing that output takes seconds
            // and writes only under the project's bin/ and obj/.
            var pack = await RunAsync(
                ExternalProcess.Dotnet,
                ["pack", Path.Combine(Repository.Root, "src", "ComplianceApi.Cli"),
                    "--no-build", "--no-restore", "--disable-build-servers", "-c", Configuration, "-o", packages.FullName]);
            var package = Assert.Single(packages.GetFiles("*.nupkg"));
            Assert.Equal($"ComplianceApi.Cli.{version}.nupkg", package.Name);
            using (var archive = ZipFile.OpenRead(package.FullName))
            {
                Assert.Contains(archive.Entries, e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
                Assert.Contains(archive.Entries, e => e.FullName.EndsWith("/ComplianceApi.Client.dll", StringComparison.Ordinal));
                Assert.NotNull(archive.GetEntry("README.md"));
            }

            // A package cache of its own: one of the same version from an earlier run would otherwise be installed instead.
            await RunAsync(
                ExternalProcess.Dotnet,
                ["tool", "install", "--tool-path", tools, "--add-source", packages.FullName, "--version", version, "ComplianceApi.Cli"],
                new Dictionary<string, string> { ["NUGET_PACKAGES"] = work.CreateSubdirectory("nuget-cache").FullName });

            var compliance = Path.Combine(tools, OperatingSystem.IsWindows() ? "compliance.exe" : "compliance");
            var shownVersion = await RunAsync(compliance, ["--version"]);
            Assert.StartsWith(version, shownVersion.StandardOutput, StringComparison.Ordinal);

            var clientName = Unique.Slug("installed-tool");
            var environment = ToolEnvironment(host);
            var created = await RunAsync(compliance, ["keys", "create", "--client-name", clientName, "--role", "Reader", "--force-code", "lancashire"], environment);
            var secret = created.StandardOutput.Trim();
            Assert.StartsWith("cak_", secret, StringComparison.Ordinal);
            var listed = await RunAsync(compliance, ["keys", "list", "--force-code", "lancashire"], environment);
            Assert.Contains(clientName, listed.StandardOutput);

            environment[ServiceOptions.KeyVariable] = secret;
            var refused = await ExternalProcess.RunAsync(compliance, ["keys", "list"], work.FullName, TimeSpan.FromMinutes(1), environment,
                TestContext.Current.CancellationToken);
            Assert.True(refused.ExitCode == ExitCodes.Rejected, refused.ToString());
            Assert.Contains("(403)", refused.StandardError);
            Assert.DoesNotContain(secret, refused.StandardError + refused.StandardOutput);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> ToolEnvironment(ComplianceApiHost host)
    {
        var environment = CliRunner.Environment(host);

        // The installed command is an apphost: it looks for the runtime in DOTNET_ROOT before the default places.
        if (Path.IsPathRooted(ExternalProcess.Dotnet))
        {
            var dotnet = new FileInfo(ExternalProcess.Dotnet);
            environment["DOTNET_ROOT"] = (dotnet.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? dotnet).DirectoryName!;
        }

        return environment;
    }

    private static async Task<ProcessOutput> RunAsync(string fileName, string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = await ExternalProcess.RunAsync(fileName, arguments, Repository.Root, TimeSpan.FromMinutes(5), environment,
            TestContext.Current.CancellationToken);
        Assert.True(output.ExitCode == 0, output.ToString());
        return output;
    }
}
