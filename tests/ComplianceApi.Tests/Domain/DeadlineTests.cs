using ComplianceApi.Domain;
using ComplianceApi.Tests.Infrastructure;

namespace ComplianceApi.Tests.Domain;

/// <summary>
/// Deadline words as inspection reports write them, resolved against a publication date. "Building the
/// picture" was published on 2 July 2015, so most relative rows count from that day.
/// </summary>
public sealed class DeadlineTests
{
    private const string BuildingThePicture = "2015-07-02";

    /// <summary>Text; publication date; kind; due date; precision.</summary>
    public static TheoryData<string?, string?, DeadlineKind, string?, DeadlinePrecision?> Resolutions => new()
    {
        // Immediate: due on publication.
        { "Immediately", BuildingThePicture, DeadlineKind.Immediate, "2015-07-02", DeadlinePrecision.Day },
        { "IMMEDIATELY", BuildingThePicture, DeadlineKind.Immediate, "2015-07-02", DeadlinePrecision.Day },
        { "Immediate", BuildingThePicture, DeadlineKind.Immediate, "2015-07-02", DeadlinePrecision.Day },
        { "With immediate effect", BuildingThePicture, DeadlineKind.Immediate, "2015-07-02", DeadlinePrecision.Day },
        { "with immediate effect.", "2017-11-28", DeadlineKind.Immediate, "2017-11-28", DeadlinePrecision.Day },
        { "Immediately, with immediate effect", BuildingThePicture, DeadlineKind.Immediate, "2015-07-02", DeadlinePrecision.Day },
        { FindingTestData.Recommendation8Text, BuildingThePicture, DeadlineKind.Immediate, "2015-07-02", DeadlinePrecision.Day },

        // A month: due on its last day.
        { "by November 2015", BuildingThePicture, DeadlineKind.FixedDate, "2015-11-30", DeadlinePrecision.Month },
        { "By November 2015", null, DeadlineKind.FixedDate, "2015-11-30", DeadlinePrecision.Month },
        { FindingTestData.ByNovember2015Text, BuildingThePicture, DeadlineKind.FixedDate, "2015-11-30", DeadlinePrecision.Month },
        { "by Nov 2015", BuildingThePicture, DeadlineKind.FixedDate, "2015-11-30", DeadlinePrecision.Month },
        { "by February 2016", BuildingThePicture, DeadlineKind.FixedDate, "2016-02-29", DeadlinePrecision.Month },
        { "by the end of March 2016", BuildingThePicture, DeadlineKind.FixedDate, "2016-03-31", DeadlinePrecision.Month },
        { "by end-March 2016", BuildingThePicture, DeadlineKind.FixedDate, "2016-03-31", DeadlinePrecision.Month },
        { "November 2015", BuildingThePicture, DeadlineKind.FixedDate, "2015-11-30", DeadlinePrecision.Month },

        // A day.
        { "by 30 November 2015", BuildingThePicture, DeadlineKind.FixedDate, "2015-11-30", DeadlinePrecision.Day },
        { "by 30th November 2015", BuildingThePicture, DeadlineKind.FixedDate, "2015-11-30", DeadlinePrecision.Day },
        { "By the 30th of November 2015", BuildingThePicture, DeadlineKind.FixedDate, "2015-11-30", DeadlinePrecision.Day },
        { "November 30, 2015", BuildingThePicture, DeadlineKind.FixedDate, "2015-11-30", DeadlinePrecision.Day },
        { "by November 30th, 2015", BuildingThePicture, DeadlineKind.FixedDate, "2015-11-30", DeadlinePrecision.Day },
        { "30 November 2015", null, DeadlineKind.FixedDate, "2015-11-30", DeadlinePrecision.Day },
        { "not later than 31 March 2015", null, DeadlineKind.FixedDate, "2015-03-31", DeadlinePrecision.Day },
        { "No later than 31 March 2018", "2017-11-28", DeadlineKind.FixedDate, "2018-03-31", DeadlinePrecision.Day },
        { "on or before 31/03/2016", BuildingThePicture, DeadlineKind.FixedDate, "2016-03-31", DeadlinePrecision.Day },
        { "by 2016-03-31", BuildingThePicture, DeadlineKind.FixedDate, "2016-03-31", DeadlinePrecision.Day },
        { "by Thursday 31 March 2016", BuildingThePicture, DeadlineKind.FixedDate, "2016-03-31", DeadlinePrecision.Day },
        { "The force should, by 31 March 2016, put in place a plan", BuildingThePicture, DeadlineKind.FixedDate, "2016-03-31", DeadlinePrecision.Day },
        { "By 30 September 2017, all chief constables should review their arrangements", "2017-03-02", DeadlineKind.FixedDate, "2017-09-30", DeadlinePrecision.Day },

        // "before" excludes the day, month or year it names.
        { "before 1 April 2016", BuildingThePicture, DeadlineKind.FixedDate, "2016-03-31", DeadlinePrecision.Day },
        { "before 31 March 2016", BuildingThePicture, DeadlineKind.FixedDate, "2016-03-30", DeadlinePrecision.Day },
        { "before April 2016", BuildingThePicture, DeadlineKind.FixedDate, "2016-03-31", DeadlinePrecision.Month },
        { "before 2017", BuildingThePicture, DeadlineKind.FixedDate, "2016-12-31", DeadlinePrecision.Year },
        { "before the end of 2016", BuildingThePicture, DeadlineKind.FixedDate, "2016-12-31", DeadlinePrecision.Year },

        // A year, and a financial year (April to March).
        { "by the end of 2016", BuildingThePicture, DeadlineKind.FixedDate, "2016-12-31", DeadlinePrecision.Year },
        { "By end of 2016", BuildingThePicture, DeadlineKind.FixedDate, "2016-12-31", DeadlinePrecision.Year },
        { "by 2020", BuildingThePicture, DeadlineKind.FixedDate, "2020-12-31", DeadlinePrecision.Year },
        { "by the end of the financial year 2016/17", BuildingThePicture, DeadlineKind.FixedDate, "2017-03-31", DeadlinePrecision.FinancialYear },
        { "by the end of 2016/17", BuildingThePicture, DeadlineKind.FixedDate, "2017-03-31", DeadlinePrecision.FinancialYear },
        { "by the end of the 2016-17 financial year", BuildingThePicture, DeadlineKind.FixedDate, "2017-03-31", DeadlinePrecision.FinancialYear },
        { "by end of financial year 2016/2017", BuildingThePicture, DeadlineKind.FixedDate, "2017-03-31", DeadlinePrecision.FinancialYear },

        // Counted from publication, in words or digits.
        { "within six months", BuildingThePicture, DeadlineKind.Relative, "2016-01-02", DeadlinePrecision.Day },
        { "Within 3 months of publication", BuildingThePicture, DeadlineKind.Relative, "2015-10-02", DeadlinePrecision.Day },
        { "within three months of the publication of this report", BuildingThePicture, DeadlineKind.Relative, "2015-10-02", DeadlinePrecision.Day },
        { "within six months of this report being published", BuildingThePicture, DeadlineKind.Relative, "2016-01-02", DeadlinePrecision.Day },
        { "within 12 weeks", BuildingThePicture, DeadlineKind.Relative, "2015-09-24", DeadlinePrecision.Day },
        { "within twelve weeks", BuildingThePicture, DeadlineKind.Relative, "2015-09-24", DeadlinePrecision.Day },
        { "within 28 days", BuildingThePicture, DeadlineKind.Relative, "2015-07-30", DeadlinePrecision.Day },
        { "Within twenty-eight days", BuildingThePicture, DeadlineKind.Relative, "2015-07-30", DeadlinePrecision.Day },
        { "within twenty eight days", BuildingThePicture, DeadlineKind.Relative, "2015-07-30", DeadlinePrecision.Day },
        { "within a fortnight", BuildingThePicture, DeadlineKind.Relative, "2015-07-16", DeadlinePrecision.Day },
        { "within a month", BuildingThePicture, DeadlineKind.Relative, "2015-08-02", DeadlinePrecision.Day },
        { "within eighteen months", BuildingThePicture, DeadlineKind.Relative, "2017-01-02", DeadlinePrecision.Day },
        { "within six (6) months", BuildingThePicture, DeadlineKind.Relative, "2016-01-02", DeadlinePrecision.Day },
        { "within a year", BuildingThePicture, DeadlineKind.Relative, "2016-07-02", DeadlinePrecision.Day },
        { "within 6 months", "2015-08-31", DeadlineKind.Relative, "2016-02-29", DeadlinePrecision.Day },
        { "Six months after publication", BuildingThePicture, DeadlineKind.Relative, "2016-01-02", DeadlinePrecision.Day },
        { "not later than six months after the publication of this report", BuildingThePicture, DeadlineKind.Relative, "2016-01-02", DeadlinePrecision.Day },
        { "Chief constables should, within six months, review their policies", BuildingThePicture, DeadlineKind.Relative, "2016-01-02", DeadlinePrecision.Day },
        { "Within three months, the force should put in place an action plan", "2018-06-28", DeadlineKind.Relative, "2018-09-28", DeadlinePrecision.Day },

        // No deadline.
        { null, BuildingThePicture, DeadlineKind.None, null, null },
        { "", BuildingThePicture, DeadlineKind.None, null, null },
        { "   ", null, DeadlineKind.None, null, null },
        { "None", BuildingThePicture, DeadlineKind.None, null, null },
        { "none.", BuildingThePicture, DeadlineKind.None, null, null },
        { "Not specified", BuildingThePicture, DeadlineKind.None, null, null },
        { "No deadline given", BuildingThePicture, DeadlineKind.None, null, null },
        { "N/A", null, DeadlineKind.None, null, null },
        { "Ongoing", BuildingThePicture, DeadlineKind.None, null, null },
        { "On-going", BuildingThePicture, DeadlineKind.None, null, null },
        { "-", BuildingThePicture, DeadlineKind.None, null, null },
    };

