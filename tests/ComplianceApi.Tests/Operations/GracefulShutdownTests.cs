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

            // A slow client: most of the body arrives, stopping in the middle of a string value, the service is
            // told to stop, and the rest arrives only once it has stopped taking connections. The first part is
            // larger than the sockets' buffers, so once it is sent the service is reading the body; its JSON reader
            // has then looked at bytes it could not yet use, as it has for most of a slow upload.
            var reference = Unique.Slug("sigterm");
            var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(TestData.Inspection(reference), HttpAssertions.Json));
            var slow = new SlowContent(body, Encoding.UTF8.GetBytes(reference));
            var sending = client.PostAsync("/api/v1/inspections", slow, ct);
            await slow.FirstPartSent.WaitAsync(TimeSpan.FromSeconds(30), ct);
            await Task.Delay(500, ct);

            var stopped = System.Diagnostics.Stopwatch.StartNew();
            await service.TerminateAsync();
            await NoLongerAcceptsConnectionsAsync(service.Address, ct);
            slow.SendTheRest();
            var answer = await sending;

            Assert.True(answer.StatusCode == HttpStatusCode.Created, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync(ct)}\n{service.StandardError}");
            Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(25)), "the service did not stop within its 20 s shutdown bound (and 5 s to exit) of SIGTERM");
            Assert.Equal(0, service.ExitCode);
            Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(25), $"the service took {stopped.Elapsed} to stop");

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

    [Fact]
    public async Task On_SIGTERM_a_request_whose_handler_is_still_working_completes_and_the_process_exits_within_the_bound()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("compliance-sigterm-");
        try
        {
            await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
            {
                ["Storage:DataFolder"] = folder.FullName,
                ["Shutdown:TimeoutSeconds"] = "20",
            }, ct);
            using var client = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Add("X-Api-Key", ComplianceApiHost.AdminKey);
            // Warm the key's last-use record, so the held lock below stalls the handler's write and nothing before it.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/forces", ct)).StatusCode);

            // A slow handler: another writer holds the database's write lock, so the handler's write waits in
            // SQLite's busy timeout until the lock is let go, after SIGTERM.
            await using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder.FullName, "compliance.db")}");
            await holder.OpenAsync(ct);
            await using var hold = holder.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync(ct);
            var sending = client.PostAsync("/api/v1/inspections",
                new StringContent(JsonSerializer.Serialize(TestData.Inspection(Unique.Slug("sigterm-handler")), HttpAssertions.Json), Encoding.UTF8, "application/json"), ct);
            await Task.Delay(1500, ct);
            Assert.False(sending.IsCompleted, "the write did not wait for the database lock");

            var stopped = System.Diagnostics.Stopwatch.StartNew();
            await service.TerminateAsync();
            await NoLongerAcceptsConnectionsAsync(service.Address, ct);
            hold.CommandText = "ROLLBACK";
            await hold.ExecuteNonQueryAsync(ct);
            var answer = await sending;

            Assert.True(answer.StatusCode == HttpStatusCode.Created, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync(ct)}\n{service.StandardError}");
            Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(25)), "the service did not stop within its 20 s shutdown bound (and 5 s to exit) of SIGTERM");
            Assert.Equal(0, service.ExitCode);
            Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(25), $"the service took {stopped.Elapsed} to stop");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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

    /// <summary>
    /// A request body (with its Content-Length, as the clients send JSON) sent in two parts, the second only when
    /// the test says so. The first part ends in the middle of a string value and begins with 16 MiB of JSON
    /// whitespace: more than loopback sockets buffer, so it is sent only as the service reads it, and enough
    /// that the wait stays above Kestrel's minimum request body data rate (240 bytes a second after a 5 s
    /// grace) for as long as a test may take: the request is slow, not stalled.
    /// </summary>
    private sealed class SlowContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly int _firstPart;
        private readonly TaskCompletionSource _firstPartSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _rest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SlowContent(byte[] body, byte[] stringValue)
        {
            _body = [(byte)'{', .. Enumerable.Repeat((byte)' ', 16 * 1024 * 1024), .. body.AsSpan(1)];
            _firstPart = _body.AsSpan().IndexOf(stringValue) + stringValue.Length / 2;
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            Headers.ContentLength = _body.Length;
        }

        public Task FirstPartSent => _firstPartSent.Task;

        public void SendTheRest() => _rest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_body.AsMemory(0, _firstPart));
            await stream.FlushAsync();
            _firstPartSent.TrySetResult();
            await _rest.Task;
            await stream.WriteAsync(_body.AsMemory(_firstPart));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
