using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ComplianceApi.Support;

/// <summary>One page of a list, in a stable order, with the cursor that continues it.</summary>
/// <param name="Items">The records on this page.</param>
/// <param name="TotalCount">How many records match the filters, on every page.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> to get the next page; null on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount, string? NextCursor);

/// <summary>
/// Keyset paging: a cursor names the last record seen, so pages neither repeat nor skip records when
/// others are added meanwhile (offset paging does both).
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>
    /// A cursor encodes the last record's id, or for a sorted list (KeysetOrder) its sort's name and the
    /// last record's keys as a JSON array: at most two references of 120 characters, each escaped to at
    /// most 6 bytes a character, a date and a GUID fit in 4 KiB.
    /// </summary>
    public static readonly int MaxCursorLength = Base64Url.GetEncodedLength(4096);

    public static string Encode(string lastKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastKey));

    public static bool TryDecode(string? cursor, out string lastKey)
    {
        lastKey = "";
        if (cursor is null)
        {
            return true;
        }

        try
        {
            lastKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return lastKey.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static Page<T> ToPage<T>(this List<T> fetched, int limit, int totalCount, Func<T, string> keyOf)
    {
        // Handlers fetch one more than the limit; its presence says whether another page exists.
        var hasMore = fetched.Count > limit;
        var items = hasMore ? fetched[..limit] : fetched;
        return new Page<T>(items, totalCount, hasMore ? Encode(keyOf(items[^1])) : null);
    }
}

/// <summary>
/// A cursor over the audit trail's sequence numbers, tagged with the list that issued it, so a cursor
/// from one list (the change feed) is refused by another (the audit events) rather than misread.
/// </summary>
public sealed class SequenceCursor(string list)
{
    private readonly string prefix = list + ":";

    public bool TryRead(string? cursor, out long after)
    {
        after = 0;
        return cursor is null
            || (Paging.TryDecode(cursor, out var key) && key.StartsWith(prefix, StringComparison.Ordinal)
                && long.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out after));
    }

    public string After(long sequence) => Paging.Encode(prefix + sequence.ToString(CultureInfo.InvariantCulture));
}
