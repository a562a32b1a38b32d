using System.ComponentModel.DataAnnotations;
using ComplianceApi.Support;
using Microsoft.AspNetCore.Mvc;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>What a load did, or would do, with a row.</summary>
public enum ImportOutcome
{
    /// <summary>A new record.</summary>
    Created,

    /// <summary>A stored record changed through the domain (a revision, a progress update, a re-baselining, a regrade).</summary>
    Updated,

    /// <summary>The row equals what is stored: nothing is written.</summary>
    Unchanged,

    /// <summary>The row breaks a rule; see its problems. A real run with any rejected row writes nothing.</summary>
    Rejected,
}

/// <summary>What a load did, or in a dry run would do, with every row of the file.</summary>
/// <param name="DryRun">True when nothing was meant to be written.</param>
/// <param name="Applied">True when the rows were written (a real run without rejections), all in one transaction.</param>
/// <param name="Counts">How many rows had each outcome.</param>
/// <param name="Notes">Remarks on the file as a whole, such as columns that match no header of the layout and were not loaded.</param>
/// <param name="Rows">Every row loaded, sheet by sheet in load order, each in file order.</param>
public sealed record ImportReport(
    bool DryRun,
    bool Applied,
    ImportCounts Counts,
    [property: MaxLength(ImportReport.MostNotes)] IReadOnlyList<ImportNote> Notes,
    [property: MaxLength(SpreadsheetLimits.HighestMaxRows)] IReadOnlyList<ImportRowReport> Rows)
{
    /// <summary>Notes are a few per sheet; the cap keeps the report's size bounded in the contract.</summary>
    public const int MostNotes = 50;
}

/// <summary>How many rows had each outcome.</summary>
public sealed record ImportCounts(
    [property: Range(0, SpreadsheetLimits.HighestMaxRows)] int Created,
    [property: Range(0, SpreadsheetLimits.HighestMaxRows)] int Updated,
    [property: Range(0, SpreadsheetLimits.HighestMaxRows)] int Unchanged,
    [property: Range(0, SpreadsheetLimits.HighestMaxRows)] int Rejected);

/// <summary>A remark on a sheet as a whole.</summary>
/// <param name="Sheet">The sheet it concerns.</param>
/// <param name="Text">The remark.</param>
public sealed record ImportNote([property: MaxLength(Lengths.Name)] string Sheet, [property: MaxLength(Lengths.LongText)] string Text);

/// <summary>One row of the file and what became of it.</summary>
/// <param name="Kind">The kind of record the row's sheet holds.</param>
/// <param name="Sheet">The sheet's name (for a CSV, the kind's sheet name).</param>
/// <param name="Row">The row's number as the spreadsheet shows it: the header is row 1.</param>
/// <param name="Key">The row's natural key as text, its parts joined by " / ", such as "hmic-2015-cdi-lancashire / Recommendation 1".</param>
/// <param name="Outcome">Created, updated, unchanged or rejected.</param>
/// <param name="Problems">For a rejected row, what is wrong, column by column; empty otherwise.</param>
public sealed record ImportRowReport(
    SpreadsheetKind Kind,
    [property: MaxLength(Lengths.Name)] string Sheet,
    [property: Range(2, int.MaxValue)] int Row,
    [property: MaxLength(ImportRowReport.MostKeyLength)] string Key,
    ImportOutcome Outcome,
    [property: MaxLength(ImportRowReport.MostProblems)] IReadOnlyList<ImportRowProblem> Problems)
{
    /// <summary>A row has as many problems as it has cells, and some cells two; the cap keeps the report bounded.</summary>
    public const int MostProblems = 40;

    /// <summary>A key joins a few stored values, each at most a long text.</summary>
    public const int MostKeyLength = 3 * Lengths.LongText;
}

/// <summary>What is wrong with one cell of a row, or with the row as a whole.</summary>
/// <param name="Column">The column's header as the layout names it (for a duplicate, the natural key's columns).</param>
/// <param name="Reason">What is wrong and, where it helps, what is expected.</param>
public sealed record ImportRowProblem([property: MaxLength(Lengths.Name)] string Column, [property: MaxLength(Lengths.LongText)] string Reason);

/// <summary>
/// The problem (RFC 9457) answered when a real run has rejected rows: nothing was written, and
/// <c>report</c> says, row by row, what is wrong.
/// </summary>
public sealed class ImportRejectedProblem : ProblemDetails
{
    /// <summary>The whole report: every row's outcome, and each rejected row's problems.</summary>
    public required ImportReport Report { get; init; }
}
