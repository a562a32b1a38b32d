using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;
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
        var served = JsonNode.Parse(await (await hosts.For(Provider.Sqlite)).ServedContractAsync())!;
        var serviceVersion = (string)served["info"]!["version"]!;
        var output = Directory.CreateTempSubdirectory("compliance-client-pack-");
        try
        {
            // The test build has just compiled the client in this configuration; packing that output takes seconds.
            var pack = await ExternalProcess.RunAsync(
                ExternalProcess.Dotnet,
                ["pack", Path.Combine(Repository.Root, "clients", "csharp", "ComplianceApi.Client"),
                    "--no-build", "--no-restore", "--disable-build-servers", "-c", Configuration, "-o", output.FullName],
                Repository.Root,
                TimeSpan.FromMinutes(5),
                cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(pack.ExitCode == 0, pack.ToString());

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
}
