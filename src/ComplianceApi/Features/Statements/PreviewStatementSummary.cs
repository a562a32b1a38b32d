namespace ComplianceApi.Features.Statements;

/// <summary>The summary of a committee's position statement on a date, for its cover page.</summary>
/// <param name="CommitteeId">The committee.</param>
/// <param name="AsOf">The date to read every response as of; today when omitted.</param>
public sealed record PreviewStatementSummaryQuery(Guid CommitteeId, DateOnly? AsOf)
{
    public PreviewPositionStatementQuery Statement => new(CommitteeId, AsOf, null);
}
