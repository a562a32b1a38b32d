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
                _problem = ReadProblem();
                _problemRead = true;
            }

            return _problem;
        }
    }

    /// <summary>The messages for one field of a 400 problem, such as <c>findings[0].reference</c>; empty when it has none.</summary>
    public IReadOnlyCollection<string> ErrorsFor(string field) =>
        Problem?.Errors is { } errors && errors.TryGetValue(field, out var messages) ? [.. messages] : [];

    // For the statuses an operation declares, the generated code deserialises the problem from the
    // response stream into Result and leaves Response empty; only undeclared statuses keep the text.
    private HttpValidationProblemDetails? ReadProblem()
    {
        var problem = this switch
        {
            ComplianceApiException<HttpValidationProblemDetails> validation => validation.Result,
            ComplianceApiException<ProblemDetails> { Result: { } plain } => new HttpValidationProblemDetails
            {
                Type = plain.Type,
                Title = plain.Title,
                Status = plain.Status,
                Detail = plain.Detail,
                Instance = plain.Instance,
                AdditionalProperties = plain.AdditionalProperties,
            },
            _ => ParseProblem(Response),
        };
        return problem?.Status is null ? null : problem;
    }

    private static HttpValidationProblemDetails? ParseProblem(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<HttpValidationProblemDetails>(body, ProblemJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
