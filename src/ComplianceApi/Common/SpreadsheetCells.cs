namespace ComplianceApi.Common;

/// <summary>
/// Text written into CSV and spreadsheet cells. A cell that begins with =, +, - or @ is taken by
/// spreadsheet programs as a formula (CSV injection); such text gets a leading single quote so it
/// opens as the text it is.
/// </summary>
public static class SpreadsheetCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@'];

    public static string Neutralise(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;
}
