using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

// bench/webhook-crash's driver: a receiver, a writer, and a killer; then the figures.
//
//   WebhookCrashBench --dll <ComplianceApi.dll> --port <port> --receiver-port <port> --log <file> --provider <name>
//                     [--kills 6] [--min-gap 1] [--max-gap 3] [--seed <n>] -- <service arguments>
//
// Exit status: 0 when every committed event reached the receiver and every duplicate is a redelivery of the
// same webhook-id with a valid signature, 1 otherwise, 2 when it cannot run.
var options = BenchOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync("usage: WebhookCrashBench --dll <dll> --port <p> --receiver-port <p> --log <file> --provider <name> [--kills 6] [--min-gap 1] [--max-gap 3] [--seed n] -- <service arguments>");
    return 2;
}

var random = new Random(options.Seed);
using var receiver = new Receiver(options.ReceiverPort, random.Next());
receiver.Start();
using var service = new ServiceProcess(options);
using var http = new HttpClient { BaseAddress = options.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
http.DefaultRequestHeaders.Add("X-Api-Key", BenchOptions.AdminKey);
try
{
    await service.StartAsync();
}
catch (ServiceUnavailableException unavailable)
{
    await Console.Error.WriteLineAsync(unavailable.Message);
    return 2;
}

var created = await PostAsync(http, "/api/v1/webhook-subscriptions", JsonSerializer.Serialize(new
{
    url = receiver.Url,
    kinds = new List<string> { "inspection.created" },
    description = "webhook crash bench",
}), "subscribe") ?? throw new InvalidOperationException("The subscription could not be created.");
receiver.Secret = created["secret"]!.GetValue<string>();

// One writer: each acknowledged inspection is one committed inspection.created event.
var acknowledged = 0;
using var stop = new CancellationTokenSource();
var writing = Task.Run(async () =>
{
    var run = Guid.NewGuid().ToString("N")[..8];
    for (var n = 0; !stop.IsCancellationRequested; n++)
    {
        var body = JsonSerializer.Serialize(new
        {
            reference = $"webhook-crash-{run}-{n}",
            inspectorate = "Hmic",
            title = "Building the picture: an inspection of police information management",
            type = "NationalThematic",
            publishedOn = "2015-07-02",
            publicationStatus = "Published",
            allForcesInScope = true,
        });
        // Sent again with the same key until it has an answer: a write cut short by a kill is settled by a retry.
        while (await PostAsync(http, "/api/v1/inspections", body, $"{run}-{n}") is null)
        {
            await Task.Delay(100);
        }

        Interlocked.Increment(ref acknowledged);
        await Task.Delay(random.Next(5, 40));
    }
});

var clock = Stopwatch.StartNew();
var kills = new List<(int Acknowledged, int Received, int Pending)>();
for (var kill = 0; kill < options.Kills; kill++)
{
    await Task.Delay(options.MinGap + (options.MaxGap - options.MinGap) * random.NextDouble());
    kills.Add((Volatile.Read(ref acknowledged), receiver.Count, receiver.InFlight));
    service.Kill();
    await service.StartAsync();
}

await Task.Delay(options.MaxGap);
await stop.CancelAsync();
await writing;

// What committed: every inspection.created event in the change feed.
var committed = new HashSet<long>();
string? cursor = null;
while (true)
{
    var page = await GetAsync(http, $"/api/v1/changes?kinds=inspection.created&limit=200{(cursor is null ? "" : "&after=" + cursor)}");
    foreach (var item in page["items"]!.AsArray())
    {
        committed.Add(item!["sequence"]!.GetValue<long>());
    }

    cursor = page["nextCursor"]!.GetValue<string>();
    if (!page["hasMore"]!.GetValue<bool>())
    {
        break;
    }
}

// Deliveries cut short by the last kill wait for their lease to run out; then they come.
var deadline = Stopwatch.StartNew();
while (!committed.IsSubsetOf(receiver.Sequences) && deadline.Elapsed < TimeSpan.FromMinutes(3))
{
    await Task.Delay(200);
}

var settled = deadline.Elapsed;
var received = receiver.All;
var missing = committed.Except(receiver.Sequences).Count();
var requests = received.Count;
var distinctIds = received.Select(r => r.WebhookId).Distinct().Count();
var duplicates = requests - distinctIds;
var sequencesUnderSeveralIds = received.GroupBy(r => r.Sequence).Count(g => g.Select(r => r.WebhookId).Distinct().Count() > 1);
var badSignatures = received.Count(r => !r.SignatureValid);
var unknown = receiver.Sequences.Except(committed).Count();

var invariant = CultureInfo.InvariantCulture;
Console.WriteLine($"webhook crash run on {options.Provider}: {options.Kills} SIGKILLs {options.MinGap.TotalSeconds.ToString(invariant)}-{options.MaxGap.TotalSeconds.ToString(invariant)} s apart, seed {options.Seed}");
Console.WriteLine("  kill  acknowledged writes before it  requests received by then  receiver requests open at the kill");
for (var i = 0; i < kills.Count; i++)
{
    Console.WriteLine($"  {i + 1,4}  {kills[i].Acknowledged,29}  {kills[i].Received,25}  {kills[i].Pending,34}");
}

Console.WriteLine($"  events committed (inspection.created in the change feed): {committed.Count} (acknowledged writes: {acknowledged})");
Console.WriteLine($"  events received (distinct):                               {receiver.Sequences.Count}");
Console.WriteLine($"  missing:                                                  {missing}");
Console.WriteLine($"  requests received:                                        {requests}");
Console.WriteLine($"  duplicates (requests beyond one per webhook-id):          {duplicates}");
Console.WriteLine($"  events delivered under more than one webhook-id:          {sequencesUnderSeveralIds}");
Console.WriteLine($"  signatures not valid:                                     {badSignatures}");
Console.WriteLine($"  events received that the feed does not hold:              {unknown}");
Console.WriteLine($"  service starts: {service.Starts}; all delivered {settled.TotalSeconds.ToString("0.0", invariant)} s after the writes stopped; run {clock.Elapsed.TotalSeconds.ToString("0", invariant)} s");
var ok = missing == 0 && sequencesUnderSeveralIds == 0 && badSignatures == 0 && unknown == 0;
Console.WriteLine(ok ? "  OK: every committed event reached the receiver; duplicates are redeliveries of the same webhook-id" : "  FAILED");
return ok ? 0 : 1;

static async Task<JsonNode?> PostAsync(HttpClient http, string path, string json, string idempotencyKey)
{
    try
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", $"\"{idempotencyKey}\"");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode is 409 or >= 500)
        {
            return null; // the key is still in use by the cut-short attempt, or the service is going down
        }

        return response.IsSuccessStatusCode ? JsonNode.Parse(text) : throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {text}");
    }
    catch (HttpRequestException)
    {
        return null;
    }
    catch (TaskCanceledException)
    {
        return null;
    }
}

