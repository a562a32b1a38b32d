using ComplianceApi.Domain;
using ComplianceApi.Support;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>
/// One row being loaded: its cells read by column in the shared cell formats (<see cref="SpreadsheetValues"/>),
/// and every problem found with it, each naming its column.
/// </summary>
public sealed class ImportRow(SpreadsheetSheet sheet, SpreadsheetRow row)
{
    // Made on the first problem: most rows of a large load have none.
    private List<ImportRowProblem>? _problems;

    public int Number => row.Number;

    public IReadOnlyList<ImportRowProblem> Problems => _problems ?? [];

    public bool IsRejected => _problems is not null;

    /// <summary>The cell's text as it is, without checking it (null for a blank or formula cell): for keys and look-ups.</summary>
    public string? Raw(SpreadsheetColumn column) => sheet.Raw(row, column);

    /// <summary>The cell's text, null when blank; a formula or a text too long is a problem.</summary>
    public string? Text(SpreadsheetColumn column, int maxLength)
    {
        var index = sheet.IndexOf(column);
        if (row.IsFormula(index))
        {
            Problem(column, "The cell holds a formula, which is not loaded: type the value itself (a text that begins with =, +, - or @ loads as text when it starts with ').");
            return null;
        }

        var text = row[index];
        if (text is not null && text.Length > maxLength)
        {
            Problem(column, $"At most {maxLength} characters; this cell has {text.Length}.");
            return null;
        }

        return text;
    }

    /// <summary>The cell's text; a blank cell is a problem (and gives "").</summary>
    public string Required(SpreadsheetColumn column, int maxLength)
    {
        var index = sheet.IndexOf(column);
        var text = Text(column, maxLength);
        if (text is null && !row.IsFormula(index) && row[index] is null)
        {
            Problem(column, $"{column.Header} is required.");
        }

        return text ?? "";
    }

    public DateOnly? Date(SpreadsheetColumn column, bool required = false)
    {
        var text = required ? NullIfBlank(Required(column, Lengths.Name)) : Text(column, Lengths.Name);
        if (text is null)
        {
            return null;
        }

        if (SpreadsheetValues.TryParseDate(text, out var date))
        {
            return date;
        }

        Problem(column, $"'{text}' is not a date: write it as 2015-10-21 or 21/10/2015.");
        return null;
    }

    public TEnum? Choice<TEnum>(SpreadsheetColumn column, bool required = false) where TEnum : struct, Enum
    {
        var text = required ? NullIfBlank(Required(column, Lengths.Name)) : Text(column, Lengths.Name);
        if (text is null)
        {
            return null;
        }

        if (SpreadsheetValues.TryParseEnum<TEnum>(text, out var value))
        {
            return value;
        }

        Problem(column, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return null;
    }

    public bool YesNo(SpreadsheetColumn column)
    {
        var text = Text(column, Lengths.Name) ?? "";
        if (SpreadsheetValues.TryParseYesNo(text, out var value))
        {
            return value;
        }

        Problem(column, $"'{text}' is neither Yes nor No.");
        return false;
    }

    /// <summary>
    /// The tags in the cell, separated by semicolons (blank: none); null when the sheet has no such column, so
    /// the stored tags stay. Tags the rules refuse are a problem.
    /// </summary>
    public Tags? Tags(SpreadsheetColumn column)
    {
        if (!sheet.Has(column))
        {
            return null;
        }

        var text = Text(column, ComplianceApi.Domain.Tags.StoredLength);
        try
        {
            return ComplianceApi.Domain.Tags.From(SpreadsheetValues.ParseList(text ?? ""));
        }
        catch (DomainRuleException rule)
        {
            Problem(column, rule.Message);
            return null;
        }
    }

    /// <summary>A finding named as inspection reference, a colon and finding reference ("hmic-2015-cdi: Recommendation 1").</summary>
    public (string Inspection, string Finding)? FindingReference(string text, SpreadsheetColumn column)
    {
        var (inspection, finding) = SpreadsheetValues.ParsePair(text);
        if (finding is null || inspection.Length == 0)
        {
            Problem(column, $"'{text}' does not name a finding: write the inspection reference, a colon and the finding reference (hmic-2015-cdi-lancashire: Recommendation 1).");
            return null;
        }

        return (inspection, finding);
    }

    public void Problem(SpreadsheetColumn column, string reason) => Problem(column.Header, reason);

    public void Problem(string column, string reason)
    {
        _problems ??= [];
        if (_problems.Count < ImportRowReport.MostProblems)
        {
            _problems.Add(new ImportRowProblem(column, reason));
        }
    }

    /// <summary>Runs a domain call; a rule it refuses becomes a problem in the given column, and deadline words it cannot resolve one in Deadline.</summary>
    public T? Domain<T>(SpreadsheetColumn column, Func<T> call) where T : class
    {
        try
        {
            return call();
        }
        catch (DomainRuleException rule)
        {
            Problem(column, rule.Message);
        }
        catch (DeadlineNotUnderstoodException deadline)
        {
            Problem(SpreadsheetLayouts.Deadline, deadline.Message);
        }

        return null;
    }

    public bool Domain(SpreadsheetColumn column, Action call) => Domain(column, () => { call(); return this; }) is not null;

    private static string? NullIfBlank(string text) => text.Length == 0 ? null : text;
}
