using System.Diagnostics;

/// <summary>The service as a real process, started from its build output and killed with SIGKILL.</summary>
internal sealed class ServiceProcess(CrashOptions options) : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);
    private readonly HttpClient _probe = new() { BaseAddress = options.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
    private Process? _process;

    public int Starts { get; private set; }

    public TimeSpan LongestStart { get; private set; }

    /// <summary>Starts the service and waits until it answers an authenticated read.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("sh") { WorkingDirectory = Path.GetDirectoryName(options.Dll)!, UseShellExecute = false };
        // exec, so the process killed is the service itself and not a shell in front of it; appending, so the
        // log keeps every life of the service.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$@\" >>\"$CRASH_BENCH_LOG\" 2>&1");
        start.ArgumentList.Add("sh");
        foreach (var argument in (string[])[
            "dotnet", options.Dll, $"--Urls={options.BaseAddress}", $"--ApiKeys:BootstrapAdminKey={CrashOptions.AdminKey}",
            "--RateLimiting:PermitLimit=1000000", "--Logging:LogLevel:Default=Warning", .. options.ServiceArguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CRASH_BENCH_LOG"] = options.Log;
        var clock = Stopwatch.StartNew();
        _process = Process.Start(start) ?? throw new ServiceUnavailableException("The service could not be started.");
        Starts++;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new ServiceUnavailableException($"The service stopped while starting (exit code {_process.ExitCode}); see {options.Log}.");
            }

            if (await AnswersAsync(cancellationToken))
            {
                LongestStart = clock.Elapsed > LongestStart ? clock.Elapsed : LongestStart;
                return;
            }

            if (clock.Elapsed > StartLimit)
            {
                throw new ServiceUnavailableException($"The service did not answer within {StartLimit.TotalSeconds} s; see {options.Log}.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, no transaction finished; what is not committed is gone.</summary>
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

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/forces");
            request.Headers.Add(Api.KeyHeader, CrashOptions.AdminKey);
            using var response = await _probe.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

internal sealed class ServiceUnavailableException(string message) : Exception(message);