static async Task<JsonNode> GetAsync(HttpClient http, string path) => JsonNode.Parse(await http.GetStringAsync(path))!;

internal sealed record BenchOptions(string Dll, int Port, int ReceiverPort, string Log, string Provider, int Kills, TimeSpan MinGap, TimeSpan MaxGap, int Seed, IReadOnlyList<string> ServiceArguments)
{
    public const string AdminKey = "cak_webhook-crash-bench-admin-key-0123456789-abc";

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    public static BenchOptions? Parse(string[] args)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--")
            {
                rest.AddRange(args[(i + 1)..]);
                break;
            }

            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 == args.Length)
            {
                return null;
            }

            named[args[i][2..]] = args[++i];
        }

        if (!named.TryGetValue("dll", out var dll) || !named.TryGetValue("port", out var port) || !named.TryGetValue("receiver-port", out var receiverPort)
            || !named.TryGetValue("log", out var log) || !named.TryGetValue("provider", out var provider))
        {
            return null;
        }

        var invariant = CultureInfo.InvariantCulture;
        string Value(string name, string fallback) => named.GetValueOrDefault(name, fallback);
        return new BenchOptions(Path.GetFullPath(dll), int.Parse(port, invariant), int.Parse(receiverPort, invariant), Path.GetFullPath(log), provider,
            int.Parse(Value("kills", "6"), invariant),
            TimeSpan.FromSeconds(double.Parse(Value("min-gap", "1"), invariant)),
            TimeSpan.FromSeconds(double.Parse(Value("max-gap", "3"), invariant)),
            int.Parse(Value("seed", Environment.TickCount.ToString(invariant)), invariant), rest);
    }
}

