using System.Text;
using System.Text.Json.Nodes;

/// <summary>One answer as the client saw it; the body's bytes are kept to compare replays exactly.</summary>
internal sealed record Answer(int Status, byte[] Body, string? ETag, bool Replayed)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The answer has no JSON body.");

    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>The problem's title, to tell a key still in use from a domain rule (both 409).</summary>
    public string? Title => Body.Length > 0 && Body[0] == (byte)'{' ? Json["title"]?.GetValue<string>() : null;
}

/// <summary>HTTP as an integrator's client does it: a transport failure (refused, reset, timed out) is an answer lost.</summary>
internal sealed class Api(HttpClient http, Figures figures)
{
    public const string KeyHeader = "X-Api-Key";
    private int _writesInFlight;

    /// <summary>Writes sent and not yet answered: sampled at each kill, to show the kills landed mid-write.</summary>
    public int WritesInFlight => Volatile.Read(ref _writesInFlight);

    /// <summary>Sends one request; null when no answer came.</summary>
    public async Task<Answer?> TrySendAsync(HttpMethod method, string path, string apiKey, string? json = null, string? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(KeyHeader, apiKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            // The draft's structured-field string form.
            request.Headers.TryAddWithoutValidation("Idempotency-Key", $"\"{idempotencyKey}\"");
        }

        var write = method != HttpMethod.Get;
        if (write)
        {
            Interlocked.Increment(ref _writesInFlight);
        }

        Interlocked.Increment(ref figures.Requests);
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");
            return new Answer((int)response.StatusCode, body, response.Headers.ETag?.ToString(), replayed);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            Interlocked.Increment(ref figures.TransportFailures);
            return null;
        }
        finally
        {
            if (write)
            {
                Interlocked.Decrement(ref _writesInFlight);
            }
        }
    }

    /// <summary>Reads until the service answers (it may be down): a 2xx, or a refusal that is not the service's fault.</summary>
    public async Task<Answer> ReadAsync(string path, string apiKey)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await TrySendAsync(HttpMethod.Get, path, apiKey);
            if (answer is { Status: < 500 })
            {
                return answer.Succeeded ? answer : throw new InvalidOperationException($"GET {path} answered {answer.Status}: {answer.Text}");
            }

            await BackOffAsync(attempt);
        }
    }

    /// <summary>Every record of a list, page by page.</summary>
    public async Task<List<JsonNode>> ListAsync(string path, string apiKey)
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = (await ReadAsync($"{path}{separator}limit=200{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}", apiKey)).Json;
            items.AddRange(page["items"]!.AsArray().Select(item => item!));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return items;
    }

    /// <summary>A client's pause between retries: short, growing, capped.</summary>
    public static Task BackOffAsync(int attempt) => Task.Delay(Math.Min(50 * attempt, 500));
}
