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
