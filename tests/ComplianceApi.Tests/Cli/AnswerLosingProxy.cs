using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ComplianceApi.Tests.Cli;

/// <summary>
/// A TCP relay in front of the service that, for the first requests of one method, lets the request reach the
/// service and the service answer, then closes the client's connection instead of passing the answer on: what
/// the tool sees when a network drops the answer to a write that was made.
/// </summary>
public sealed class AnswerLosingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _service;
    private readonly byte[] _requestLine;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _toLose;
    private int _lost;

    public AnswerLosingProxy(Uri service, string method, int answersToLose)
    {
        _service = service;
        _requestLine = Encoding.ASCII.GetBytes(method + " ");
        _toLose = answersToLose;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>How many answers the service sent that never reached the client.</summary>
    public int Lost => Volatile.Read(ref _lost);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var service = new TcpClient())
        {
            try
            {
                await service.ConnectAsync(_service.Host, _service.Port, _stop.Token);
                var toClient = client.GetStream();
                var toService = service.GetStream();
                var loseAnswer = 0;
                var requests = Task.Run(async () =>
                {
                    var buffer = new byte[65536];
                    int read;
                    while ((read = await toClient.ReadAsync(buffer, _stop.Token)) > 0)
                    {
                        if (buffer.AsSpan(0, read).StartsWith(_requestLine) && Interlocked.Decrement(ref _toLose) >= 0)
                        {
                            Volatile.Write(ref loseAnswer, 1);
                        }

                        await toService.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                    }
                });
                var answer = new byte[65536];
                int received;
                while ((received = await toService.ReadAsync(answer, _stop.Token)) > 0)
                {
                    if (Volatile.Read(ref loseAnswer) == 1)
                    {
                        Interlocked.Increment(ref _lost);
                        return; // both connections close: the service has answered, the client hears nothing
                    }

                    await toClient.WriteAsync(answer.AsMemory(0, received), _stop.Token);
                }

                await requests;
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }
}