    /// <summary>Text; publication date; what the refusal says.</summary>
    public static TheoryData<string, string?, string> Refusals => new()
    {
        { "by spring 2016", BuildingThePicture, "not a form of deadline" },
        { "by Q3 2016", BuildingThePicture, "not a form of deadline" },
        { "as soon as possible", BuildingThePicture, "not a form of deadline" },
        { "by the end of the year", BuildingThePicture, "not a form of deadline" },
        { "within 10 working days", BuildingThePicture, "not a form of deadline" },
        { "TBC", BuildingThePicture, "not a form of deadline" },
        { "by November", BuildingThePicture, "not a form of deadline" },
        { "by 31 November 2015", BuildingThePicture, "\"31 november 2015\" is not a date" },
        { "31 November 2015", BuildingThePicture, "is not a date" },
        { "by 30/13/2015", BuildingThePicture, "is not a date" },
        { "by the end of financial year 2016/18", BuildingThePicture, "is not a financial year" },
        { "within six months", null, "\"within six months\" counts from the report's publication date, and the report has none" },
        { "Immediately", null, "counts from the report's publication date, and the report has none" },
        { "within six months of the new guidance being issued", BuildingThePicture, "counts from something other than the report's publication" },
        { "within three months of the publication of the new APP", BuildingThePicture, "counts from something other than the report's publication" },
        { "Immediately, and in any case by 31 March 2016", BuildingThePicture, "more than one deadline" },
        { "by 31 March 2016 or by 30 June 2016", BuildingThePicture, "more than one deadline" },
    };

