namespace ComplianceApi.Features.Statements;

/// <summary>
/// The statement issued with a committee report as a file, for clients whose code is generated from the
/// contract: the JSON operation's return type is the statement, so its other formats need an operation
/// whose every answer is a file.
/// </summary>
/// <param name="ReportId">The committee report.</param>
/// <param name="Format">csv, xlsx or html.</param>
public sealed record GetIssuedStatementDocumentQuery(Guid ReportId, StatementDocumentFormat Format)
{
    public GetIssuedStatementQuery Statement => new(ReportId, null);
}
