using System.Net;
using System.Security.Cryptography;
using ComplianceApi.Cli.Commands;
using ComplianceApi.Cli.Common;
using ComplianceApi.Features.Evidence;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static ComplianceApi.Tests.Features.Evidence.EvidenceFileSamples;
using static ComplianceApi.Tests.Infrastructure.ResponseTestData;

namespace ComplianceApi.Tests.Cli;

public sealed class EvidenceCommandTests(TestHosts hosts) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("compliance-cli-evidence-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<EvidenceView> LancashireEvidenceAsync(ComplianceApiHost host)
    {
        var admin = host.AdminClient();
        var response = await admin.CreateResponseAsync((await host.CreateFindingAsync()).Id, Response(Lancashire));
        return await admin.AddEvidenceAsync($"/api/v1/responses/{response.Id}/evidence", Strategy());
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task An_uploaded_file_becomes_the_next_version_and_downloads_byte_for_byte_under_its_uploaded_name()
    {
        var host = hosts.Loopback();
        var evidence = await LancashireEvidenceAsync(host);
        var pdf = Pdf(300_000);
        var pdfPath = Write("SMB minutes.pdf", pdf);
        var notePath = Write("note.txt", Text("Agreed at SMB."));
        var downloads = Directory.CreateDirectory(Path.Combine(_folder.FullName, "downloads"));

        var first = await CliRunner.RunAsync(host, "evidence", "upload", evidence.Id.ToString(), pdfPath);
        var second = await CliRunner.RunAsync(host, "evidence", "upload", evidence.Id.ToString(), notePath);
        var version1 = await CliRunner.RunAsync(host, "evidence", "download", evidence.Id.ToString(), "--version", "1", "--output", downloads.FullName);
        var latest = await CliRunner.RunAsync(host, "evidence", "download", evidence.Id.ToString(), "-o", Path.Combine(downloads.FullName, "latest.txt"));

        Assert.True(first.ExitCode == ExitCodes.Success, first.ToString());
        var row = Assert.Single(first.Output.Split('\n'), line => line.Contains(evidence.Id.ToString(), StringComparison.Ordinal));
        var cells = row.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([evidence.Id.ToString(), "1", "SMB minutes.pdf", "application/pdf", pdf.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Convert.ToHexStringLower(SHA256.HashData(pdf))], cells);
        Assert.True(second.ExitCode == ExitCodes.Success, second.ToString());
        Assert.Contains("as version 2 of evidence", second.Error);
        Assert.True(version1.ExitCode == ExitCodes.Success, version1.ToString());
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(downloads.FullName, "SMB minutes.pdf"), Ct));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(pdf)), version1.Error);
        Assert.True(latest.ExitCode == ExitCodes.Success, latest.ToString());
        Assert.Equal("Agreed at SMB.", await File.ReadAllTextAsync(Path.Combine(downloads.FullName, "latest.txt"), Ct));
        Assert.Equal(["SMB minutes.pdf", "latest.txt"], downloads.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_download_never_overwrites_an_existing_file_without_force()
    {
        var host = hosts.Loopback();
        var evidence = await LancashireEvidenceAsync(host);
        await CliRunner.RunAsync(host, "evidence", "upload", evidence.Id.ToString(), Write("action plan.txt", Text("Owner: Records Manager.")));
        var existing = Write("kept.txt", Text("mine"));

        var refused = await CliRunner.RunAsync(host, "evidence", "download", evidence.Id.ToString(), "--output", existing, "--verbose");
        var forced = await CliRunner.RunAsync(host, "evidence", "download", evidence.Id.ToString(), "--output", existing, "--force");

        Assert.True(refused.ExitCode == ExitCodes.Usage, refused.ToString());
        Assert.Contains("pass --force", refused.Error);
        Assert.DoesNotContain("> GET", refused.Error); // refused before anything was asked of the service
        Assert.True(forced.ExitCode == ExitCodes.Success, forced.ToString());
        Assert.Equal("Owner: Records Manager.", await File.ReadAllTextAsync(existing, Ct));
    }

    [Fact]
    public async Task A_refused_upload_shows_the_services_detail_and_exits_with_1()
    {
        var host = hosts.Loopback();
        var evidence = await LancashireEvidenceAsync(host);

        var refused = await CliRunner.RunAsync(host, "evidence", "upload", evidence.Id.ToString(), Write("minutes.pdf", Executable()));

        Assert.True(refused.ExitCode == ExitCodes.Rejected, refused.ToString());
        Assert.Contains("(415)", refused.Error);
        Assert.Contains("The file is a program, which evidence may not hold.", refused.Error);
        Assert.Empty(refused.Output);
    }

    [Fact]
    public async Task A_file_to_upload_that_does_not_exist_is_a_usage_error_before_anything_is_sent()
    {
        var run = await CliRunner.RunAsync(hosts.Loopback(), "evidence", "upload", Guid.NewGuid().ToString(), Path.Combine(_folder.FullName, "missing.pdf"), "-v");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("does not exist", run.Error);
        Assert.DoesNotContain("> POST", run.Error);
    }

    [Fact]
    public async Task A_download_whose_bytes_do_not_match_the_services_hash_is_deleted_and_exits_with_1()
    {
        var host = hosts.Loopback();
        var evidence = await LancashireEvidenceAsync(host);
        await CliRunner.RunAsync(host, "evidence", "upload", evidence.Id.ToString(), Write("strategy.pdf", Pdf(200_000)));
        var downloads = Directory.CreateDirectory(Path.Combine(_folder.FullName, "downloads"));
        await using var relay = await CorruptingRelay.StartAsync(host.ServerAddress);
        var environment = CliRunner.Environment(host);
        environment[ServiceOptions.AddressVariable] = relay.Address.ToString();

        var run = await CliRunner.RunAsync(environment, "evidence", "download", evidence.Id.ToString(), "--output", downloads.FullName);

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        Assert.Contains("is not the one the service holds", run.Error);
        Assert.Contains("Nothing was written", run.Error);
        Assert.Empty(downloads.GetFileSystemInfos()); // neither the file nor its partial copy
    }

    [Theory]
    [InlineData("attachment; filename=\"SMB 31 Oct.pdf\"; filename*=UTF-8''SMB%2031%20Oct.pdf", "SMB 31 Oct.pdf")]
    [InlineData("attachment; filename=\"../../.ssh/authorized_keys\"", "authorized_keys")]
    [InlineData("attachment; filename*=UTF-8''..%2F..%2F.bashrc", "bashrc")]
    [InlineData("attachment; filename=\"C:\\\\Windows\\\\evil.exe\"", "evil.exe")]
    [InlineData("attachment; filename*=UTF-8''a%3Cb%3E%7Cc%0A.txt", "a_b__c_.txt")]
    [InlineData("attachment; filename=\"..\"", "evidence-1")]
    [InlineData(null, "evidence-1")]
    public void The_name_a_download_is_saved_under_is_a_plain_name_in_the_folder(string? contentDisposition, string expected) =>
        Assert.Equal(expected, EvidenceCommand.LocalFileName(contentDisposition, "evidence-1"));

    /// <summary>
    /// Passes requests on to the service and its answers back, with one byte of each file download's body
    /// changed and its headers (the ETag) as the service sent them: a download damaged on the way.
    /// </summary>
    private sealed class CorruptingRelay : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly HttpClient _service;

        private CorruptingRelay(WebApplication app, HttpClient service)
        {
            _app = app;
            _service = service;
        }

        public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");

        public static async Task<CorruptingRelay> StartAsync(Uri service)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            var app = builder.Build();
            var client = new HttpClient { BaseAddress = service };
            app.MapGet("/{**path}", async (HttpContext context) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, context.Request.Path.Value!.TrimStart('/') + context.Request.QueryString);
                request.Headers.Add("X-Api-Key", context.Request.Headers["X-Api-Key"].ToString());
                using var answer = await client.SendAsync(request, context.RequestAborted);
                var body = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted);
                if (answer.IsSuccessStatusCode && body.Length > 0)
                {
                    body[^1] ^= 0x01;
                }

                context.Response.StatusCode = (int)answer.StatusCode;
                foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
                {
                    if (name is not ("Transfer-Encoding" or "Content-Length"))
                    {
                        context.Response.Headers[name] = values.ToArray();
                    }
                }

                await context.Response.Body.WriteAsync(body, context.RequestAborted);
            });
            await app.StartAsync(Ct);
            return new CorruptingRelay(app, client);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.DisposeAsync();
            _service.Dispose();
        }
    }
}
