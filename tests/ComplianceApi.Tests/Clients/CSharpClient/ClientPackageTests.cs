using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ComplianceApi.Tests.Contract;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Clients.CSharpClient;

/// <summary>The NuGet package other forces' teams install: what `dotnet pack` puts in it.</summary>
public sealed class ClientPackageTests(TestHosts hosts)
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task The_package_carries_the_services_version_its_readme_and_no_dependency_on_the_service()
    {
        var served = JsonNode.Parse(await (await hosts.For(Provider.Sqlite)).AnonymousClient()
            .GetStringAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken))!;
        var serviceVersion = (string)served["info"]!["version"]!;
        var output = Directory.CreateTempSubdirectory("compliance-client-pack-");
        try
        {
            // The test build has just compiled the client in this configuration; packing that output takes seconds.
            await DotnetAsync("pack", Path.Combine(OpenApiContractTests.RepositoryRoot(), "clients", "csharp", "ComplianceApi.Client"),
                "--no-build", "--no-restore", "--disable-build-servers", "-c", Configuration, "-o", output.FullName);

            var package = Assert.Single(output.GetFiles("*.nupkg"));
            Assert.Equal($"ComplianceApi.Client.{serviceVersion}.nupkg", package.Name);
            using var archive = ZipFile.OpenRead(package.FullName);
            XNamespace nuspecNamespace = "http://schemas.microsoft.com/packaging/2012/06/nuspec.xsd";
            await using var nuspecStream = archive.GetEntry("ComplianceApi.Client.nuspec")!.Open();
            var metadata = XDocument.Load(nuspecStream).Root!.Element(nuspecNamespace + "metadata")!;
            Assert.Equal(serviceVersion, metadata.Element(nuspecNamespace + "version")?.Value);
            Assert.Equal("README.md", metadata.Element(nuspecNamespace + "readme")?.Value);
            Assert.Empty(metadata.Descendants(nuspecNamespace + "dependency"));
            Assert.NotNull(archive.GetEntry("lib/net10.0/ComplianceApi.Client.dll"));
            using var readme = new StreamReader(archive.GetEntry("README.md")!.Open());
            var text = await readme.ReadToEndAsync(TestContext.Current.CancellationToken);
            Assert.Contains("dotnet add package ComplianceApi.Client", text, StringComparison.Ordinal);
            Assert.Contains("ComplianceApiException", text, StringComparison.Ordinal);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static async Task DotnetAsync(params string[] arguments)
    {
        // dotnet test tells its children which host it runs on.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
    }
}
