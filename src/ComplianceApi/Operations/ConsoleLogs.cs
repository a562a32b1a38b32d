using Microsoft.Extensions.Logging.Console;

namespace ComplianceApi.Operations;

/// <summary>
/// With <c>Logging:Console:FormatterName=json</c> (the framework's own setting) each log entry is one JSON
/// line; this makes those lines carry the trace and span ids (the scopes) and a UTC timestamp, so a log
/// collector can join them to the request's trace. The plain-text format is left as it is.
/// </summary>
public static class ConsoleLogs
{
    public static ILoggingBuilder AddJsonLogDetails(this ILoggingBuilder logging)
    {
        logging.Services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat ??= "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        return logging;
    }
}
