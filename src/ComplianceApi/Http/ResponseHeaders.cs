using Microsoft.Net.Http.Headers;

namespace ComplianceApi.Http;

/// <summary>
/// Every response says <c>X-Content-Type-Options: nosniff</c>, so a browser never reads a JSON or text answer
/// as something it could run. Answers of the API are <c>Cache-Control: private, no-cache</c>: a shared cache
/// (a proxy) never keeps a force's records, and a client's own cache keeps them only to revalidate them with
/// If-None-Match against the ETag, so it is never served stale data. An endpoint that sets its own
/// Cache-Control keeps it.
/// </summary>
public static class ResponseHeaders
{
    public const string DataCacheControl = "private, no-cache";

    public static IApplicationBuilder UseResponseHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) && !headers.ContainsKey(HeaderNames.CacheControl))
                {
                    headers.CacheControl = DataCacheControl;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
