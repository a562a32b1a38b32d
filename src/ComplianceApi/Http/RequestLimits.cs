using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ComplianceApi.Http;

/// <summary>
/// The service's own limits on a request's URL and headers. Kestrel refuses a request over its limits
/// before any of the pipeline runs, with an empty body; its limits are set well above these so that the
/// refusal happens here instead, as a problem document that says what the limit is.
/// </summary>
public static class RequestLimits
{
    /// <summary>The longest request target (path and query) the service takes; Kestrel's own default.</summary>
    public const int MostUrlBytes = 8 * 1024;

    /// <summary>The most header bytes (names, values and their separators) a request may carry; Kestrel's own default.</summary>
    public const int MostHeaderBytes = 32 * 1024;

    /// <summary>The most header fields a request may carry; Kestrel's own default.</summary>
    public const int MostHeaders = 100;

    /// <summary>Where Kestrel itself refuses, with an empty body: far enough above the service's limits that a client who misjudges them is told why.</summary>
    public static void RaiseKestrelLimits(KestrelServerLimits limits)
    {
        limits.MaxRequestLineSize = 8 * MostUrlBytes;
        limits.MaxRequestHeadersTotalSize = 4 * MostHeaderBytes;
        limits.MaxRequestHeaderCount = 4 * MostHeaders;
    }

    /// <summary>Refuses a request over the service's limits before anything else reads it.</summary>
    public static void UseRequestLimits(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
                ? raw.Length
                : context.Request.Path.Value?.Length + context.Request.QueryString.Value?.Length ?? 0;
            if (target > MostUrlBytes)
            {
                await RefuseAsync(context, StatusCodes.Status414UriTooLong, "The URL is too long.",
                    $"The request's URL is {Bytes(target)} bytes; this service takes at most {Bytes(MostUrlBytes)}. "
                    + "Ask for fewer values in one query, or page through the list with its cursor.");
                return;
            }

            var headerBytes = 0;
            foreach (var (name, values) in context.Request.Headers)
            {
                foreach (var value in values)
                {
                    headerBytes += name.Length + (value?.Length ?? 0) + 4; // ": " and CRLF, as on the wire
                }
            }

            if (headerBytes > MostHeaderBytes || context.Request.Headers.Count > MostHeaders)
            {
                await RefuseAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "The request's headers are too large.",
                    $"The request carries {context.Request.Headers.Count} header fields of {Bytes(headerBytes)} bytes in all; this service takes at most "
                    + $"{MostHeaders} fields of {Bytes(MostHeaderBytes)} bytes in all.");
                return;
            }

            await next(context);
        });

    private static string Bytes(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            // The framework knows a type link for 414 (RFC 9110) but not for 431, which RFC 6585 defines.
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = detail,
                Type = status == StatusCodes.Status431RequestHeaderFieldsTooLarge ? "https://www.rfc-editor.org/rfc/rfc6585#section-5" : null,
            },
        });
    }
}
