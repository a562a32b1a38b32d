using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Support;

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

    /// <summary>Paging by a <see cref="KeysetOrder{TRow}"/>: the cursor must be one issued for the order the query asks for.</summary>
    public static void ValidatesKeysetPaging<T, TRow>(this AbstractValidator<T> validator, Func<T, KeysetOrder<TRow>> order)
        where T : IPagedQuery
    {
        validator.RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        validator.RuleFor(q => q.Cursor)
            .MaximumLength(Paging.MaxCursorLength)
            .Must((query, cursor) => cursor is null || order(query).CanContinueFrom(cursor))
            .WithMessage("The cursor is not one this service issued for this sort; pass the nextCursor of the previous page.");
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

/// <summary>
/// A sort order a list pages through with composite keyset cursors: the cursor holds the last record's
/// sort keys and id, and the next page starts strictly after them. Records added or removed meanwhile
/// neither repeat nor skip the others, as long as their own keys do not change.
/// </summary>
/// <remarks>The last key must be unique (the id), so the order is total.</remarks>
public sealed class KeysetOrder<TRow>
{
    private readonly List<KeysetKey<TRow>> _keys = [];

    public KeysetOrder(string name) => Name = name;

    /// <summary>Written into every cursor, so a cursor of another order is refused rather than misread.</summary>
    public string Name { get; }

    public KeysetOrder<TRow> Ascending<TKey>(Expression<Func<TRow, TKey>> key)
    {
        _keys.Add(new KeysetKey<TRow>(key, descending: false));
        return this;
    }

    public KeysetOrder<TRow> Descending<TKey>(Expression<Func<TRow, TKey>> key)
    {
        _keys.Add(new KeysetKey<TRow>(key, descending: true));
        return this;
    }

    public bool CanContinueFrom(string cursor) => TryRead(cursor, out _);

    public async Task<Page<TView>> ToPageAsync<TView>(
        IQueryable<TRow> query,
        IPagedQuery paging,
        Expression<Func<TRow, Guid>> id,
        Func<TRow, TView> view,
        CancellationToken cancellationToken)
    {
        var limit = paging.Limit ?? Paging.DefaultLimit;
        var page = query;
        if (paging.Cursor is not null)
        {
            if (!TryRead(paging.Cursor, out var after))
            {
                throw Invalid.Field("cursor", "The cursor is not one this service issued for this sort; pass the nextCursor of the previous page.");
            }

            page = page.Where(After(after));
        }

        // Two steps: find the page's ids with only what filtering and sorting need, then read the full
        // rows of those alone; the costly columns of a past date's state are then computed for one page.
        var ids = await Sorted(page).Take(limit + 1).Select(id).ToListAsync(cancellationToken);

        // A first page that holds the whole list (a finding's responses, one a force) has counted it already.
        var total = paging.Cursor is null && ids.Count <= limit ? ids.Count : await query.CountAsync(cancellationToken);
        var isOneOf = Expression.Lambda<Func<TRow, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], Bound.Parameter(typeof(List<Guid>), ids), id.Body),
            id.Parameters);
        var rows = await query.Where(isOneOf).ToListAsync(cancellationToken);
        var compiledId = id.Compile(preferInterpretation: true);
        var position = ids.Select((value, index) => (value, index)).ToDictionary(p => p.value, p => p.index);
        var fetched = rows.OrderBy(r => position[compiledId(r)]).ToList();
        var hasMore = fetched.Count > limit;
        var items = hasMore ? fetched[..limit] : fetched;
        return new Page<TView>(items.Select(view).ToList(), total, hasMore ? CursorAfter(items[^1]) : null);
    }

    private IOrderedQueryable<TRow> Sorted(IQueryable<TRow> query)
    {
        var sorted = _keys[0].OrderBy(query);
        foreach (var key in _keys.Skip(1))
        {
            sorted = key.ThenBy(sorted);
        }

        return sorted;
    }

    private string CursorAfter(TRow row) =>
        Paging.Encode(JsonSerializer.Serialize(_keys.Select(k => k.Format(row)).Prepend(Name).ToArray()));

    private bool TryRead(string cursor, out object[] values)
    {
        values = [];
        try
        {
            if (!Paging.TryDecode(cursor, out var json)
                || JsonSerializer.Deserialize<string[]>(json) is not { } parts
                || parts.Length != _keys.Count + 1
                || parts[0] != Name)
            {
                return false;
            }

            var read = new object[_keys.Count];
            for (var i = 0; i < _keys.Count; i++)
            {
                if (!_keys[i].TryParse(parts[i + 1], out var value))
                {
                    return false;
                }

                read[i] = value;
            }

            values = read;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>k1 after v1, or k1 = v1 and (k2 after v2, or k2 = v2 and (...)).</summary>
    private Expression<Func<TRow, bool>> After(object[] values)
    {
        var row = Expression.Parameter(typeof(TRow), "row");
        Expression? condition = null;
        for (var i = _keys.Count - 1; i >= 0; i--)
        {
            var isAfter = _keys[i].IsAfter(row, values[i]);
            condition = condition is null
                ? isAfter
                : Expression.OrElse(isAfter, Expression.AndAlso(_keys[i].IsEqual(row, values[i]), condition));
        }

        return Expression.Lambda<Func<TRow, bool>>(condition!, row);
    }
}

/// <summary>One key of a <see cref="KeysetOrder{TRow}"/>: a Guid, date, integer or string, never null.</summary>
internal sealed class KeysetKey<TRow>
{
    private readonly LambdaExpression _selector;
    private readonly Type _type;
    private readonly bool _descending;
    private readonly Func<TRow, object> _read;

    internal KeysetKey(LambdaExpression selector, bool descending)
    {
        _selector = selector;
        _type = selector.ReturnType;
        _descending = descending;
        // Read once a page, for the cursor's last row. Orders are built per request, and compiling every key
        // made up much of an uncached list page: a plain column is read through its property, and only a
        // computed key is compiled, when first read. (The interpreter would be cheaper, but it fails on
        // lifted comparisons of a nullable DateOnly.)
        if (selector.Body is MemberExpression { Member: PropertyInfo property, Expression: ParameterExpression })
        {
            _read = row => property.GetValue(row)!;
        }
        else
        {
            var compiled = new Lazy<Delegate>(() => selector.Compile());
            _read = row => compiled.Value.DynamicInvoke(row)!;
        }
        if (_type != typeof(Guid) && _type != typeof(DateOnly) && _type != typeof(int) && _type != typeof(string))
        {
            throw new NotSupportedException($"A keyset key is a Guid, DateOnly, int or string, not {_type.Name}.");
        }
    }

    internal IOrderedQueryable<TRow> OrderBy(IQueryable<TRow> query) => Order(query, _descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy));

    internal IOrderedQueryable<TRow> ThenBy(IOrderedQueryable<TRow> query) => Order(query, _descending ? nameof(Queryable.ThenByDescending) : nameof(Queryable.ThenBy));

    internal string Format(TRow row) => _read(row) switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        Guid guid => guid.ToString("D"),
        var text => (string)text,
    };

    internal bool TryParse(string text, out object value)
    {
        value = text;
        if (_type == typeof(DateOnly))
        {
            var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            value = date;
            return ok;
        }

        if (_type == typeof(int))
        {
            var ok = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number);
            value = number;
            return ok;
        }

        if (_type == typeof(Guid))
        {
            var ok = Guid.TryParse(text, out var guid);
            value = guid;
            return ok;
        }

        return true;
    }

    internal Expression IsAfter(ParameterExpression row, object value)
    {
        var key = KeyOf(row);
        var bound = Parameter(value);

        // Guids and strings have no < operator in C#; EF translates CompareTo and string.Compare against 0 to one.
        var (left, right) = _type == typeof(Guid) ? (Expression.Call(key, GuidCompareTo, bound), Expression.Constant(0))
            : _type == typeof(string) ? (Expression.Call(StringCompare, key, bound), Expression.Constant(0))
            : (key, bound);
        return _descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
    }

    internal Expression IsEqual(ParameterExpression row, object value) => Expression.Equal(KeyOf(row), Parameter(value));

    private static readonly MethodInfo GuidCompareTo = typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private Expression KeyOf(ParameterExpression row) => new ReplaceParameter(_selector.Parameters[0], row).Visit(_selector.Body);

    // A property of a closure-like holder, so EF sends the value as a parameter instead of compiling a query per value.
    private Expression Parameter(object value) => Bound.Parameter(_type, value);

    private IOrderedQueryable<TRow> Order(IQueryable<TRow> query, string method) =>
        (IOrderedQueryable<TRow>)query.Provider.CreateQuery<TRow>(Expression.Call(
            typeof(Queryable), method, [typeof(TRow), _type], query.Expression, Expression.Quote(_selector)));

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>
/// A value read through a property of a closure-like holder, as C# closures are, so EF sends it as a
/// parameter instead of compiling a new query for every value.
/// </summary>
internal static class Bound
{
    public static Expression Parameter(Type type, object value)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), nameof(Holder<object>.Value));
    }

    private sealed record Holder<T>(T Value);
}
