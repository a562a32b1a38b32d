using System.Globalization;
using ComplianceApi.Domain;

namespace ComplianceApi.Tests.Domain;

/// <summary>
/// Police Act 1996 s55: the local policing body publishes its response "within the period of 56 days
/// beginning with the day on which the report is published". Publication day is day 1, so the last day on
/// time is 55 days after it. Each expected date below was counted by hand, month by month.
/// </summary>
public sealed class PublicationDeadlineTests
{
    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Report published on; last day on time.</summary>
    public static TheoryData<string, string> Deadlines => new()
    {
        // Building the picture: 29 more days to 31 July, then 26 into August.
        { "2015-07-02", "2015-08-26" },
        // Across a year end: 21 days to 31 December, 31 in January, 3 into February.
        { "2015-12-10", "2016-02-03" },
        // A leap February: 24 days to 29 February, then 31 in March.
        { "2016-02-05", "2016-03-31" },
        // The same day of a common year: 23 days to 28 February, 31 in March, 1 into April.
        { "2015-02-05", "2015-04-01" },
        // From a month's last day: 29 days of a leap February, then 26 into March; 28 days in a common year, then 27.
        { "2020-01-31", "2020-03-26" },
        { "2021-01-31", "2021-03-27" },
        // From a year's last day: 31 days of January, 24 into February.
        { "2023-12-31", "2024-02-24" },
        // Landing on 29 February: 26 days to 31 January, then 29.
        { "2024-01-05", "2024-02-29" },
        // A crime data integrity report: 2 days to 30 November, 31 in December, 22 into January.
        { "2017-11-28", "2018-01-22" },
    };

    [Theory, MemberData(nameof(Deadlines))]
    public void The_deadline_is_day_56_counting_the_reports_publication_day_as_day_1(string publishedOn, string dueOn)
    {
        var deadline = new PublicationDeadline(Day(publishedOn));

        Assert.Equal(Day(dueOn), deadline.DueOn);
        Assert.Equal(56, deadline.DayOf(deadline.DueOn));
        Assert.Equal(1, deadline.DayOf(Day(publishedOn)));
    }

    [Fact]
    public void A_response_published_on_day_56_is_on_time_and_one_on_day_57_is_late()
    {
        var deadline = new PublicationDeadline(new DateOnly(2016, 2, 5));

        Assert.Equal(56, deadline.DayOf(new DateOnly(2016, 3, 31)));
        Assert.True(deadline.IsOnTime(new DateOnly(2016, 3, 31)));
        Assert.Equal(57, deadline.DayOf(new DateOnly(2016, 4, 1)));
        Assert.False(deadline.IsOnTime(new DateOnly(2016, 4, 1)));
        Assert.True(deadline.IsOnTime(new DateOnly(2016, 2, 5)));
    }

    [Fact]
    public void Days_left_are_zero_on_the_last_day_and_negative_once_it_has_passed()
    {
        var deadline = new PublicationDeadline(new DateOnly(2015, 12, 10));

        Assert.Equal(55, deadline.DaysLeft(new DateOnly(2015, 12, 10)));
        Assert.Equal(3, deadline.DaysLeft(new DateOnly(2016, 1, 31)));
        Assert.Equal(0, deadline.DaysLeft(new DateOnly(2016, 2, 3)));
        Assert.Equal(-1, deadline.DaysLeft(new DateOnly(2016, 2, 4)));
    }

    /// <summary>Force code; force name; report published on; body kind; body name.</summary>
    public static TheoryData<string, string, string, LocalPolicingBodyKind, string> Bodies => new()
    {
        { "lancashire", "Lancashire Constabulary", "2017-11-28", LocalPolicingBodyKind.PoliceAndCrimeCommissioner, "Police and Crime Commissioner for Lancashire" },
        { "hampshire", "Hampshire and Isle of Wight Constabulary", "2022-01-01", LocalPolicingBodyKind.PoliceAndCrimeCommissioner, "Police and Crime Commissioner for Hampshire and Isle of Wight" },
        { "metropolitan", "Metropolitan Police Service", "2015-07-02", LocalPolicingBodyKind.MayorsOfficeForPolicingAndCrime, "Mayor's Office for Policing and Crime" },
        { "city-of-london", "City of London Police", "2015-07-02", LocalPolicingBodyKind.CommonCouncil, "Common Council of the City of London" },
        // Greater Manchester's mayor took on the commissioner's functions on 8 May 2017.
        { "greater-manchester", "Greater Manchester Police", "2017-05-07", LocalPolicingBodyKind.PoliceAndCrimeCommissioner, "Police and Crime Commissioner for Greater Manchester" },
        { "greater-manchester", "Greater Manchester Police", "2017-05-08", LocalPolicingBodyKind.Mayor, "Mayor of Greater Manchester" },
        { "west-yorkshire", "West Yorkshire Police", "2021-05-10", LocalPolicingBodyKind.Mayor, "Mayor of West Yorkshire" },
    };

    [Theory, MemberData(nameof(Bodies))]
    public void A_territorial_forces_local_policing_body_is_derived_from_the_force_and_the_reports_date(
        string code, string name, string publishedOn, LocalPolicingBodyKind kind, string bodyName)
    {
        var body = LocalPolicingBody.DefaultFor(new Force(code, name, ForceKind.Territorial), Day(publishedOn));

        Assert.Equal(new LocalPolicingBody(kind, bodyName), body);
    }

    [Fact]
    public void National_forces_and_collaborations_have_no_default_body()
    {
        Assert.Null(LocalPolicingBody.DefaultFor(new Force("british-transport-police", "British Transport Police", ForceKind.National), new DateOnly(2020, 1, 1)));
        Assert.Null(LocalPolicingBody.DefaultFor(new Force("bch", "Bedfordshire, Cambridgeshire and Hertfordshire", ForceKind.Collaboration), new DateOnly(2020, 1, 1)));
    }
}
