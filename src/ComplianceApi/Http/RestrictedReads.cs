using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using ComplianceApi.Data;
using ComplianceApi.Domain;

namespace ComplianceApi.Http;

/// <summary>
/// Applies <see cref="RestrictedReports"/> to each request: works out, once, what the caller may not see
/// (before anything reads, so the query filters, If-Match checks and writes all hide the same records), and
/// records each read of a restricted report's records as one <c>restricted.read</c> audit event.
/// </summary>
/// <remarks>
/// One event per request, not per row: a list or summary holding fifty restricted findings is one read by
/// one client at one time, and an event per row would make every such page a write of fifty rows. The event
/// names the reports read and the request; it is bookkeeping for the data versions (the trail is), so it
/// leaves cached pages standing, and pages holding restricted records are never cached, so each read of
/// one reaches the handler and is recorded. A read is recognised by the ids of the reports, findings and
/// responses in the answer (any property holding one of them): a JSON answer's value, or the view a document
/// (CSV, XLSX, HTML) was written from (<see cref="DocumentResult"/>), never its bytes. An export, whose rows
/// are read as they are sent, notes the ids of those it writes and is recorded once it is sent.
/// </remarks>
public static class RestrictedReads
{
    /// <summary>Set on a request whose answer held restricted records: the first-page cache keeps no such page.</summary>
    public const string RecordedKey = "ComplianceApi:RestrictedRead";

    /// <summary>The most records one event names; a longer read is still one event, naming its reports in full.</summary>
    public const int MostRecordsNamed = 200;

    public static IApplicationBuilder UseRestrictedReports(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var services = context.RequestServices;
            var caller = services.GetRequiredService<Caller>();
            caller.Restricted = await services.GetRequiredService<RestrictedViews>().ForAsync(
                services.GetRequiredService<ComplianceDbContext>, services.GetRequiredService<RequestStamps>(), caller.ForceCode, caller.ForceCodes, context.RequestAborted);
        }

        await next(context);
    });

    /// <summary>Records reads of restricted records by this group's GET endpoints.</summary>
    public static RouteGroupBuilder RecordsRestrictedReads(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (invocation, next) =>
        {
            var result = await next(invocation);
            var http = invocation.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method))
            {
                return result;
            }

            // A JSON answer is read from its value, a document from the view it was written from.
            var answer = result;
            object? read = null;
            while (read is null && answer is INestedHttpResult nested)
            {
                read = (answer as DocumentResult)?.WrittenFrom;
                answer = nested.Result;
            }

            await RecordAsync(http, read ?? (answer as IValueHttpResult)?.Value, http.RequestAborted);
            return result;
        });

    /// <summary>
    /// Records one <c>restricted.read</c> event when <paramref name="answer"/> (a view, or the ids of the
    /// records written) holds restricted records the caller may read; nothing otherwise. The one place a
    /// read is recorded: the filter above for answers known when the handler returns, and the writers of
    /// documents whose rows are read while they are sent (exports), once they are sent.
    /// </summary>
    public static async Task RecordAsync(HttpContext http, object? answer, CancellationToken cancellationToken)
    {
        var caller = http.RequestServices.GetRequiredService<Caller>();
        if (answer is null || caller.Restricted is not { Readable.Count: > 0 } view)
        {
            return;
        }

        var read = new List<Guid>();
        Collect(answer, view.Readable, read, depth: 0);
        if (read.Count == 0)
        {
            return;
        }

        var records = read.Distinct().ToList();
        var reports = records.Select(view.ReportOf).Distinct().ToList();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var audit = new AuditEvent(RestrictedReports.ReadKind, "inspection", reports[0].ToString(), null, caller.Operation ?? "", caller.Client, null, now);
        var request = (http.Request.Path + http.Request.QueryString).ToString();
        audit.Record([
            new FieldChange("request", null, request.Length > Support.Lengths.Url ? request[..Support.Lengths.Url] : request),
            .. reports.Select(r => new FieldChange("inspection", null, r.ToString())),
            .. records.Take(MostRecordsNamed).Select(r => new FieldChange("record", null, r.ToString())),
        ]);
        var db = http.RequestServices.GetRequiredService<ComplianceDbContext>();
        db.AuditEvents.Add(audit);
        await db.SaveChangesAsync(cancellationToken);
        http.Items[RecordedKey] = true;
    }

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    // Views are records of records and lists; a few levels reach every id they hold.
    private const int MostDepth = 5;

    private static void Collect(object? value, IReadOnlySet<Guid> readable, List<Guid> read, int depth)
    {
        switch (value)
        {
            case null or string:
                return;
            case Guid id:
                if (readable.Contains(id))
                {
                    read.Add(id);
                }

                return;
            case IEnumerable items when depth < MostDepth:
                foreach (var item in items)
                {
                    Collect(item, readable, read, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        if (depth >= MostDepth || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("ComplianceApi", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(type, t => [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0)]))
        {
            Collect(property.GetValue(value), readable, read, depth + 1);
        }
    }
}
