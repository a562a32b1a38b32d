using System.Linq.Expressions;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;

namespace ComplianceApi.Data.Responses;

/// <summary>The filter parameters a list query of responses or findings takes, validated alike.</summary>
public interface IResponseFilterQuery
{
    string? ForceCode { get; }
    string? Owner { get; }
    string? Q { get; }
    int? DueWithinDays { get; }
    DateOnly? DueFrom { get; }
    DateOnly? DueTo { get; }
    string[]? Tag { get; }
}

public static class ResponseFilterValidation
{
    public static void ValidatesResponseFilters<T>(this AbstractValidator<T> validator)
        where T : IResponseFilterQuery
    {
        validator.RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
        validator.RuleFor(q => q.Owner).MaximumLength(Lengths.Name);
        validator.RuleFor(q => q.Q).MaximumLength(Lengths.Name);
        validator.RuleFor(q => q.DueWithinDays).InclusiveBetween(0, ResponseFilter.MaxDueWithinDays);
        validator.RuleFor(q => q.DueTo).GreaterThanOrEqualTo(q => q.DueFrom).When(q => q.DueFrom is not null)
            .WithMessage("dueTo cannot be before dueFrom.");
        validator.ValidatesTagFilter(q => q.Tag);
    }

    /// <summary>
    /// A <c>tag</c> filter, repeatable: a record must carry every tag given (matched ignoring case), so more
    /// tags narrow the list. The same meaning wherever records are filtered by tag.
    /// </summary>
    public static void ValidatesTagFilter<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string[]?>> tags)
    {
        validator.RuleFor(tags).MaximumCount(Tags.MaxCount)
            .WithMessage($"Give at most {Tags.MaxCount} tags: a record carries no more.");
        validator.RuleForEach(System.Linq.Expressions.Expression.Lambda<Func<T, IEnumerable<string>>>(tags.Body, tags.Parameters)).NotEmpty().MaximumLength(Tags.MaxLength);
    }

    /// <summary>
    /// A record's tags as written (a finding's or a response's): the whole set, each within the domain's rules
    /// (<see cref="Tags.ProblemWith"/>); a repeat is dropped, so a list may name up to twice the most a record keeps.
    /// </summary>
    public static void ValidatesTagList<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IReadOnlyList<string>>> tags)
    {
        var read = tags.Compile();
        validator.RuleFor(tags).NotNull().MaximumCount(Tags.MaxCount * 2).WithMessage($"Give at most {Tags.MaxCount} tags.");
        validator.RuleForEach(System.Linq.Expressions.Expression.Lambda<Func<T, IEnumerable<string>>>(tags.Body, tags.Parameters)).NotNull().MaximumLength(Tags.MaxLength);
        validator.RuleFor(tags).Must(t => Tags.ProblemWith(t) is null).WithMessage(r => Tags.ProblemWith(read(r)) ?? "")
            .When(r => read(r) is not null);
    }

    /// <summary>What the stored tag keys must each contain for the record to carry every tag of a filter.</summary>
    public static IReadOnlyList<string> TagFilterKeys(IReadOnlyList<string>? tags) =>
        tags is null ? [] : [.. tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(Tags.FilterKey).Distinct()];

    private static readonly System.Reflection.MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    /// <summary>
    /// The records carrying every tag of a filter: their stored keys (<paramref name="tagKeys"/>: a finding's, a
    /// response's, a snapshot's) contain each of <paramref name="filterKeys"/> (<see cref="TagFilterKeys"/>). The
    /// one home of the test for every kind of record that carries tags, translated to SQL.
    /// </summary>
    public static IQueryable<T> CarryingEveryTag<T>(this IQueryable<T> records, Expression<Func<T, string>> tagKeys, IReadOnlyList<string>? filterKeys)
    {
        foreach (var key in filterKeys ?? [])
        {
            // Read from a closure, as in a lambda written out, so that EF sends the key as a parameter, not a literal.
            Expression<Func<string>> value = () => key;
            records = records.Where(Expression.Lambda<Func<T, bool>>(Expression.Call(tagKeys.Body, StringContains, value.Body), tagKeys.Parameters));
        }

        return records;
    }
}

