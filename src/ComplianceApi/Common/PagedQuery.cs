using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Common;

/// <summary>A list query: how many records a page holds, and where the previous page ended.</summary>
public interface IPagedQuery
{
    /// <summary>Records per page, 1 to 200; 50 when omitted.</summary>
    int? Limit { get; }

    /// <summary>The nextCursor of the previous page; omit for the first page.</summary>
    string? Cursor { get; }
}

public static class PagedQueries
{
    public static void ValidatesPaging<T>(this AbstractValidator<T> validator)
        where T : IPagedQuery
    {
        validator.RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        validator.RuleFor(q => q.Cursor)
            .MaximumLength(Paging.MaxCursorLength)
            .Must(cursor => Paging.TryDecode(cursor, out var key) && (cursor is null || Guid.TryParse(key, out _)))
            .WithMessage("The cursor is not one this service issued; pass the nextCursor of the previous page.");
    }

    /// <summary>
    /// Pages records in the order of their ids. Ids are version 7 GUIDs, so that is creation order, and
    /// it stays stable while records are added.
    /// </summary>
    public static async Task<Page<TView>> ToPageByIdAsync<TEntity, TView>(
        this IQueryable<TEntity> query,
        IPagedQuery paging,
        Expression<Func<TEntity, Guid>> id,
        Expression<Func<TEntity, TView>> projection,
        Func<TView, Guid> idOfView,
        CancellationToken cancellationToken)
    {
        var limit = paging.Limit ?? Paging.DefaultLimit;
        var total = await query.CountAsync(cancellationToken);
        if (Paging.TryDecode(paging.Cursor, out var lastKey) && paging.Cursor is not null)
        {
            var after = new AfterId(Guid.Parse(lastKey));
            var afterValue = Expression.Property(Expression.Constant(after), nameof(AfterId.Value));
            var isAfter = Expression.GreaterThan(
                Expression.Call(id.Body, nameof(Guid.CompareTo), null, afterValue),
                Expression.Constant(0));
            query = query.Where(Expression.Lambda<Func<TEntity, bool>>(isAfter, id.Parameters));
        }

        var fetched = await query.OrderBy(id).Take(limit + 1).Select(projection).ToListAsync(cancellationToken);
        return fetched.ToPage(limit, total, view => idOfView(view).ToString());
    }

    // A closure-like holder, so EF sends the cursor as a parameter instead of compiling a query per value.
    private sealed record AfterId(Guid Value);
}
