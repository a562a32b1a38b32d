using ComplianceApi.Data;
using ComplianceApi.Support;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Audit;

/// <summary>
/// The audit trail, oldest first, as a feed: each page continues after the last event of the one before,
/// so a reader that keeps its last cursor misses nothing recorded later. A force's admins read their
/// force's events only.
/// </summary>
/// <param name="Kind">Only events of this kind, such as response.updated.</param>
/// <param name="RecordType">Only events about records of this type, such as response or key.</param>
/// <param name="RecordId">Only events about the record with this id.</param>
/// <param name="ForceCode">Only events about this force's records.</param>
/// <param name="ClientId">Only changes made by the client with this id: an API key's id, or a bearer token's clientId:subject.</param>
/// <param name="From">Only events at or after this instant (ISO 8601, such as 2026-01-31T14:05:00Z; without an offset, UTC; a date alone is its start, UTC).</param>
/// <param name="To">Only events before this instant, written as from is.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListAuditEventsQuery(
    string? Kind,
    string? RecordType,
    string? RecordId,
    string? ForceCode,
    string? ClientId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int? Limit,
    string? Cursor) : IRequest<Page<AuditEventView>>, IPagedQuery
{
    /// <summary>A cursor names the last event's sequence number.</summary>
    public static bool TryReadCursor(string? cursor, out long after) => Cursors.TryRead(cursor, out after);

    public static string CursorAfter(long sequence) => Cursors.After(sequence);

    private static readonly SequenceCursor Cursors = new("audit");
}

public sealed class ListAuditEventsValidator : AbstractValidator<ListAuditEventsQuery>
{
    public ListAuditEventsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor)
            .MaximumLength(Paging.MaxCursorLength)
            .Must(cursor => ListAuditEventsQuery.TryReadCursor(cursor, out _))
            .WithMessage("The cursor is not one this service issued for the audit trail; pass the nextCursor of the previous page.");
        RuleFor(q => q.Kind).MaximumLength(Lengths.Name);
        RuleFor(q => q.RecordType).MaximumLength(Lengths.Code);
        RuleFor(q => q.RecordId).MaximumLength(Lengths.Name);
        RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
        RuleFor(q => q.ClientId).MaximumLength(Lengths.Name);
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("to must be later than from.");
    }
}

public sealed class ListAuditEventsHandler(ComplianceDbContext db, Caller caller) : IRequestHandler<ListAuditEventsQuery, Page<AuditEventView>>
{
    public async Task<Page<AuditEventView>> Handle(ListAuditEventsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Paging.DefaultLimit;
        var events = db.AuditEvents.AsNoTracking()
            .Where(a => query.Kind == null || a.Kind == query.Kind)
            .Where(a => query.RecordType == null || a.RecordType == query.RecordType)
            .Where(a => query.RecordId == null || a.RecordId == query.RecordId)
            .Where(a => query.ForceCode == null || a.ForceCode == query.ForceCode)
            .Where(a => query.ClientId == null || a.ClientId == query.ClientId)
            .Where(a => query.From == null || a.OccurredAt >= query.From)
            .Where(a => query.To == null || a.OccurredAt < query.To);
        if (caller.ForceCodes is { } forces)
        {
            events = events.Where(a => a.ForceCode != null && forces.Contains(a.ForceCode)).NotAbout(caller.Restricted!);
        }

        var total = await events.CountAsync(cancellationToken);
        ListAuditEventsQuery.TryReadCursor(query.Cursor, out var after);
        var fetched = await events.Where(a => a.Sequence > after).OrderBy(a => a.Sequence).Take(limit + 1).ToListAsync(cancellationToken);
        var hasMore = fetched.Count > limit;
        var items = (hasMore ? fetched[..limit] : fetched).Select(AuditEventView.Of).ToList();
        return new Page<AuditEventView>(items, total, hasMore ? ListAuditEventsQuery.CursorAfter(items[^1].Sequence) : null);
    }
}