/// <summary>One request the receiver got.</summary>
internal sealed record Received(string WebhookId, long Sequence, bool SignatureValid);

/// <summary>
/// A receiver on 127.0.0.1 (HttpListener): it checks each signature itself (HMAC-SHA256 over id.timestamp.body),
/// takes a little time over each request so that kills land while deliveries are open, and answers 204.
/// </summary>
internal sealed class Receiver(int port, int seed) : IDisposable
{
    private readonly HttpListener _listener = new() { Prefixes = { $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/" } };
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly Random _random = new(seed);
    private int _inFlight;

    public string Url => $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/hooks";

    public string Secret { get; set; } = "";

    public int Count => _received.Count;

    public int InFlight => Volatile.Read(ref _inFlight);

    public List<Received> All => [.. _received];

    public HashSet<long> Sequences => [.. _received.Select(r => r.Sequence)];

    public void Start()
    {
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => HandleAsync(context));
            }
        });
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var id = context.Request.Headers["webhook-id"] ?? "";
            var timestamp = context.Request.Headers["webhook-timestamp"] ?? "";
            var signatures = (context.Request.Headers["webhook-signature"] ?? "").Split(' ');
            var key = Convert.FromBase64String(Secret["whsec_".Length..]);
            var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
            var data = JsonNode.Parse(body)!["data"]!;
            int delay;
            lock (_random)
            {
                delay = _random.Next(0, 60);
            }

            await Task.Delay(delay);
            _received.Enqueue(new Received(id, data["sequence"]!.GetValue<long>(), signatures.Contains(expected)));
            context.Response.StatusCode = 204;
        }
        catch (Exception)
        {
            context.Response.StatusCode = 500;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}

/// <summary>The service as a real process, killed with SIGKILL (as bench/CrashBench runs it).</summary>
internal sealed class ServiceProcess(BenchOptions options) : IDisposable
{
    private readonly HttpClient _probe = new() { BaseAddress = options.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
    private Process? _process;

    public int Starts { get; private set; }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("sh") { WorkingDirectory = Path.GetDirectoryName(options.Dll)!, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$@\" >>\"$BENCH_LOG\" 2>&1");
        start.ArgumentList.Add("sh");
        foreach (var argument in (string[])[
            "dotnet", options.Dll, $"--Urls={options.BaseAddress}", $"--ApiKeys:BootstrapAdminKey={BenchOptions.AdminKey}",
            "--RateLimiting:PermitLimit=1000000", "--Logging:LogLevel:Default=Warning",
            "--Webhooks:AllowedNetworks:0=127.0.0.1/32", "--Webhooks:PollEvery=00:00:00.100", "--Webhooks:LeaseFor=00:00:03",
            "--Webhooks:AttemptTimeout=00:00:02", "--Webhooks:FirstRetryAfter=00:00:00.500", "--Webhooks:LongestRetryDelay=00:00:02",
            .. options.ServiceArguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["BENCH_LOG"] = options.Log;
        var clock = Stopwatch.StartNew();
        _process = Process.Start(start) ?? throw new ServiceUnavailableException("The service could not be started.");
        Starts++;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new ServiceUnavailableException($"The service stopped while starting (exit code {_process.ExitCode}); see {options.Log}.");
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/forces");
                request.Headers.Add("X-Api-Key", BenchOptions.AdminKey);
                using var response = await _probe.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new ServiceUnavailableException($"The service did not answer within 120 s; see {options.Log}.");
            }

            await Task.Delay(50);
        }
    }

    public void Kill()
    {
        if (_process is null)
        {
            return;
        }

        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Kill();
        _probe.Dispose();
    }
}

internal sealed class ServiceUnavailableException(string message) : Exception(message);