    [Theory, MemberData(nameof(Resolutions))]
    public void Deadline_words_resolve_against_the_publication_date(
        string? text, string? publishedOn, DeadlineKind kind, string? dueDate, DeadlinePrecision? precision)
    {
        var deadline = Deadline.Resolve(text, Date(publishedOn));

        Assert.Equal(new Deadline(text, kind, Date(dueDate), precision), deadline);
    }

    [Theory, MemberData(nameof(Refusals))]
    public void Words_that_name_no_due_date_are_refused_with_the_reason(string text, string? publishedOn, string reason)
    {
        var refusal = Assert.Throws<DeadlineNotUnderstoodException>(() => Deadline.Resolve(text, Date(publishedOn)));

        Assert.Contains(reason, refusal.Reason, StringComparison.Ordinal);
        Assert.Contains($"\"{text}\"", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_supplied_due_date_is_kept_as_supplied_when_the_words_cannot_be_resolved()
    {
        var publishedOn = Date(BuildingThePicture);

        Assert.Equal(new Deadline("by spring 2016", DeadlineKind.Explicit, new DateOnly(2016, 5, 31), DeadlinePrecision.AsSupplied),
            Deadline.Record("by spring 2016", new DateOnly(2016, 5, 31), publishedOn));
        Assert.Equal(new Deadline("within six months", DeadlineKind.Explicit, new DateOnly(2016, 1, 2), DeadlinePrecision.AsSupplied),
            Deadline.Record("within six months", new DateOnly(2016, 1, 2), publishedOn: null));
        Assert.Equal(new Deadline(null, DeadlineKind.Explicit, new DateOnly(2016, 1, 2), DeadlinePrecision.AsSupplied),
            Deadline.Record(null, new DateOnly(2016, 1, 2), publishedOn));
        Assert.Throws<DeadlineNotUnderstoodException>(() => Deadline.Record("by spring 2016", null, publishedOn));
    }

    [Fact]
    public void A_supplied_due_date_that_agrees_with_the_words_keeps_their_resolution_and_one_that_differs_is_explicit()
    {
        var publishedOn = Date(BuildingThePicture);

        Assert.Equal(DeadlineKind.Relative, Deadline.Record("within six months", new DateOnly(2016, 1, 2), publishedOn).Kind);
        Assert.Equal(DeadlinePrecision.Month, Deadline.Record("by November 2015", new DateOnly(2015, 11, 30), publishedOn).Precision);
        var moved = Deadline.Record("within six months", new DateOnly(2016, 3, 31), publishedOn);
        Assert.Equal(new Deadline("within six months", DeadlineKind.Explicit, new DateOnly(2016, 3, 31), DeadlinePrecision.AsSupplied), moved);
    }

    [Fact]
    public void Immediate_and_relative_deadlines_follow_a_corrected_publication_date_and_others_stay()
    {
        var published = Date(BuildingThePicture);
        var corrected = new DateOnly(2015, 7, 9);

        Assert.Equal(corrected, Deadline.Resolve("Immediately", published).FollowingPublication(corrected).DueDate);
        Assert.Equal(new DateOnly(2016, 1, 9), Deadline.Resolve("within six months", published).FollowingPublication(corrected).DueDate);
        var fixedDate = Deadline.Resolve("by November 2015", published);
        Assert.Same(fixedDate, fixedDate.FollowingPublication(corrected));
        var explicitDate = Deadline.Record("by spring 2016", new DateOnly(2016, 5, 31), published);
        Assert.Same(explicitDate, explicitDate.FollowingPublication(corrected));
        Assert.Throws<DeadlineNotUnderstoodException>(() => Deadline.Resolve("within six months", published).FollowingPublication(null));
    }

    private static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
