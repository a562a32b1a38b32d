using System.Globalization;
using ComplianceApi.Client;
using Spectre.Console;

namespace ComplianceApi.Cli.Common;

/// <summary>
/// Sends one logical write again after a failure that may have left it unanswered or undone: the
/// connection failed or timed out, the service failed (5xx) or was busy (429), or the request's
/// Idempotency-Key is still being processed (409). Callers send the same key on every attempt, so an
/// attempt that was written but whose answer was lost is answered again by the service, never written twice.
/// </summary>
public static class WriteRetries
{
    public const int Attempts = 4;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(30);

    // The service's title for IdempotencyKeyInUseException; any other 409 is a rule of the domain and final.
    private const string KeyInUseTitle = "The Idempotency-Key is in use.";

    /// <summary>A key for one logical write, made once and sent on each of its attempts.</summary>
    public static string NewKey() => Guid.NewGuid().ToString();

    /// <param name="log">stderr, where each retry is announced.</param>
    /// <param name="what">The write, as the person knows it ("Issuing the key").</param>
    /// <param name="attempt">Sends the write; it is given the attempt's number, from 1.</param>
    /// <param name="cancellationToken">Stops the write and the waits between its attempts.</param>
    public static async Task<T> SendAsync<T>(IAnsiConsole log, string what, Func<int, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(number, cancellationToken);
            }
            catch (Exception failure) when (number < Attempts && Reason(failure, cancellationToken) is { } reason)
            {
                var delay = Delay(failure, number);
                log.WriteLine(
                    $"{what}: {reason}; sending it again in {delay.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s (attempt {number + 1} of {Attempts}).",
                    new Style(Color.Yellow));
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    /// <summary>Why the failure is worth another attempt, or null when it is the answer.</summary>
    private static string? Reason(Exception failure, CancellationToken cancellationToken) => failure switch
    {
        HttpRequestException => "the connection failed before the answer arrived",
        TaskCanceledException when !cancellationToken.IsCancellationRequested => "the service did not answer in time",
        ComplianceApiException { StatusCode: >= 500 } failed => $"the service failed ({failed.StatusCode})",
        ComplianceApiException { StatusCode: 429 } => "the service is busy (429)",
        ComplianceApiException { StatusCode: 409 } inUse when inUse.Problem?.Title == KeyInUseTitle => "the first attempt is still being processed (409)",
        _ => null,
    };

    // Doubling from a second, or what the service asks for in Retry-After (seconds), never over half a minute.
    private static TimeSpan Delay(Exception failure, int attempt)
    {
        if (failure is ComplianceApiException { Headers: { } headers }
            && headers.TryGetValue("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, LongestDelay.TotalSeconds));
        }

        var doubled = FirstDelay * Math.Pow(2, attempt - 1);
        return doubled < LongestDelay ? doubled : LongestDelay;
    }
}
