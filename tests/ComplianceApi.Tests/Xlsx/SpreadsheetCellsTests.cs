using ComplianceApi.Xlsx;


namespace ComplianceApi.Tests.Xlsx;

public sealed class SpreadsheetCellsTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("-2")]
    [InlineData("'=already quoted by its author")]
    [InlineData("''+twice")]
    [InlineData("'plain text that begins with a quote")]
    [InlineData("'")]
    [InlineData("Pol 49/15")]
    [InlineData("")]
    public void Text_read_back_from_a_neutralised_cell_is_the_text_that_was_written(string text)
    {
        var cell = SpreadsheetCells.Neutralise(text);

        Assert.False(SpreadsheetCells.BeginsAsFormula(cell));
        Assert.Equal(text, SpreadsheetCells.Restore(cell));
    }

    [Fact]
    public void A_quote_before_a_formula_character_is_taken_as_the_neutralising_quote()
    {
        Assert.Equal("=SUM(A1)", SpreadsheetCells.Restore("'=SUM(A1)"));
        Assert.Equal("'not a formula", SpreadsheetCells.Restore("'not a formula"));
    }
}
