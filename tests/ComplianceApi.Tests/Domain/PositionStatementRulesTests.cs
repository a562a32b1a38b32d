using ComplianceApi.Domain;

namespace ComplianceApi.Tests.Domain;

public sealed class PositionStatementRulesTests
{
    [Theory]
    [InlineData(ResponseStatus.NotAssessed, false, StatementSection.Open)]
    [InlineData(ResponseStatus.InProgress, true, StatementSection.Open)]
    [InlineData(ResponseStatus.Implemented, false, StatementSection.Implemented)]
    [InlineData(ResponseStatus.Closed, false, StatementSection.Implemented)]
    [InlineData(ResponseStatus.Implemented, true, null)]
    [InlineData(ResponseStatus.Closed, true, null)]
    [InlineData(ResponseStatus.NotApplicable, false, null)]
    [InlineData(ResponseStatus.Superseded, false, null)]
    public void A_finding_is_listed_while_open_or_implemented_until_reported_green(ResponseStatus status, bool reportedGreen, StatementSection? section) =>
        Assert.Equal(section, PositionStatements.SectionOf(status, reportedGreen));

    [Fact]
    public void A_line_that_moved_in_several_ways_is_named_by_the_one_that_matters_most()
    {
        var before = Line(ResponseStatus.Implemented, Rag.Amber, new DateOnly(2015, 11, 30));

        Assert.Equal(StatementChange.New, PositionStatements.ChangeSince(before, null));
        Assert.Equal(StatementChange.Closed, PositionStatements.ChangeSince(Line(ResponseStatus.Closed, Rag.Green, new DateOnly(2016, 1, 31)), before));
        Assert.Equal(StatementChange.NewlyGreen, PositionStatements.ChangeSince(Line(ResponseStatus.Implemented, Rag.Green, new DateOnly(2016, 1, 31)), before));
        Assert.Equal(StatementChange.Moved, PositionStatements.ChangeSince(Line(ResponseStatus.Implemented, Rag.Amber, new DateOnly(2016, 1, 31)), before));
        Assert.Equal(StatementChange.Unchanged, PositionStatements.ChangeSince(Line(ResponseStatus.Implemented, Rag.Amber, new DateOnly(2015, 11, 30)), before));
    }

    private static StatementLine Line(ResponseStatus status, Rag rag, DateOnly due) => new(
        new StatementCandidate(Guid.Empty, "lancashire", Guid.Empty, FindingKind.Recommendation, "Recommendation 8", "Text", null, Guid.Empty,
            "building-the-picture", "Building the picture",
            new ResponseState(new DateOnly(2016, 1, 7), status, rag, null, null, null, null, null, due, due, false)),
        StatementSection.Open, null, false);
}
