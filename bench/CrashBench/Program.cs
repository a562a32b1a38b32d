using System.Globalization;

// bench/crash's driver: starts the service, runs the writers and the killer, then checks and prints.
//
//   CrashBench --dll <ComplianceApi.dll> --port <port> --log <file> --provider <name>
//              [--writers 8] [--kills 10] [--min-gap 0.5] [--max-gap 2] [--seed <n>] -- <service arguments>
//
// The service arguments after "--" choose its storage (--Storage:DataFolder=... or --ConnectionStrings:Postgres=...).
// Exit status: 0 when every acknowledged write is there once and every key answers its first outcome, 1 when
// one is not, 2 when it cannot run (bad usage, the service does not start).
if (CrashOptions.Parse(args) is not { } options)
{
    await Console.Error.WriteLineAsync(
        "usage: CrashBench --dll <ComplianceApi.dll> --port <port> --log <file> --provider <name> "
        + "[--writers 8] [--kills 10] [--min-gap 0.5] [--max-gap 2] [--seed <n>] -- <service arguments>");
    return 2;
}

try
{
    return await CrashRun.RunAsync(options);
}
catch (ServiceUnavailableException unavailable)
{
    await Console.Error.WriteLineAsync(unavailable.Message);
    return 2;
}

internal sealed record CrashOptions(
    string Dll, int Port, string Log, string Provider, int Writers, int Kills, TimeSpan MinGap, TimeSpan MaxGap, int Seed,
    IReadOnlyList<string> ServiceArguments)
{
    public const string AdminKey = "cak_crash-bench-admin-key-0123456789-abcdefghij";

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    public static CrashOptions? Parse(string[] args)
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

        if (!named.TryGetValue("dll", out var dll) || !named.TryGetValue("port", out var port) || !named.TryGetValue("log", out var log)
            || !named.TryGetValue("provider", out var provider))
        {
            return null;
        }

        string Value(string name, string fallback) => named.GetValueOrDefault(name, fallback);
        var invariant = CultureInfo.InvariantCulture;
        return new CrashOptions(
            Path.GetFullPath(dll), int.Parse(port, invariant), Path.GetFullPath(log), provider,
            int.Parse(Value("writers", "8"), invariant), int.Parse(Value("kills", "10"), invariant),
            TimeSpan.FromSeconds(double.Parse(Value("min-gap", "0.5"), invariant)),
            TimeSpan.FromSeconds(double.Parse(Value("max-gap", "2"), invariant)),
            int.Parse(Value("seed", Environment.TickCount.ToString(invariant)), invariant),
            rest);
    }
}
