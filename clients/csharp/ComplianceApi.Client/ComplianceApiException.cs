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

    /// <summary>
    /// The problem's title, status, detail and field errors when the service sent one, so that a logged
    /// exception says what was wrong; otherwise the generated message with the response text.
    /// </summary>
    public override string Message => Problem is { } problem
        ? $"{problem.Title} ({StatusCode}){(problem.Detail is null ? "" : $" {problem.Detail}")}"
          + string.Concat(problem.Errors.Select(error => $"\n  {error.Key}: {string.Join(" ", error.Value)}"))
        : base.Message;

    /// <summary>The messages for one field of a 400 problem, such as <c>addressees[0].forceCode</c>; empty when it has none.</summary>
    public IReadOnlyCollection<string> ErrorsFor(string field) =>
        Problem is { } problem && problem.Errors.TryGetValue(field, out var messages) ? [.. messages] : [];

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
        if (problem?.Status is null)
        {
            return null;
        }

        problem.Errors ??= new Dictionary<string, ICollection<string>>(); // "errors": null in the body
        return problem;
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
