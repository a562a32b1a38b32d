using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>
/// The service as operators run it: its own process, started from its build output with `dotnet`, on a free
/// port of 127.0.0.1, its standard output and error captured whole.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, line) => Append(_output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(_error, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The service's build output beside the tests' (same configuration).</summary>
    public static string Dll { get; } = Path.Combine(
        Repository.Root, "src", "ComplianceApi", "bin", new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "ComplianceApi.dll");

    public Uri Address { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string StandardOutput
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts the service with these settings (as <c>--Key=value</c> arguments) and waits until /health/ready answers.</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(ExternalProcess.Dotnet)
        {
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Dll);
        start.ArgumentList.Add($"--Urls={address}");
        start.ArgumentList.Add($"--ApiKeys:BootstrapAdminKey={ComplianceApiHost.AdminKey}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var service = new ServiceProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), address);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (service.HasExited)
            {
                throw new InvalidOperationException($"The service exited {service.ExitCode} while starting.\n{service.StandardError}\n{service.StandardOutput}");
            }

            try
            {
                if ((await probe.GetAsync("/health/ready", cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (clock.Elapsed > StartLimit)
            {
                await service.DisposeAsync();
                throw new TimeoutException($"The service was not ready within {StartLimit}.\n{service.StandardError}\n{service.StandardOutput}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Runs the service's build output once with these arguments (a verb such as backup) and waits for it to exit.</summary>
    public static Task<ProcessOutput> RunVerbAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ExternalProcess.RunAsync(ExternalProcess.Dotnet, [Dll, .. arguments], Path.GetDirectoryName(Dll)!, TimeSpan.FromSeconds(90),
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, cancellationToken);

    /// <summary>What an orchestrator sends to stop a container.</summary>
    public async Task TerminateAsync()
    {
        var kill = await ExternalProcess.RunAsync("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Path.GetTempPath(), TimeSpan.FromSeconds(10));
        Assert.True(kill.ExitCode == 0, kill.ToString());
    }

    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);

            // The asynchronous readers deliver their last lines after the process has gone.
            _process.WaitForExit();
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
