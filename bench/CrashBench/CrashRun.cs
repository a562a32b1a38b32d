using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>Set up, write while killing, then check what the writers were told against what the service kept.</summary>
internal static class CrashRun
{
    private const string Force = "lancashire";
    private const int SharedEvidenceRecords = 2;

    public static async Task<int> RunAsync(CrashOptions options)
    {
        var random = new Random(options.Seed);
        var figures = new Figures();
        using var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) };
        using var http = new HttpClient(handler) { BaseAddress = options.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var api = new Api(http, figures);
        using var service = new ServiceProcess(options);
        await service.StartAsync(CancellationToken.None);

        var setups = await SetUpAsync(api, options.Writers);
        var writers = setups.Select(setup => new Writer(setup, api, figures, new Random(random.Next()))).ToList();

        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var writing = writers.Select(writer => Task.Run(() => writer.RunAsync(stop.Token))).ToList();
        var inFlightAtKills = new List<int>();
        var down = TimeSpan.Zero;
        for (var kill = 0; kill < options.Kills; kill++)
        {
            await Task.Delay(options.MinGap + (options.MaxGap - options.MinGap) * random.NextDouble());
            inFlightAtKills.Add(api.WritesInFlight);
            var killedAt = clock.Elapsed;
            service.Kill();
            await service.StartAsync(CancellationToken.None);
            down += clock.Elapsed - killedAt;
        }

        // A last stretch with the service up, so the writes cut short by the last kill are settled by retries.
        await Task.Delay(options.MaxGap);
        await stop.CancelAsync();
        await Task.WhenAll(writing);
        var writeTime = clock.Elapsed;

        var check = await VerifyAsync(api, writers);
        Print(options, figures, writers, check, service, inFlightAtKills, down, writeTime, clock.Elapsed);
        return check.Violations == 0 ? 0 : 1;
    }

    /// <summary>Through the API with the bootstrap admin key: the inspections, each writer's key and response, the shared evidence.</summary>
    private static async Task<List<WriterSetup>> SetUpAsync(Api api, int writers)
    {
        var admin = CrashOptions.AdminKey;
        var run = Guid.NewGuid().ToString("N")[..8];
        var setupInspection = await CreateAsync(api, admin, "/api/v1/inspections", Inspection($"crash-bench-{run}"));
        var findingsInspection = await CreateAsync(api, admin, "/api/v1/inspections", Inspection($"crash-bench-findings-{run}"));

        async Task<Guid> ResponseAsync(string reference)
        {
            var finding = await CreateAsync(api, admin, $"/api/v1/inspections/{setupInspection}/findings", JsonSerializer.Serialize(new
            {
                reference,
                kind = "Recommendation",
                text = "Chief constables should make sure that their force information records are reviewed.",
                businessArea = "InformationManagement",
                deadlineText = "Immediately",
                addressees = new[] { new { kind = "ChiefConstables" } },
            }));
            return await CreateAsync(api, admin, $"/api/v1/findings/{finding}/responses", JsonSerializer.Serialize(new
            {
                forceCode = Force,
                ownerName = "Head of Information Management",
                targetDate = "2026-03-31",
            }));
        }

        // The shared evidence backs a response no writer adds to, so its revisions are the only contention.
        var sharedResponse = await ResponseAsync("Shared");
        var shared = new List<Guid>();
        for (var i = 1; i <= SharedEvidenceRecords; i++)
        {
            shared.Add(await CreateAsync(api, admin, $"/api/v1/responses/{sharedResponse}/evidence", JsonSerializer.Serialize(new
            {
                title = $"Shared evidence {i}",
                kind = "Document",
                reference = $"Shared {i}",
                description = "Revised by every writer;",
            })));
        }

        var setups = new List<WriterSetup>();
        for (var number = 1; number <= writers; number++)
        {
            // Each writer is its own client application: Idempotency-Keys are scoped to the client.
            var key = await api.TrySendAsync(HttpMethod.Post, "/api/v1/api-keys", admin, JsonSerializer.Serialize(new
            {
                clientName = $"Crash bench writer {number}",
                role = "Admin",
            }));
            var secret = key is { Status: 201 } ? key.Json["secret"]!.GetValue<string>() : throw Unexpected("POST /api/v1/api-keys", key);
            setups.Add(new WriterSetup(number, secret, await ResponseAsync($"Writer {number}"), findingsInspection, shared));
        }

        return setups;
    }

    private static string Inspection(string reference) => JsonSerializer.Serialize(new
    {
        reference,
        inspectorate = "Hmic",
        title = "Crash bench: writes that survive a crash",
        type = "NationalThematic",
        publishedOn = "2015-07-02",
        publicationStatus = "Published",
        allForcesInScope = true,
    });

    private static async Task<Guid> CreateAsync(Api api, string key, string path, string json)
    {
        var answer = await api.TrySendAsync(HttpMethod.Post, path, key, json);
        return answer is { Status: 201 } ? answer.Json["id"]!.GetValue<Guid>() : throw Unexpected($"POST {path}", answer);
    }

    private static ServiceUnavailableException Unexpected(string request, Answer? answer) =>
        new($"Setting up: {request} answered {(answer is null ? "nothing" : $"{answer.Status} {answer.Text}")}");

    private sealed record Check(
        int Acknowledged, int Present, int Duplicates, int Lost, int Unexplained, int WrongRecord, int Refused,
        int TokensAcknowledged, int TokensLandedUnanswered, int TokensLost, int TokensDuplicated, int TokensUnexplained,
        int ReplaysAfter, int ReplaysAfterWrong, List<string> Problems)
    {
        public int Violations => Duplicates + Lost + Unexplained + WrongRecord + Refused + TokensLost + TokensDuplicated + TokensUnexplained + ReplaysAfterWrong;
    }

    /// <summary>Counts the kept records per logical write, then sends every key once more.</summary>
    private static async Task<Check> VerifyAsync(Api api, List<Writer> writers)
    {
        var admin = CrashOptions.AdminKey;
        var problems = new List<string>();
        var kept = new Dictionary<string, List<JsonNode>>(StringComparer.Ordinal);
        void Keep(string kind, JsonNode record, string field)
        {
            var marker = $"{kind} {record[field]!.GetValue<string>().Split(' ', ':')[0]}";
            (kept.TryGetValue(marker, out var list) ? list : kept[marker] = []).Add(record);
        }

        foreach (var writer in writers)
        {
            foreach (var update in await api.ListAsync($"/api/v1/responses/{writer.Setup.ResponseId}/updates", admin))
            {
                // The response's first entry is its creation's, not a writer's.
                if (update["narrative"]?.GetValue<string>() is { } narrative && narrative.StartsWith('w'))
                {
                    Keep("progress update", update, "narrative");
                }
            }

            foreach (var evidence in await api.ListAsync($"/api/v1/evidence?responseId={writer.Setup.ResponseId}", admin))
            {
                Keep("evidence", evidence, "title");
            }
        }

        foreach (var finding in await api.ListAsync($"/api/v1/inspections/{writers[0].Setup.FindingsInspectionId}/findings", admin))
        {
            Keep("finding", finding, "reference");
        }

        int acknowledged = 0, duplicates = 0, lost = 0, wrongRecord = 0, refused = 0, replays = 0, replaysWrong = 0;
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (writer, write) in writers.SelectMany(w => w.Creates.Select(c => (w, c))))
        {
            var marker = $"{write.Kind} {write.Marker}";
            if (write.Refused is { } refusal)
            {
                refused++;
                problems.Add($"{marker} was refused: {refusal.Status} {refusal.Text}");
                continue;
            }

            acknowledged++;
            expected.Add(marker);
            var records = kept.GetValueOrDefault(marker) ?? [];
            if (records.Count == 0)
            {
                lost++;
                problems.Add($"{marker} was acknowledged ({write.Acknowledged!.Text}) and is not there");
            }
            else if (records.Count > 1)
            {
                duplicates += records.Count - 1;
                problems.Add($"{marker} is there {records.Count} times");
            }

            var id = write.Acknowledged!.Json["id"]!.GetValue<Guid>();
            if (records.Count == 1 && records[0]["id"]!.GetValue<Guid>() != id)
            {
                wrongRecord++;
                problems.Add($"{marker} was acknowledged as {id} and kept as {records[0]["id"]}");
            }

            // The key once more, with the If-Match last sent (stale by now): the stored outcome, byte for byte.
            replays++;
            var again = await api.TrySendAsync(HttpMethod.Post, write.Path, writer.Setup.ApiKey, write.Json, write.LastIfMatch, write.Key);
            if (again is null || again.Status != write.Acknowledged.Status || !again.Replayed || !again.Body.AsSpan().SequenceEqual(write.Acknowledged.Body))
            {
                replaysWrong++;
                problems.Add($"{marker}: its key answered {(again is null ? "nothing" : $"{again.Status} (replayed: {again.Replayed}) {again.Text}")}, "
                    + $"first {write.Acknowledged.Status} {write.Acknowledged.Text}");
            }
        }

        var unexplained = kept.Keys.Count(marker => !expected.Contains(marker));
        problems.AddRange(kept.Keys.Where(marker => !expected.Contains(marker)).Select(marker => $"{marker} is there but was never acknowledged"));

        // The shared evidence: every acknowledged revision's token exactly once, nothing that was not sent.
        var tokens = writers.SelectMany(w => w.Tokens).ToList();
        int tokensLost = 0, tokensDuplicated = 0;
        var written = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var target in tokens.Select(t => t.Target).Distinct())
        {
            var description = (await api.ReadAsync($"/api/v1/evidence/{target}", admin)).Json["description"]!.GetValue<string>();
            // The description is "Revised by every writer;" and then " <token>;" per revision kept.
            foreach (var token in description.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Skip(1))
            {
                written[$"{target} {token}"] = written.GetValueOrDefault($"{target} {token}") + 1;
            }
        }

        foreach (var token in tokens)
        {
            if (token.Refused is { } refusal)
            {
                refused++;
                problems.Add($"revision {token.Token} was refused: {refusal.Status} {refusal.Text}");
                continue;
            }

            var count = written.GetValueOrDefault($"{token.Target} {token.Token}");
            if (count == 0)
            {
                tokensLost++;
                problems.Add($"revision {token.Token} of {token.Target} was {(token.Acknowledged ? "acknowledged" : "seen in place")} and is not there");
            }
            else if (count > 1)
            {
                tokensDuplicated += count - 1;
                problems.Add($"revision {token.Token} of {token.Target} is there {count} times");
            }
        }

        var sent = tokens.Select(t => $"{t.Target} {t.Token}").ToHashSet(StringComparer.Ordinal);
        var tokensUnexplained = written.Keys.Count(k => !sent.Contains(k));
        problems.AddRange(written.Keys.Where(k => !sent.Contains(k)).Select(k => $"revision {k} is there but was never sent"));

        return new Check(acknowledged, kept.Values.Sum(v => v.Count), duplicates, lost, unexplained, wrongRecord, refused,
            tokens.Count(t => t.Acknowledged), tokens.Count(t => t.LandedUnanswered), tokensLost, tokensDuplicated, tokensUnexplained,
            replays, replaysWrong, problems);
    }

    private static void Print(CrashOptions options, Figures figures, List<Writer> writers, Check check, ServiceProcess service,
        List<int> inFlightAtKills, TimeSpan down, TimeSpan writeTime, TimeSpan wallTime)
    {
        var creates = writers.SelectMany(w => w.Creates).ToList();
        var tokens = writers.SelectMany(w => w.Tokens).ToList();
        var retried = creates.Count(c => c.Attempts > 1) + tokens.Count(t => t.Attempts > 1 || t.LandedUnanswered);
        var attempts = creates.Sum(c => c.Attempts) + tokens.Sum(t => t.Attempts);
        string Row(string figure, object value, string target = "", bool? pass = null) =>
            $"| {figure} | {Convert.ToString(value, CultureInfo.InvariantCulture)} | {target} | {(pass is null ? "" : pass.Value ? "PASS" : "FAIL")} |";
        var byKind = string.Join(", ", creates.GroupBy(c => c.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {(g.Key == "evidence" ? g.Key : g.Key + "s")}"));
        string[] lines =
        [
            "",
            $"{options.Provider}; {options.Writers} writers; {options.Kills} kills (SIGKILL) every {options.MinGap.TotalSeconds}-{options.MaxGap.TotalSeconds} s "
                + $"of uptime; seed {options.Seed}; {Environment.ProcessorCount} cores, load average {LoadAverage()}",
            "",
            "| figure | value | target | result |",
            "| --- | ---: | --- | --- |",
            Row("service killed with SIGKILL", service.Starts - 1),
            Row("writes in flight at the kills", $"{inFlightAtKills.Sum()} ({string.Join(" ", inFlightAtKills)})"),
            Row("service down, in all (longest start)", $"{down.TotalSeconds:F1} s ({service.LongestStart.TotalSeconds:F1} s)"),
            Row("logical writes", $"{creates.Count + tokens.Count} ({byKind}, {tokens.Count} If-Match revisions)"),
            Row("HTTP requests (writes sent: first sends and resends)", $"{figures.Requests} ({attempts})"),
            Row("logical writes sent more than once", retried),
            Row("sends without an answer (refused while down, reset or timed out)", figures.TransportFailures),
            Row("creates acknowledged (first answers, replays received)", $"{check.Acknowledged} ({figures.FirstAnswers}, {figures.ReplaysDuringRun})"),
            Row("revisions acknowledged (and written with the answer lost)", $"{check.TokensAcknowledged} ({check.TokensLandedUnanswered})"),
            Row("412 Precondition Failed (read again, sent again)", figures.PreconditionFailed),
            Row("409 key in use (sent again)", figures.KeyInUse),
            Row("409 record changed (read again, sent again)", figures.ConcurrencyConflicts),
            Row("5xx answers (sent again)", figures.ServerErrors),
            Row("records kept for acknowledged creates", check.Present, $"= {check.Acknowledged}", check.Present == check.Acknowledged),
            Row("duplicate records", check.Duplicates, "0", check.Duplicates == 0),
            Row("acknowledged creates lost", check.Lost, "0", check.Lost == 0),
            Row("records never acknowledged", check.Unexplained, "0", check.Unexplained == 0),
            Row("acknowledged id differs from kept record", check.WrongRecord, "0", check.WrongRecord == 0),
            Row("revisions lost (acknowledged or seen in place)", check.TokensLost, "0", check.TokensLost == 0),
            Row("revisions applied twice, or never sent", check.TokensDuplicated + check.TokensUnexplained, "0",
                check.TokensDuplicated + check.TokensUnexplained == 0),
            Row("writes refused outright", check.Refused, "0", check.Refused == 0),
            Row("keys sent again after the run: first outcome replayed byte for byte", $"{check.ReplaysAfter - check.ReplaysAfterWrong} of {check.ReplaysAfter}",
                "all", check.ReplaysAfterWrong == 0),
            Row("wall time (writing, with checks)", $"{writeTime.TotalSeconds:F1} s ({wallTime.TotalSeconds:F1} s)"),
        ];
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        foreach (var problem in check.Problems.Take(20))
        {
            Console.Error.WriteLine(problem);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
