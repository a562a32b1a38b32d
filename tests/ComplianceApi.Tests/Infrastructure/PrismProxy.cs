using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ComplianceApi.Tests.Infrastructure;

/// <summary>
/// Stoplight Prism (pinned in package-lock.json) as a validating proxy in front of the service:
/// <c>prism proxy &lt;contract&gt; &lt;service&gt; --errors</c>. It forwards every request and checks the
/// request and the service's answer against the contract; with --errors it answers a violation with a
/// problem whose type is under https://stoplight.io/prism/errors (422 for the request, 500 for the response).
/// </summary>
public sealed class PrismProxy : IAsyncDisposable
{
    public const string ErrorTypePrefix = "https://stoplight.io/prism/errors";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PrismProxy(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where clients send requests to reach the service through the proxy.</summary>
    public Uri Address { get; }

    /// <summary>What Prism has written so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<PrismProxy> StartAsync(string contractPath, Uri service, CancellationToken cancellationToken)
    {
        await NodeTools.EnsureInstalledAsync(cancellationToken);
        var cli = Path.Combine(Repository.Root, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
        Assert.True(File.Exists(cli), $"Prism is not at {cli}; npm ci installs it (package.json pins @stoplight/prism-cli).");
        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                cli, "proxy", contractPath, service.ToString().TrimEnd('/'), "--errors",
                "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var proxy = new PrismProxy(process, new Uri($"http://127.0.0.1:{port}/"));
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(object? sender, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }

            lock (proxy._output)
            {
                proxy._output.AppendLine(line.Data);
            }

            if (line.Data.Contains("Prism is listening", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }

        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromMinutes(2), cancellationToken));
        if (first != listening.Task)
        {
            await proxy.DisposeAsync();
            throw new InvalidOperationException($"Prism did not start listening on port {port}:\n{proxy.Output}");
        }

        return proxy;
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
