using FluentValidation;
using FluentValidation.Results;

namespace ComplianceApi.Support;

/// <summary>The addressed record does not exist, or the caller's key may not see it; surfaces as 404.</summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    public static NotFoundException For(string what, object key) => new($"No {what} has id '{key}'.");
}

/// <summary>The caller's key may see the record but not do this to it; surfaces as 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

public static class Invalid
{
    /// <summary>A field error found by a handler (an unknown force code, say), reported like a validator's.</summary>
    public static ValidationException Field(string field, string message) =>
        new([new ValidationFailure(field, message)]);
}

/// <summary>The request carries more than the service takes in one go (an upload's size or rows); surfaces as 413.</summary>
public sealed class PayloadTooLargeException(string message) : Exception(message);

/// <summary>
/// The request's If-Match names a representation that is no longer current: someone changed the record
/// since the caller read it. Surfaces as 412 with the current tag, so the caller can read again and retry.
/// </summary>
public sealed class PreconditionFailedException(string? currentTag)
    : Exception(currentTag is null
        ? "The record does not exist, so no entity tag can match it."
        : $"The record has changed since it was read: its current entity tag is {currentTag}. Read it again, reapply the change and retry.")
{
    public string? CurrentTag { get; } = currentTag;
}

/// <summary>The deployment requires conditional writes and the request has no If-Match; surfaces as 428.</summary>
public sealed class PreconditionRequiredException()
    : Exception("This service requires If-Match on writes to an existing record: read the record, then send its ETag in If-Match.");

/// <summary>A request with the same Idempotency-Key is still being processed; surfaces as 409, and nothing is written twice.</summary>
public sealed class IdempotencyKeyInUseException()
    : Exception("A request with this Idempotency-Key is still being processed. Retry after it has finished to receive its outcome.");

/// <summary>The Idempotency-Key was used before for a different request; surfaces as 422.</summary>
public sealed class IdempotencyKeyReusedException(string firstRequest)
    : Exception($"This Idempotency-Key was used for a different request ({firstRequest}). Use a new key for each distinct request.");

/// <summary>
/// A change feed cursor from before the feed's window: changes after it may no longer be vouched for.
/// Surfaces as 410; the consumer reads the records again and starts the feed afresh.
/// </summary>
public sealed class CursorExpiredException(TimeSpan keptFor)
    : Exception($"The cursor is older than the change feed keeps ({keptFor.TotalDays:0.##} days): changes after it may be missing. "
        + "Read the records again, then follow the feed from a new start (omit after).");

/// <summary>A stored file whose bytes no longer match the hash taken when it was uploaded; surfaces as 410, and none of it is sent.</summary>
public sealed class QuarantinedFileException(string message) : Exception(message);
