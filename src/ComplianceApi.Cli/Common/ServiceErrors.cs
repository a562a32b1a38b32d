using System.Globalization;
using System.Text.Json;
using ComplianceApi.Client;
using Spectre.Console;

namespace ComplianceApi.Cli.Common;

/// <summary>
/// Writes a refusal from the service for a person at a terminal: the status, the RFC 9457 problem's
/// title and detail, its field errors as a table, and what the status usually means for this tool.
/// Everything the service wrote is shown as text, never as Spectre markup.
/// </summary>
public static class ServiceErrors
{
    // Kept out of the output: a correlation id helps the service's operators, not the user reading this.
    private static readonly HashSet<string> HiddenExtensions = new(StringComparer.OrdinalIgnoreCase) { "traceId" };

    public static void Render(IAnsiConsole error, ComplianceApiException exception)
    {
        var problem = exception.Problem;
        var headline = exception.StatusCode switch
        {
            < 400 => "The service's answer could not be read",
            >= 500 => "The service failed",
            _ => "The service refused the request",
        };
        error.Write(new Text($"{headline} ({exception.StatusCode}): ", new Style(Color.Red, decoration: Decoration.Bold)));
        error.WriteLine(problem?.Title ?? Summary(exception));
        if (problem?.Detail is { Length: > 0 } detail)
        {
            error.WriteLine(detail);
        }

        if (problem is { Errors.Count: > 0 })
        {
            var table = new Table().AddColumn("Field").AddColumn("Problem");
            foreach (var (field, messages) in problem.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                foreach (var message in messages)
                {
                    table.AddRow(new Text(field.Length == 0 ? "(request)" : field), new Text(message));
                }
            }

            error.Write(table);
        }

        foreach (var (name, value) in problem?.AdditionalProperties ?? new Dictionary<string, object>())
        {
            if (!HiddenExtensions.Contains(name))
            {
                error.WriteLine($"{name}: {Describe(value)}");
            }
        }

        if (Explain(exception) is { } explanation)
        {
            error.Write(new Text(explanation + Environment.NewLine, new Style(Color.Yellow)));
        }
    }

    private static string? Explain(ComplianceApiException exception) => exception.StatusCode switch
    {
        401 => $"The service did not accept the API key or token: none was sent, the key is unknown or revoked, or the token has expired or is not for this service. Check {ServiceOptions.KeyVariable} (or --api-key) or {ServiceOptions.TokenVariable} (or --token).",
        403 => "The key is valid but may not do this: its role is too low (managing keys needs a national Admin key), "
            + "or it is scoped to a force and the request is for another one.",
        404 => "Not found, or it belongs to a force this key cannot see: the service answers both alike.",
        413 => "The file is over the size or row limit of one load; split the file into smaller files and load each of them. "
            + "An evidence file is over the size of one file, or of all of its evidence's versions together (the detail above says which).",
        415 => "The service does not take files of this type as evidence: PDF, Office documents without macros, images, text or CSV, and emails (.eml).",
        429 => RetryAfter(exception) is { } seconds
            ? $"The key went over its rate limit; try again in {seconds} seconds."
            : "The key went over its rate limit; try again shortly.",
        >= 500 => "The service failed while answering; its log has the cause. Trying again later may work.",
        _ => null,
    };

    private static string? RetryAfter(ComplianceApiException exception) =>
        exception.Headers.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    // No problem in the body (a proxy's page, or a body the client could not read): say so, with the
    // start of the text rather than all of an HTML page.
    private static string Summary(ComplianceApiException exception)
    {
        var firstLine = exception.Message.Split('\n', 2)[0].Trim();
        var body = exception.Response?.Trim();
        return string.IsNullOrEmpty(body) ? firstLine : $"{firstLine} {(body.Length > 200 ? body[..200] + "…" : body)}";
    }

    private static string Describe(object value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.String } text => text.GetString() ?? "",
        JsonElement { ValueKind: JsonValueKind.Array } list => string.Join("; ", list.EnumerateArray().Select(item => Describe(item))),
        JsonElement element => element.GetRawText(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
