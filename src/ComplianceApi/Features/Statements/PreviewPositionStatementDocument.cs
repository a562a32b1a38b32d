namespace ComplianceApi.Features.Statements;

/// <summary>
/// The preview of a committee's position statement as a file, for clients whose code is generated from
/// the contract: the JSON operation's return type is the statement, so its other formats need an
/// operation whose every answer is a file.
/// </summary>
/// <param name="CommitteeId">The committee.</param>
/// <param name="Format">csv, xlsx or html.</param>
/// <param name="AsOf">The date to read every response as of; today when omitted. The last statement issued on or before it is the previous one.</param>
public sealed record PreviewPositionStatementDocumentQuery(Guid CommitteeId, StatementDocumentFormat Format, DateOnly? AsOf)
{
    public PreviewPositionStatementQuery Statement => new(CommitteeId, AsOf, null);
}
