using System.Text.RegularExpressions;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceApi.Features.Changes;

/// <summary>
/// The changes committed after a cursor, in commit order, for systems that mirror this service: a poller
/// that always passes the last nextCursor sees every change it may read exactly once (see ChangeFeed for
/// how a change that commits late is never passed over).
/// </summary>
/// <param name="After">The nextCursor (or an item's cursor) of an earlier answer; omit to start at the oldest change still kept.</param>
/// <param name="Kinds">Only changes of these kinds, comma-separated, such as response.updated,progress_update.recorded.</param>
/// <param name="ForceCode">Only changes to this force's records.</param>
/// <param name="Limit">Changes per page, 1 to 200; 50 when omitted.</param>
public sealed partial record ListChangesQuery(string? After, string? Kinds, string? ForceCode, int? Limit) : IRequest<ChangePage>
{
    /// <summary>A cursor is "changes:" and a sequence number, base64url: well under 64 characters.</summary>
    public const int MostCursorLength = 64;

    /// <summary>The most kinds one request names.</summary>
    public const int MostKinds = 50;

    public static bool TryReadCursor(string? cursor, out long after) => ChangeFeed.Cursors.TryRead(cursor, out after);

    public static string CursorAfter(long sequence) => ChangeFeed.CursorAfter(sequence);

    public static string[] KindsOf(string? kinds) => kinds is null ? [] : KindsIn(kinds);

    private static string[] KindsIn(string kinds) => kinds.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex("^[a-z_]+\\.[a-z_]+$")]
    internal static partial Regex KindPattern();
}

public sealed class ListChangesValidator : AbstractValidator<ListChangesQuery>
{
    public ListChangesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.After)
            .MaximumLength(ListChangesQuery.MostCursorLength)
            .Must(cursor => ListChangesQuery.TryReadCursor(cursor, out _))
            .WithMessage("The cursor is not one this service issued for the change feed; pass the nextCursor of an earlier answer, or omit after to start again.");
        RuleFor(q => q.Kinds)
            .MaximumLength(ListChangesQuery.MostKinds * Lengths.Code)
            .Must(kinds => kinds is null || ListChangesQuery.KindsOf(kinds).All(k => ListChangesQuery.KindPattern().IsMatch(k)))
            .WithMessage("Name kinds as record.verb, comma-separated, such as response.updated,finding.created.")
            .Must(kinds => kinds is null || ListChangesQuery.KindsOf(kinds).Length <= ListChangesQuery.MostKinds)
            .WithMessage($"Name at most {ListChangesQuery.MostKinds} kinds.");
        RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
    }
}

public sealed class ListChangesHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, IOptions<ChangeFeedOptions> options)
    : IRequestHandler<ListChangesQuery, ChangePage>
{
    public async Task<ChangePage> Handle(ListChangesQuery query, CancellationToken cancellationToken)
    {
        var windowStart = clock.GetUtcNow() - options.Value.KeepFor;
        long after;
        if (query.After is null)
        {
            after = await db.StartAsync(windowStart, cancellationToken);
        }
        else
        {
            ListChangesQuery.TryReadCursor(query.After, out after);
            if (await db.IsBeforeWindowAsync(after, windowStart, cancellationToken))
            {
                throw new CursorExpiredException(options.Value.KeepFor);
            }
        }

        var kinds = ListChangesQuery.KindsOf(query.Kinds);
        var page = await db.ReadAsync(after, events => Readable(events)
                .Where(a => kinds.Length == 0 || kinds.Contains(a.Kind))
                .Where(a => query.ForceCode == null || a.ForceCode == query.ForceCode),
            query.Limit ?? Paging.DefaultLimit, cancellationToken);
        return new ChangePage([.. page.Events.Select(ChangeView.Of)], ListChangesQuery.CursorAfter(page.Next), page.HasMore);
    }

    /// <summary>
    /// What the caller may read: a force's keys see their force's changes and national records' (ChangeFeed.SeenBy);
    /// changes to API keys and webhook subscriptions are for admins only, as the records themselves are.
    /// </summary>
    private IQueryable<AuditEvent> Readable(IQueryable<AuditEvent> events)
    {
        if (caller.ForceCodes is { } forces)
        {
            events = events.SeenBy(forces).NotAbout(caller.Restricted!);
        }

        var adminRecords = ChangeFeed.AdminRecords;
        return caller.HasAdminRole ? events : events.Where(a => !adminRecords.Contains(a.RecordType));
    }
}
