using System.Text.Json;

namespace ComplianceApi.Client;

/// <summary>
/// Thrown for every answer other than the success an operation declares. <see cref="StatusCode"/> is the
/// HTTP status and <see cref="Problem"/> the RFC 9457 problem the service sent: its title, detail and,
/// for 400, the errors keyed by field.
/// </summary>
public partial class ComplianceApiException
{
    private static readonly JsonSerializerOptions ProblemJson = new(JsonSerializerDefaults.Web);
    private HttpValidationProblemDetails? _problem;
    private bool _problemRead;

    /// <summary>The problem the service answered with, or null when the body was not a problem.</summary>
    public HttpValidationProblemDetails? Problem
    {
        get
        {
            if (!_problemRead)
            {
                _problem = ReadProblem(Response);
                _problemRead = true;
            }

            return _problem;
        }
    }

    /// <summary>The messages for one field of a 400 problem, such as <c>findings[0].reference</c>; empty when it has none.</summary>
    public IReadOnlyCollection<string> ErrorsFor(string field) =>
        Problem?.Errors is { } errors && errors.TryGetValue(field, out var messages) ? [.. messages] : [];

    private static HttpValidationProblemDetails? ReadProblem(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var problem = JsonSerializer.Deserialize<HttpValidationProblemDetails>(body, ProblemJson);
            return problem?.Status is null ? null : problem;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