/// <summary>
/// What lists of responses (and findings, by their responses) can be filtered on, applied to the
/// responses as they stood on a date. Null means no filter.
/// </summary>
public sealed record ResponseFilter(
    Guid? InspectionId = null,
    Guid? FindingId = null,
    FindingKind? FindingKind = null,
    AddresseeKind? AddresseeKind = null,
    BusinessArea? BusinessArea = null,
    IReadOnlyList<string>? ForceCodes = null,
    ResponseStatus? Status = null,
    Rag? Rag = null,
    Rag? DerivedRag = null,
    string? Owner = null,
    bool? Overdue = null,
    int? DueWithinDays = null,
    DateOnly? DueFrom = null,
    DateOnly? DueTo = null,
    string? Text = null,
    InspectorateStatus? InspectorateStatus = null,
    bool? DisagreesWithInspectorate = null,
    IReadOnlyList<string>? Tags = null)
{
    public const int MaxDueWithinDays = 3650;

    // The text filters run in the database, which translates ToLower and Contains to lower() and a substring
    // search; the culture-aware overloads the analyzers ask for have no SQL translation.
#pragma warning disable CA1304, CA1311, CA1862
    public IQueryable<ResponseSnapshot> Apply(ComplianceDbContext db, IQueryable<ResponseSnapshot> rows, DateOnly on)
    {
        if (InspectionId is { } inspectionId)
        {
            rows = rows.Where(s => s.InspectionId == inspectionId);
        }

        if (FindingId is { } findingId)
        {
            rows = rows.Where(s => s.FindingId == findingId);
        }

        if (FindingKind is { } kind)
        {
            rows = rows.Where(s => s.FindingKind == kind);
        }

        if (AddresseeKind is { } addressee)
        {
            rows = rows.Where(s => db.Findings.Any(f => f.Id == s.FindingId && f.Addressees.Any(a => a.Kind == addressee)));
        }

        if (BusinessArea is { } area)
        {
            rows = rows.Where(s => s.BusinessArea == area);
        }

        if (ForceCodes is { } codes)
        {
            rows = codes.Count == 1 ? rows.Where(s => s.ForceCode == codes[0]) : rows.Where(s => codes.Contains(s.ForceCode));
        }

        if (Status is { } status)
        {
            rows = rows.Where(s => s.Status == status);
        }

        if (Rag is { } rag)
        {
            rows = rows.Where(s => s.Rag == rag);
        }

        if (DerivedRag is { } derived)
        {
            rows = rows.Where(ResponseSnapshots.HasDerivedRag(derived, on));
        }

        if (Owner is { } owner)
        {
            var lower = owner.ToLowerInvariant();
            rows = rows.Where(s => (s.OwnerName != null && s.OwnerName.ToLower().Contains(lower))
                || (s.OwnerRole != null && s.OwnerRole.ToLower().Contains(lower)));
        }

        if (Overdue is { } overdue)
        {
            rows = overdue
                ? rows.Where(ResponseSnapshots.IsOverdue(on))
                : rows.Where(ResponseSnapshots.IsNotOverdue(on));
        }

        if (DueWithinDays is { } days)
        {
            rows = rows.Where(ResponseSnapshots.IsDueWithin(on, days));
        }

        if (DueFrom is { } from)
        {
            rows = rows.Where(s => s.DueDate >= from);
        }

        if (DueTo is { } to)
        {
            rows = rows.Where(s => s.DueDate <= to);
        }

        if (Text is { } text)
        {
            var lower = text.ToLowerInvariant();
            rows = rows.Where(s => (s.PositionStatement != null && s.PositionStatement.ToLower().Contains(lower))
                || db.Findings.Any(f => f.Id == s.FindingId && f.Text.ToLower().Contains(lower)));
        }

        if (InspectorateStatus is { } inspectorate)
        {
            rows = rows.Where(s => s.InspectorateStatus == inspectorate);
        }

        if (DisagreesWithInspectorate is { } disagrees)
        {
            var rule = ResponseSnapshots.DisagreesWithInspectorate();
            rows = disagrees
                ? rows.Where(rule)
                : rows.Where(Expression.Lambda<Func<ResponseSnapshot, bool>>(Expression.Not(rule.Body), rule.Parameters));
        }

        return rows.CarryingEveryTag(s => s.TagKeys, ResponseFilterValidation.TagFilterKeys(Tags));
    }
#pragma warning restore CA1304, CA1311, CA1862
}
