using System.Globalization;
using System.Text.RegularExpressions;

namespace ComplianceApi.Domain;

/// <summary>How a finding's due date follows from its deadline.</summary>
public enum DeadlineKind
{
    /// <summary>No deadline: no text, or words such as "None", "Not specified" or "Ongoing".</summary>
    None,

    /// <summary>"Immediately", "With immediate effect": due on the report's publication date, and moves with it.</summary>
    Immediate,

    /// <summary>A calendar day, month, year or financial year: "by 30 November 2015", "by November 2015", "by the end of 2016".</summary>
    FixedDate,

    /// <summary>A period counted from the report's publication, "within six months"; moves with the publication date.</summary>
    Relative,

    /// <summary>The due date as the caller supplied it, because the text does not resolve to it.</summary>
    Explicit,
}

/// <summary>How finely the deadline's words name the due date.</summary>
public enum DeadlinePrecision
{
    /// <summary>A day, named or counted: "by 30 November 2015", "within 28 days", "Immediately".</summary>
    Day,

    /// <summary>A month, due on its last day: "by November 2015".</summary>
    Month,

    /// <summary>A calendar year, due on 31 December: "by the end of 2016".</summary>
    Year,

    /// <summary>A financial year, due on 31 March: "by the end of the financial year 2016/17".</summary>
    FinancialYear,

    /// <summary>The caller's own due date, not derived from the words.</summary>
    AsSupplied,
}

/// <summary>
/// A deadline exactly as the report wrote it, and the due date it means for a report published on a given
/// date. Resolution is pure: the same words and publication date always give the same due date.
/// </summary>
public sealed partial record Deadline(string? Text, DeadlineKind Kind, DateOnly? DueDate, DeadlinePrecision? Precision)
{
    /// <summary>The forms resolution understands, with what each resolves to; quoted in every refusal.</summary>
    public static readonly IReadOnlyList<string> UnderstoodForms =
    [
        "\"Immediately\", \"With immediate effect\": due on the report's publication date",
        "\"by 30 November 2015\", \"by 30th November 2015\", \"by November 30, 2015\", \"by 30/11/2015\", \"not later than 31 March 2015\", \"no later than …\", \"on or before …\": due that day",
        "\"by November 2015\", \"by the end of March 2016\": due on the last day of that month",
        "\"by the end of 2016\": due on 31 December 2016",
        "\"by the end of the financial year 2016/17\", \"by the end of 2016/17\": due on 31 March 2017",
        "\"before 1 April 2016\", \"before April 2016\": due the day before the day, month or year named",
        "\"within six months\", \"within 3 months of publication\", \"within 12 weeks\", \"within 28 days\", \"within a year\", \"six months after publication\": counted from the report's publication date",
        "no text, \"None\", \"Not specified\", \"N/A\", \"Ongoing\": no deadline",
        "a deadline phrase inside a sentence (\"The force should, by 31 March 2016, …\"); numbers in words or digits; any case",
    ];

    /// <summary>No deadline at all.</summary>
    public static Deadline NoDeadline { get; } = new(null, DeadlineKind.None, null, null);

    /// <summary>Whether the due date counts from the report's publication date, and so moves when that date is corrected.</summary>
    public bool CountsFromPublication => Kind is DeadlineKind.Immediate or DeadlineKind.Relative;

    /// <summary>Resolves the report's words against its publication date.</summary>
    /// <exception cref="DeadlineNotUnderstoodException">The words name no due date this service can work out.</exception>
    public static Deadline Resolve(string? text, DateOnly? publishedOn)
    {
        var (deadline, problem) = Interpret(text, publishedOn);
        return deadline ?? throw new DeadlineNotUnderstoodException(text, problem!);
    }

