using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Operations;

/// <summary>The real process, stopped as an orchestrator stops it; its console is read as a log collector would.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task On_SIGTERM_a_request_in_flight_completes_and_the_process_exits_cleanly()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("compliance-sigterm-");
        try
        {
            await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
            {
                ["Storage:DataFolder"] = folder.FullName,
                ["Logging:Console:FormatterName"] = "json",
                ["Logging:LogLevel:Default"] = "Information",
                ["Shutdown:TimeoutSeconds"] = "20",
            }, ct);
            using var client = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Add("X-Api-Key", ComplianceApiHost.AdminKey);

            // A slow client: the body's first half arrives, the service is told to stop, then the rest.
            var reference = Unique.Slug("sigterm");
            var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(TestData.Inspection(reference), HttpAssertions.Json));
            var slow = new SlowContent(body);
            var sending = client.PostAsync("/api/v1/inspections", slow, ct);
            await slow.FirstHalfSent.WaitAsync(TimeSpan.FromSeconds(30), ct);
            await Task.Delay(300, ct);

            await service.TerminateAsync();
            await NoLongerAcceptsConnectionsAsync(service.Address, ct);
            slow.SendTheRest();
            var answer = await sending;

            Assert.True(answer.StatusCode == HttpStatusCode.Created, $"{answer.StatusCode}\n{await answer.Content.ReadAsStringAsync(ct)}\n{service.StandardOutput}\n{service.StandardError}");
            Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(30)), "the service did not stop within 30 s of SIGTERM");
            Assert.Equal(0, service.ExitCode);

            // Every line the service wrote is a JSON log entry; a request's entries carry its trace id;
            // neither the key nor the body is in them.
            var output = service.StandardOutput;
            var entries = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => JsonNode.Parse(line)!).ToList();
            Assert.Contains(entries, entry => entry["Category"]!.GetValue<string>().StartsWith("ComplianceApi", StringComparison.Ordinal)
                && entry["Scopes"]!.AsArray().Any(scope => scope?["TraceId"]?.GetValue<string>() is { Length: 32 }));
            Assert.DoesNotContain(ComplianceApiHost.AdminKey, output, StringComparison.Ordinal);
            Assert.DoesNotContain(reference, output, StringComparison.Ordinal);
            Assert.DoesNotContain(ComplianceApiHost.AdminKey, service.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task NoLongerAcceptsConnectionsAsync(Uri address, CancellationToken ct)
    {
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            try
            {
                await probe.GetAsync("/health/live", ct);
            }
            catch (HttpRequestException)
            {
                return;
            }

            await Task.Delay(100, ct);
        }

        Assert.Fail("The service still took new connections 20 s after SIGTERM.");
    }

    /// <summary>A request body sent in two halves, the second only when the test says so.</summary>
    private sealed class SlowContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly TaskCompletionSource _firstHalfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _rest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SlowContent(byte[] body)
        {
            _body = body;
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            Headers.ContentLength = body.Length;
        }

        public Task FirstHalfSent => _firstHalfSent.Task;

        public void SendTheRest() => _rest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = _body.Length / 2;
            await stream.WriteAsync(_body.AsMemory(0, half));
            await stream.FlushAsync();
            _firstHalfSent.TrySetResult();
            await _rest.Task;
            await stream.WriteAsync(_body.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
