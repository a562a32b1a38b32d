using System.Text.Json;
using System.Text.RegularExpressions;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Http.Contract;
using ComplianceApi.Support;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Http;

/// <summary>The one place where exceptions become RFC 9457 problem responses; nothing else leaks out.</summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => ValidationProblem(validation),
            // A body of nothing but white space reads as no JSON at all: the same as no body.
            BadHttpRequestException { InnerException: JsonException json } when json.Message.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal) =>
                NoBodyProblem(),
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
            BadHttpRequestException bad when UnboundParameter().Match(bad.Message) is { Success: true } unbound => ParameterProblem(unbound),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLargeProblem(httpContext),
            // A multipart section over the endpoint's form limit: the form reader stops there, and says so this way.
            BadHttpRequestException { InnerException: InvalidDataException data } when data.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
                TooLargeProblem(httpContext),
            // The framework says "Implicit body inferred for parameter ... but no body was provided", naming its own parameter.
            BadHttpRequestException bad when bad.Message.Contains("but no body was provided", StringComparison.Ordinal) => NoBodyProblem(),
            BadHttpRequestException bad => Problem(bad.StatusCode, "The request could not be read.", bad.Message),
            PayloadTooLargeException tooLarge => Problem(StatusCodes.Status413PayloadTooLarge, "The upload is too large.", tooLarge.Message),
            NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found.", notFound.Message),
            UnsupportedFileTypeException unsupported => Problem(StatusCodes.Status415UnsupportedMediaType, "The file's type is not accepted.", unsupported.Message),
            QuarantinedFileException quarantined => Problem(StatusCodes.Status410Gone, "The file is quarantined.", quarantined.Message),
            ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, $"This {Credentials.Of(httpContext.User)} may not do that.", forbidden.Message),
            FourEyesException fourEyes => Problem(StatusCodes.Status403Forbidden, "A closure is signed off by another identity than the one that requested it.", fourEyes.Message),
            PreconditionFailedException precondition => PreconditionProblem(precondition),
            PreconditionRequiredException required => Problem(StatusCodes.Status428PreconditionRequired, "This write needs If-Match.", required.Message),
            CursorExpiredException expired => Problem(StatusCodes.Status410Gone, "The cursor is too old.", expired.Message),
            IdempotencyKeyInUseException inUse => Problem(StatusCodes.Status409Conflict, "The Idempotency-Key is in use.", inUse.Message),
            IdempotencyKeyReusedException reused => Problem(StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key belongs to another request.", reused.Message),
            DomainRuleException rule => Problem(StatusCodes.Status409Conflict, DomainRuleTitle, rule.Message),
            DeadlineNotUnderstoodException deadline => DeadlineProblem(deadline),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "The record changed while this request was made.",
                "Someone else changed it at the same moment; read it again and retry."),
            // The domain checks first and says which rule; this is the race past that check, answered the same way.
            DbUpdateException update when update.IsUniqueViolation() => Problem(StatusCodes.Status409Conflict, DomainRuleTitle,
                "Another request recorded a record with the same identifying values first; read it rather than creating it again."),
            _ => null,
        };

        if (problem is null)
        {
            logger.UnhandledException(exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.",
                "The error has been logged; quote the trace id when reporting it.");
        }

        httpContext.Response.StatusCode = problem.Status!.Value;

        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }))
        {
            return true;
        }

        // The caller accepts only a document (a generated client's file operation asks for text/csv): an
        // error has no CSV form, and refusing to write it would turn the 400 or 404 into a 500.
        await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, "application/problem+json", cancellationToken);
        return true;
    }

    public const string DomainRuleTitle = "The request breaks a rule of the domain.";

    /// <summary>A field breaks a few rules at most; the cap keeps a problem's size bounded in the contract.</summary>
    public const int MostMessagesPerField = 20;

    private static ProblemDetails NoBodyProblem() =>
        Problem(StatusCodes.Status400BadRequest, "The request has no body.", "This operation needs a JSON body; see the contract for its fields.");

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    /// <summary>
    /// Completes a problem the framework writes for a bare status code, with what the caller needs to put
    /// it right: routing's 404 (no such path) and 405 (with the methods the Allow header lists), a body's
    /// 415, and Kestrel's 413 for a body far over the endpoint's limit, which the minimal API's form binding
    /// answers with a bare status instead of throwing it here.
    /// </summary>
    public static void CompleteBareProblem(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not { Detail: null } bare)
        {
            return;
        }

        var request = context.HttpContext.Request;
        var completed = bare.Status switch
        {
            StatusCodes.Status404NotFound when context.HttpContext.GetEndpoint() is null => Problem(StatusCodes.Status404NotFound,
                "No such operation.", $"The service has no operation at {request.Path}; see the contract at /swagger/{OpenApi.DocumentName}/swagger.json for its paths."),
            StatusCodes.Status405MethodNotAllowed => Problem(StatusCodes.Status405MethodNotAllowed, "The method is not allowed here.",
                $"{request.Method} is not allowed on {request.Path}; it takes {AllowedMethods(context.HttpContext)}."),
            StatusCodes.Status415UnsupportedMediaType => Problem(StatusCodes.Status415UnsupportedMediaType, "The body's media type is not accepted.",
                $"This operation takes a body of type {AcceptedTypes(context.HttpContext)}; the request sent "
                + (string.IsNullOrEmpty(request.ContentType) ? "no Content-Type." : $"{request.ContentType}.")),
            StatusCodes.Status413PayloadTooLarge => TooLargeProblem(context.HttpContext),
            _ => null,
        };
        if (completed is not null)
        {
            (bare.Title, bare.Detail) = (completed.Title, completed.Detail);
        }
    }

    private static string AllowedMethods(HttpContext httpContext) =>
        httpContext.Response.Headers.Allow.ToString() is { Length: > 0 } allowed ? allowed : "other methods";

    private static string AcceptedTypes(HttpContext httpContext) =>
        httpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is { Count: > 0 } types
            ? string.Join(" or ", types)
            : "application/json";

    /// <summary>A body refused while it was read, before the endpoint saw it: the limit comes from the endpoint's metadata.</summary>
    private static ProblemDetails TooLargeProblem(HttpContext httpContext)
    {
        // The exception handler clears the endpoint before it runs; its feature keeps the one that failed.
        var metadata = (httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint())?.Metadata;
        var limit = metadata?.GetMetadata<IFormOptionsMetadata>()?.MultipartBodyLengthLimit
            ?? metadata?.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        return Problem(StatusCodes.Status413PayloadTooLarge, "The upload is too large.", limit is { } bytes
            ? $"The upload is larger than the {bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes this endpoint accepts."
            : "The upload is larger than this endpoint accepts.");
    }

    /// <summary>412, carrying the current tag so a client can tell a stale read from a missing record.</summary>
    private static ProblemDetails PreconditionProblem(PreconditionFailedException precondition)
    {
        var problem = Problem(StatusCodes.Status412PreconditionFailed, "The record has changed since it was read.", precondition.Message);
        if (precondition.CurrentTag is { } tag)
        {
            problem.Extensions["currentEtag"] = tag;
        }

        return problem;
    }

    /// <summary>422, listing the forms that are understood so the caller can reword the deadline or supply its date.</summary>
    private static ProblemDetails DeadlineProblem(DeadlineNotUnderstoodException deadline)
    {
        var problem = Problem(StatusCodes.Status422UnprocessableEntity, "The deadline cannot be resolved to a due date.", deadline.Message);
        problem.Extensions["understoodForms"] = Deadline.UnderstoodForms;
        return problem;
    }

    private static HttpValidationProblemDetails ValidationProblem(ValidationException validation) =>
        new(validation.Errors
            .GroupBy(e => JsonFieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().Take(MostMessagesPerField).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = "See errors for what is wrong with each field.",
        };

    private static HttpValidationProblemDetails JsonProblem(JsonException json)
    {
        var at = json.Path is null or "$" ? "" : json.Path.TrimStart('$', '.');
        var missing = MissingRequiredProperties().Match(json.Message);
        var unknown = UnmappedProperty().Match(json.Message);
        var field = at.Length == 0 ? "$" : at;
        var errors = missing.Success
            ? QuotedNames().Matches(missing.Groups[1].Value)
                .ToDictionary(m => at.Length == 0 ? m.Groups[1].Value : $"{at}.{m.Groups[1].Value}", _ => RequiredMessage)
            : unknown.Success
                ? new Dictionary<string, string[]> { [Child(at, unknown.Groups["name"].Value)] = [UnknownMessage] }
                : new Dictionary<string, string[]> { [field] = [json.Message == PlainText.RefusedMessage ? json.Message : "The value is not valid JSON of the expected type here."] };
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body could not be read.",
            Detail = missing.Success ? "Required fields are missing."
                : unknown.Success ? $"The body has a field this operation does not take: {errors.Keys.Single()}."
                : json.Path is null ? "The body is not valid JSON." : $"The value at {json.Path} could not be read.",
        };
    }

    private static readonly string[] RequiredMessage = ["This field is required."];
    private static readonly string UnknownMessage = "This field is not part of the request; see the contract for the fields it takes.";

    // The reader's path for an unmapped property ends at the property itself on some paths and at its object on others.
    private static string Child(string at, string name) =>
        at.Length == 0 ? name : at == name || at.EndsWith("." + name, StringComparison.Ordinal) ? at : $"{at}.{name}";

    /// <summary>A query or route value that is not of its parameter's type: an unknown enum name, a date that is not one.</summary>
    private static HttpValidationProblemDetails ParameterProblem(Match unbound)
    {
        var name = JsonNamingPolicy.CamelCase.ConvertName(unbound.Groups["name"].Value);
        var type = unbound.Groups["type"].Value;
        type = type.StartsWith("Nullable<", StringComparison.Ordinal) ? type[9..^1] : type.TrimEnd('?');
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [name] = [$"'{unbound.Groups["value"].Value}' is not a valid {type}; see the contract for the values {name} takes."],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = "See errors for what is wrong with each field.",
        };
    }

    // Minimal APIs: "Failed to bind parameter \"ResponseStatus? Status\" from \"Bogus\"."
    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\" from \"(?<value>.*)\"\\.$")]
    private static partial Regex UnboundParameter();

    // System.Text.Json: "JSON deserialization for type '...' was missing required properties including: 'grade', 'givenOn'."
    [GeneratedRegex("missing required properties including: (.+)$")]
    private static partial Regex MissingRequiredProperties();

    [GeneratedRegex("^The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedNames();

    /// <summary>
    /// Commands carry their JSON body as a property named Body; field errors are reported by their
    /// JSON path in that body ("status", "addressees[0].forceCode"), as a client sent them.
    /// </summary>
    private static string JsonFieldName(string propertyName)
    {
        // A header (Idempotency-Key) is named as it is sent.
        if (propertyName.Contains('-', StringComparison.Ordinal))
        {
            return propertyName;
        }

        var path = propertyName.StartsWith("Body.", StringComparison.Ordinal) ? propertyName[5..] : propertyName;
        return string.Join('.', path.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
    }
}
