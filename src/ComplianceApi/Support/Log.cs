namespace ComplianceApi.Support;

/// <summary>The service's log messages, generated at compile time so disabled levels cost nothing.</summary>
public static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} handled in {ElapsedMs:0.0} ms")]
    public static partial void RequestHandled(this ILogger logger, string request, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} failed after {ElapsedMs:0.0} ms: {Error}")]
    public static partial void RequestFailed(this ILogger logger, string request, double elapsedMs, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} refused after {ElapsedMs:0.0} ms: {Reason}")]
    public static partial void RequestRefused(this ILogger logger, string request, double elapsedMs, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    public static partial void UnhandledException(this ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample data loaded: {Loaded} (it loads only into a database without inspections)")]
    public static partial void SampleDataLoaded(this ILogger logger, bool loaded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API keys existed; created the admin key given in {Setting}")]
    public static partial void BootstrapKeyFromConfiguration(this ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired idempotency records failed; the next round tries again")]
    public static partial void IdempotencyPurgeFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily reminders raised: {Raised} events")]
    public static partial void RemindersRaised(this ILogger logger, int raised);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Raising the daily reminders failed; the next round tries again")]
    public static partial void RemindersFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the last use of API key {KeyId} failed; a later request records it")]
    public static partial void KeyUseNotRecorded(this ILogger logger, Exception exception, Guid keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook delivery round failed; the next round tries again")]
    public static partial void WebhookRoundFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Evidence {EvidenceId} file version {Version} ({FileId}) is quarantined: its stored bytes hash to {Found}, not {Expected}; it is no longer served")]
    public static partial void EvidenceFileQuarantined(this ILogger logger, Guid evidenceId, int version, Guid fileId, string expected, string found);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking stored evidence files failed; the next round tries again")]
    public static partial void EvidenceIntegrityCheckFailed(this ILogger logger, Exception exception);
}