    /// <summary>
    /// The deadline of a finding as a caller records it. Without a due date the words must resolve. With
    /// one, a due date that agrees with the words is their resolution (and so still moves with the
    /// publication date); any other due date, or words that do not resolve, are kept as supplied.
    /// </summary>
    public static Deadline Record(string? text, DateOnly? suppliedDueDate, DateOnly? publishedOn)
    {
        if (suppliedDueDate is null)
        {
            return Resolve(text, publishedOn);
        }

        var (resolved, _) = Interpret(text, publishedOn);
        return resolved is not null && resolved.DueDate == suppliedDueDate
            ? resolved
            : new Deadline(text, DeadlineKind.Explicit, suppliedDueDate, DeadlinePrecision.AsSupplied);
    }

    /// <summary>The same deadline for a report now published on another date: immediate and relative deadlines move, others stay.</summary>
    public Deadline FollowingPublication(DateOnly? publishedOn) => CountsFromPublication ? Resolve(Text, publishedOn) : this;

    private static (Deadline? Deadline, string? Problem) Interpret(string? text, DateOnly? publishedOn)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (NoDeadline with { Text = text }, null);
        }

        var words = Normalise(text);
        if (NoDeadlineWords().IsMatch(words))
        {
            return (NoDeadline with { Text = text }, null);
        }

        var readings = new List<Reading>();
        foreach (Match match in ImmediatePhrase().Matches(words))
        {
            readings.Add(new Reading(match.Index, match.Value, DeadlineKind.Immediate, DeadlinePrecision.Day, null, p => p));
        }

        foreach (var pattern in new[] { WithinPeriod(), PeriodAfterPublication() })
        {
            foreach (Match match in pattern.Matches(words))
            {
                if (match.Groups["other"].Success)
                {
                    return (null, $"\"{match.Value}\" counts from something other than the report's publication, which this service cannot date");
                }

                readings.Add(RelativeReading(match));
            }
        }

        foreach (Match match in KeywordedDate().Matches(words))
        {
            var (reading, problem) = CalendarReading(match);
            if (problem is not null)
            {
                return (null, problem);
            }

            readings.Add(reading!);
        }

        if (readings.Count == 0 && BareDate().Match(words) is { Success: true } bare)
        {
            var (reading, problem) = CalendarReading(bare);
            if (problem is not null)
            {
                return (null, problem);
            }

            readings.Add(reading!);
        }

        if (readings.Count == 0)
        {
            return (null, "it is not a form of deadline this service understands");
        }

        if (readings.Any(r => r.FromPublication is not null) && publishedOn is null)
        {
            var counted = readings.First(r => r.FromPublication is not null);
            return (null, $"\"{counted.Phrase}\" counts from the report's publication date, and the report has none");
        }

        var resolved = readings
            .OrderBy(r => r.Position)
            .Select(r => new Deadline(text, r.Kind, r.Fixed ?? r.FromPublication!(publishedOn!.Value), r.Precision))
            .ToList();
        if (resolved.Select(d => d.DueDate).Distinct().Count() > 1)
        {
            var phrases = string.Join(" and ", readings.OrderBy(r => r.Position).Select(r => $"\"{r.Phrase}\""));
            return (null, $"it holds more than one deadline ({phrases}), and they fall on different dates");
        }

        return (resolved[0], null);
    }

    private static Reading RelativeReading(Match match)
    {
        var count = Number(match.Groups["number"].Value);
        var unit = match.Groups["unit"].Value;
        Func<DateOnly, DateOnly> fromPublication = unit switch
        {
            _ when unit.StartsWith("fortnight", StringComparison.Ordinal) => p => p.AddDays(14 * count),
            _ when unit.StartsWith("week", StringComparison.Ordinal) => p => p.AddDays(7 * count),
            _ when unit.Contains("day", StringComparison.Ordinal) => p => p.AddDays(count),
            _ when unit.Contains("month", StringComparison.Ordinal) => p => p.AddMonths(count),
            _ => p => p.AddYears(count),
        };
        return new Reading(match.Index, match.Value, DeadlineKind.Relative, DeadlinePrecision.Day, null, fromPublication);
    }

    /// <summary>
    /// A named day, month, year or financial year is a period: "by" and "the end of" mean its last day;
    /// "before" means the day before it begins.
    /// </summary>
    private static (Reading? Reading, string? Problem) CalendarReading(Match match)
    {
        var groups = match.Groups;
        DateOnly first, last;
        DeadlinePrecision precision;
        try
        {
            if (groups["day"].Success)
            {
                var month = groups["month"].Success ? MonthNumber(groups["month"].Value) : int.Parse(groups["monthNumber"].Value, CultureInfo.InvariantCulture);
                first = last = new DateOnly(Year(groups["year"]), month, int.Parse(groups["day"].Value, CultureInfo.InvariantCulture));
                precision = DeadlinePrecision.Day;
            }
            else if (groups["fyStart"].Success)
            {
                var start = Year(groups["fyStart"]);
                var end = groups["fyEnd"].Value;
                if (int.Parse(end, CultureInfo.InvariantCulture) != (end.Length == 2 ? (start + 1) % 100 : start + 1))
                {
                    return (null, $"\"{match.Value}\" is not a financial year: one runs from April to the next March");
                }

                first = new DateOnly(start, 4, 1);
                last = new DateOnly(start + 1, 3, 31);
                precision = DeadlinePrecision.FinancialYear;
            }
            else if (groups["month"].Success)
            {
                first = new DateOnly(Year(groups["year"]), MonthNumber(groups["month"].Value), 1);
                last = first.AddMonths(1).AddDays(-1);
                precision = DeadlinePrecision.Month;
            }
            else
            {
                first = new DateOnly(Year(groups["year"]), 1, 1);
                last = new DateOnly(first.Year, 12, 31);
                precision = DeadlinePrecision.Year;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return (null, $"\"{groups["date"].Value}\" is not a date");
        }

        var before = groups["keyword"].Value == "before" && !groups["end"].Success;
        return (new Reading(match.Index, match.Value.Trim(), DeadlineKind.FixedDate, precision, before ? first.AddDays(-1) : last, null), null);
    }

    private static int Year(Group year) => int.Parse(year.Value, CultureInfo.InvariantCulture);

    private static int MonthNumber(string month) => Array.FindIndex(MonthNames, m => m.StartsWith(month[..3], StringComparison.Ordinal)) + 1;

    private static int Number(string number)
    {
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
        {
            return digits;
        }

        if (number is "a" or "an")
        {
            return 1;
        }

        return number.Split(' ').Sum(word => Array.IndexOf(Tens, word) is var ten and > 0 ? ten * 10 : Array.IndexOf(Units, word));
    }

    /// <summary>Lower case, plain apostrophes and hyphens, no ordinal suffixes, single spaces, no enclosing punctuation.</summary>
    private static string Normalise(string text)
    {
        var words = text.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'');
        words = Dashes().Replace(words, "-");
        words = HyphenBetweenWords().Replace(words, " ");
        words = OrdinalSuffix().Replace(words, "$1");
        words = Spaces().Replace(words, " ");
        return words.Trim(' ', '.', ',', ';', ':', '!', '"', '\'', '(', ')', '[', ']');
    }

    private sealed record Reading(
        int Position, string Phrase, DeadlineKind Kind, DeadlinePrecision Precision, DateOnly? Fixed, Func<DateOnly, DateOnly>? FromPublication);

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    // The pieces below are matched against normalised text (see Normalise).
    private const string NumberWords =
        "(?<number>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?: (?:one|two|three|four|five|six|seven|eight|nine))?"
        + "|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
        + "|one|two|three|four|five|six|seven|eight|nine|\\d{1,3}|an?)(?: \\(\\d{1,3}\\))?";

    // "working days" is deliberately absent: counting them needs the bank holidays of a particular year.
    private const string PeriodUnit = "(?<unit>calendar months?|calendar days?|months?|weeks?|fortnights?|days?|years?)";

    private const string Publication =
        "(?:the )?(?:date of )?(?:"
        + "(?:the )?publication(?: of (?:this|the|its) (?:inspection )?report)?"
        + "|(?:this|the) (?:inspection )?report's publication|its publication"
        + "|publishing (?:this|the) (?:inspection )?report"
        + "|(?:this|the) (?:inspection )?report(?: (?:being|is|was|having been) published)?)\\b(?! of\\b)";

    private const string Weekday = "(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),? )?";
    private const string MonthName = "(?<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";
    private const string YearNumber = "(?<year>(?:19|20)\\d{2})";

    private const string CalendarDate =
        "(?<date>" + Weekday + "(?<day>\\d{1,2}) (?:of )?" + MonthName + ",? " + YearNumber
        + "|" + Weekday + MonthName + " (?<day>\\d{1,2}),? " + YearNumber
        + "|(?<day>\\d{1,2})/(?<monthNumber>\\d{1,2})/" + YearNumber
        + "|" + YearNumber + "-(?<monthNumber>\\d{2})-(?<day>\\d{2})"
        + "|(?:(?:the )?financial year (?:of )?)?(?<fyStart>(?:19|20)\\d{2})[/-](?<fyEnd>\\d{4}|\\d{2})(?![-/\\d])(?: financial year)?"
        + "|" + MonthName + ",? " + YearNumber
        + "|" + YearNumber + "(?![-/\\d])"
        + ")\\b";

    private const string EndOf = "(?<end>end (?:of )?(?:the )?)?";

    [GeneratedRegex("^(?:none|nil|n/a|na|not applicable|ongoing|on going|-+"
        + "|no (?:deadline|date|timescale)(?: (?:given|set|specified|stated))?|(?:none|not) (?:given|set|specified|stated))$", RegexOptions.CultureInvariant)]
    private static partial Regex NoDeadlineWords();

    [GeneratedRegex("\\b(?:immediately|with immediate effect)\\b|^immediate$", RegexOptions.CultureInvariant)]
    private static partial Regex ImmediatePhrase();

    [GeneratedRegex("\\bwithin (?:the next |a period of |the first )?" + NumberWords + " " + PeriodUnit
        + "(?: (?:of|from|after|following) " + Publication + "|(?<other> (?:of|from|after|following|since) [^,;.]+))?", RegexOptions.CultureInvariant)]
    private static partial Regex WithinPeriod();

    [GeneratedRegex("(?<!within (?:the next |a period of |the first )?)\\b(?:(?:no|not) later than |by )?" + NumberWords + " " + PeriodUnit
        + " (?:after|from|following) " + Publication, RegexOptions.CultureInvariant)]
    private static partial Regex PeriodAfterPublication();

    [GeneratedRegex("\\b(?<keyword>by|before|not later than|no later than|on or before)(?: the)? " + EndOf + CalendarDate, RegexOptions.CultureInvariant)]
    private static partial Regex KeywordedDate();

    [GeneratedRegex("^(?:(?:due|deadline)(?: by| on| date)?:? )?(?:the )?" + EndOf + CalendarDate + "$", RegexOptions.CultureInvariant)]
    private static partial Regex BareDate();

    [GeneratedRegex("[\u2010\u2011\u2012\u2013\u2014\u2212]")]
    private static partial Regex Dashes();

    [GeneratedRegex("(?<=[a-z])-(?=[a-z])")]
    private static partial Regex HyphenBetweenWords();

    [GeneratedRegex("\\b(\\d{1,2})(?:st|nd|rd|th)\\b")]
    private static partial Regex OrdinalSuffix();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}

/// <summary>Deadline words that name no due date this service can work out, given without a due date; surfaces as 422.</summary>
public sealed class DeadlineNotUnderstoodException(string? text, string reason)
    : Exception($"The deadline \"{text}\" cannot be resolved: {reason}. Use one of the understood forms, or give the due date explicitly.")
{
    public string? Text { get; } = text;

    public string Reason { get; } = reason;
}
