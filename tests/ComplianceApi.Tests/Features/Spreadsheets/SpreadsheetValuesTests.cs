using ComplianceApi.Domain;
using ComplianceApi.Features.Spreadsheets;

namespace ComplianceApi.Tests.Features.Spreadsheets;

public sealed class SpreadsheetValuesTests
{
    [Theory]
    [InlineData("InProgress")]
    [InlineData("in progress")]
    [InlineData(" IN-PROGRESS ")]
    [InlineData("in_progress")]
    public void A_choice_is_read_whatever_its_case_spacing_and_punctuation(string text)
    {
        Assert.True(SpreadsheetValues.TryParseEnum<ResponseStatus>(text, out var status));
        Assert.Equal(ResponseStatus.InProgress, status);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("")]
    [InlineData("Started")]
    [InlineData("Red, Green")]
    public void A_number_or_an_unknown_name_is_not_a_choice(string text) =>
        Assert.False(SpreadsheetValues.TryParseEnum<Rag>(text, out _));

    [Theory]
    [InlineData("2015-10-21")]
    [InlineData("21/10/2015")]
    [InlineData("21 October 2015")]
    [InlineData("21 Oct 2015")]
    public void A_date_is_read_in_iso_or_british_forms(string text)
    {
        Assert.True(SpreadsheetValues.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(2015, 10, 21), date);
    }

    [Theory]
    [InlineData("2015-02-29")]
    [InlineData("2015-13-01")]
    [InlineData("2015-00-10")]
    [InlineData("2015-1-10")]
    [InlineData("2015/10/21")]
    [InlineData("0000-10-21")]
    public void A_day_that_does_not_exist_or_a_malformed_iso_date_is_not_a_date(string text) =>
        Assert.False(SpreadsheetValues.TryParseDate(text, out _));

    [Fact]
    public void The_leap_day_of_a_leap_year_is_a_date()
    {
        Assert.True(SpreadsheetValues.TryParseDate(" 2016-02-29 ", out var date));
        Assert.Equal(new DateOnly(2016, 2, 29), date);
    }

    [Fact]
    public void An_american_date_is_not_taken_for_a_british_one() =>
        Assert.False(SpreadsheetValues.TryParseDate("10/21/2015", out _));
}
