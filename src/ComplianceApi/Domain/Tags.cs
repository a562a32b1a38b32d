using System.Globalization;
using System.Text;

namespace ComplianceApi.Domain;

/// <summary>
/// A record's free tags: the themes people group findings and responses by ("MoPI", "vetting", "CDI plan").
/// Kept as the spelling first given, in the order given, and matched without regard to case, so "MoPI" and
/// "mopi" are one tag. Stored as two texts: <see cref="Text"/> for people (tags joined by "; ", the
/// spreadsheets' list separator) and <see cref="Keys"/> for filters (each tag folded to lower case between
/// ";"s), so a filter is a substring test both databases run alike, whatever the letters.
/// </summary>
public sealed record Tags
{
    /// <summary>The most characters one tag may have.</summary>
    public const int MaxLength = 40;

    /// <summary>The most tags one record may carry.</summary>
    public const int MaxCount = 10;

    /// <summary>The stored text's length: every tag at its longest with a separator.</summary>
    public const int StoredLength = MaxCount * (MaxLength + 2);

    /// <summary>The characters a tag may hold besides letters, digits and single spaces; ";" separates tags in a cell and is refused.</summary>
    public const string Punctuation = "-_.&/'()+";

    public const string Rules =
        "A tag is 1 to 40 characters: letters, digits, spaces and - _ . & / ' ( ) +, starting with a letter or digit; at most 10 tags, "
        + "none repeated (tags are matched ignoring case).";

    public static readonly Tags None = new([]);

    private Tags(IReadOnlyList<string> items) => Items = items;

    /// <summary>The tags in the order given, each in its first spelling.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>The tags for people, joined by "; "; empty when there are none.</summary>
    public string Text => string.Join("; ", Items);

    /// <summary>The tags folded for filters: ";mopi;vetting;", or empty when there are none.</summary>
    public string Keys => Items.Count == 0 ? "" : ";" + string.Join(";", Items.Select(Key)) + ";";

    /// <summary>
    /// The tags given, each trimmed with inner runs of spaces made one; blanks are dropped, and so is a tag
    /// given twice in any case (the first spelling stays). Anything else the rules refuse throws.
    /// </summary>
    public static Tags From(IEnumerable<string?> given)
    {
        var items = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in given)
        {
            var tag = Tidy(raw);
            if (tag.Length == 0)
            {
                continue;
            }

            if (Problem(tag) is { } problem)
            {
                throw new DomainRuleException(problem);
            }

            if (keys.Add(Key(tag)))
            {
                items.Add(tag);
            }
        }

        if (items.Count > MaxCount)
        {
            throw new DomainRuleException($"A record carries at most {MaxCount} tags; {items.Count} were given.");
        }

        return items.Count == 0 ? None : new Tags(items);
    }

    /// <summary>What the rules say against the tags given, or null when they hold: for validators, which answer 400 before the domain is asked.</summary>
    public static string? ProblemWith(IEnumerable<string?>? given)
    {
        if (given is null)
        {
            return null;
        }

        try
        {
            From(given);
            return null;
        }
        catch (DomainRuleException rule)
        {
            return rule.Message;
        }
    }

    /// <summary>Tags as stored (<see cref="Text"/>) back into their list.</summary>
    public static IReadOnlyList<string> Split(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Tags as stored, as a set, to tell whether a write changes them.</summary>
    public static Tags Stored(string? stored) => From(Split(stored));

    /// <summary>What a filter looks for in <see cref="Keys"/> to find one tag: ";mopi;".</summary>
    public static string FilterKey(string tag) => ";" + Key(Tidy(tag)) + ";";

    public static string Key(string tag) => tag.ToLowerInvariant().Normalize(NormalizationForm.FormC);

    public bool SameAs(Tags other) => Keys == other.Keys && Text == other.Text;

    public override string ToString() => Text;

    private static string Tidy(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "";
        }

        var tidy = new StringBuilder(raw.Length);
        foreach (var c in raw.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (tidy[^1] != ' ')
                {
                    tidy.Append(' ');
                }
            }
            else
            {
                tidy.Append(c);
            }
        }

        return tidy.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string? Problem(string tag)
    {
        if (tag.Length > MaxLength)
        {
            return $"The tag '{tag[..MaxLength]}…' has {tag.Length} characters; a tag has at most {MaxLength}.";
        }

        if (!char.IsLetterOrDigit(tag[0]))
        {
            return $"The tag '{tag}' starts with '{tag[0]}'; a tag starts with a letter or digit.";
        }

        foreach (var c in tag)
        {
            if (!(char.IsLetterOrDigit(c) || c == ' ' || Punctuation.Contains(c, StringComparison.Ordinal)
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                return $"The tag '{tag}' holds '{c}'; a tag holds letters, digits, spaces and {string.Join(" ", Punctuation.ToCharArray())} only"
                    + (c == ';' ? " (';' separates tags in a spreadsheet cell: give each tag on its own)." : ".");
            }
        }

        return null;
    }
}
