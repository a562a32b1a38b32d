using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>What a writer works on: its own key, its own response, and the evidence every writer revises.</summary>
internal sealed record WriterSetup(int Number, string ApiKey, Guid ResponseId, Guid FindingsInspectionId, IReadOnlyList<Guid> SharedEvidence);

/// <summary>
/// A create with its own Idempotency-Key, sent again with the same key, path and body until it has a
/// definitive answer. The marker (writer and sequence number) is written into the record, so the records
/// the service kept can be counted per logical write.
/// </summary>
internal sealed class CreateWrite(string kind, string marker, string path, string json, bool conditional)
{
    public string Kind { get; } = kind;

    public string Marker { get; } = marker;

    public string Path { get; } = path;

    public string Json { get; } = json;

    public string Key { get; } = Guid.NewGuid().ToString();

    /// <summary>Sent with If-Match on the response it is added to.</summary>
    public bool Conditional { get; } = conditional;

    /// <summary>The If-Match of the last attempt: the replay after the run sends it again, stale by then.</summary>
    public string? LastIfMatch { get; set; }

    public int Attempts { get; set; }

    /// <summary>The first 2xx the writer received (after which it stops sending).</summary>
    public Answer? Acknowledged { get; set; }

    /// <summary>A definitive refusal other than 412 (which the writer answers by reading again).</summary>
    public Answer? Refused { get; set; }
}

/// <summary>A read-modify-write PUT with If-Match that appends the token to a shared evidence's description.</summary>
internal sealed class TokenWrite(Guid target, string token)
{
    public Guid Target { get; } = target;

    public string Token { get; } = token;

    public int Attempts { get; set; }

    public bool Acknowledged { get; set; }

    /// <summary>The answer was lost, and reading again showed the change in place: written, but never acknowledged.</summary>
    public bool LandedUnanswered { get; set; }

    public Answer? Refused { get; set; }
}

/// <summary>One integrator's client: a loop of logical writes, each retried until the service gives a definitive answer.</summary>
internal sealed class Writer(WriterSetup setup, Api api, Figures figures, Random random)
{
    /// <summary>Progress updates are dated; a fixed past date is never in the future nor before the previous one.</summary>
    public const string EffectiveOn = "2025-06-02";

    public List<CreateWrite> Creates { get; } = [];

    public List<TokenWrite> Tokens { get; } = [];

    public WriterSetup Setup => setup;

    /// <summary>Writes until stopped; the write under way when the stop comes is finished first.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        for (var sequence = 1; !stop.IsCancellationRequested; sequence++)
        {
            var marker = $"w{setup.Number}-{sequence}";
            var roll = random.Next(100);
            if (roll < 40)
            {
                var target = setup.SharedEvidence[random.Next(setup.SharedEvidence.Count)];
                await ReviseAsync(new TokenWrite(target, marker));
                continue;
            }

            var write = roll switch
            {
                < 70 => new CreateWrite("progress update", marker, $"/api/v1/responses/{setup.ResponseId}/updates", Serialize(new
                {
                    effectiveOn = EffectiveOn,
                    status = "InProgress",
                    rag = "Amber",
                    narrative = $"{marker} crash bench progress update",
                    author = "Crash bench",
                }), conditional: true),
                < 88 => new CreateWrite("evidence", marker, $"/api/v1/responses/{setup.ResponseId}/evidence", Serialize(new
                {
                    title = $"{marker} crash bench evidence",
                    kind = "Minutes",
                    reference = $"Minute {marker}",
                    description = "Recorded by a writer the crash bench may kill the service under.",
                }), conditional: true),
                _ => new CreateWrite("finding", marker, $"/api/v1/inspections/{setup.FindingsInspectionId}/findings", Serialize(new
                {
                    reference = marker,
                    kind = "AreaForImprovement",
                    text = $"{marker}: the force should make sure its records survive a crash.",
                    businessArea = "InformationManagement",
                    deadlineText = (string?)null,
                    dueDate = "2026-03-31",
                    addressees = new[] { new { kind = "ChiefConstables" } },
                }), conditional: false),
            };
            await CreateAsync(write);
        }
    }

    private async Task CreateAsync(CreateWrite write)
    {
        Creates.Add(write);
        string? tag = null;
        for (var attempt = 1; ; attempt++)
        {
            if (write.Conditional && tag is null)
            {
                tag = (await api.ReadAsync($"/api/v1/responses/{setup.ResponseId}", setup.ApiKey)).ETag;
            }

            write.Attempts = attempt;
            write.LastIfMatch = tag;
            var answer = await api.TrySendAsync(HttpMethod.Post, write.Path, setup.ApiKey, write.Json, tag, write.Key);
            if (!await SettledAsync(answer, attempt, () => tag = null))
            {
                continue;
            }

            if (answer!.Succeeded)
            {
                write.Acknowledged = answer;
                Interlocked.Increment(ref answer.Replayed ? ref figures.ReplaysDuringRun : ref figures.FirstAnswers);
            }
            else
            {
                write.Refused = answer;
            }

            return;
        }
    }

    private async Task ReviseAsync(TokenWrite write)
    {
        Tokens.Add(write);
        var path = $"/api/v1/evidence/{write.Target}";
        var token = $" {write.Token};";
        for (var attempt = 1; ; attempt++)
        {
            var current = await api.ReadAsync(path, setup.ApiKey);
            var view = current.Json;
            var description = view["description"]?.GetValue<string>() ?? "";
            if (attempt > 1 && description.Contains(token, StringComparison.Ordinal))
            {
                write.LandedUnanswered = true;
                return;
            }

            write.Attempts = attempt;
            var body = new JsonObject
            {
                ["title"] = view["title"]?.DeepClone(),
                ["kind"] = view["kind"]?.DeepClone(),
                ["reference"] = view["reference"]?.DeepClone(),
                ["url"] = view["url"]?.DeepClone(),
                ["date"] = view["date"]?.DeepClone(),
                ["description"] = description + token,
            };
            var answer = await api.TrySendAsync(HttpMethod.Put, path, setup.ApiKey, body.ToJsonString(), current.ETag);
            if (!await SettledAsync(answer, attempt, () => { }))
            {
                continue;
            }

            if (answer!.Succeeded)
            {
                write.Acknowledged = true;
            }
            else
            {
                write.Refused = answer;
            }

            return;
        }
    }

    /// <summary>
    /// Whether the answer is definitive. No answer, a 5xx, or a key still held by a request the kill cut short:
    /// send again. 412: the record changed since it was read; read again (staleTag) and send again.
    /// </summary>
    private async Task<bool> SettledAsync(Answer? answer, int attempt, Action staleTag)
    {
        switch (answer)
        {
            case null:
                break;
            case { Status: 412 }:
                Interlocked.Increment(ref figures.PreconditionFailed);
                staleTag();
                return false;
            case { Status: 409 } when answer.Title == "The Idempotency-Key is in use.":
                Interlocked.Increment(ref figures.KeyInUse);
                break;
            case { Status: 409 } when answer.Title == "The record changed while this request was made.":
                Interlocked.Increment(ref figures.ConcurrencyConflicts);
                staleTag();
                return false;
            case { Status: >= 500 }:
                Interlocked.Increment(ref figures.ServerErrors);
                break;
            default:
                return true;
        }

        Interlocked.Increment(ref figures.Resends);
        await Api.BackOffAsync(attempt);
        return false;
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value);
}
