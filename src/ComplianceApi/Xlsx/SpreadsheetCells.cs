namespace ComplianceApi.Xlsx;

/// <summary>
/// Text written into CSV and spreadsheet cells. A cell that begins with =, +, - or @ is taken by
/// spreadsheet programs as a formula (CSV injection); such text gets a leading single quote so it
/// opens as the text it is. Reading undoes exactly that, so what was exported loads back unchanged.
/// </summary>
public static class SpreadsheetCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@'];

    public static string Neutralise(string text) => NeedsQuote(text) ? "'" + text : text;

    /// <summary>The text a neutralised cell stands for; any other text as it is.</summary>
    public static string Restore(string text) => text.Length > 1 && text[0] == '\'' && NeedsQuote(text[1..]) ? text[1..] : text;

    /// <summary>
    /// True for text a spreadsheet program would run as a formula. Loads refuse such cells rather than
    /// guess whether "=SUM(A1)" or "-1" was meant as text; quoting it ('=...) loads it as text.
    /// </summary>
    public static bool BeginsAsFormula(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]);

    // Text that itself begins with quotes before a formula character ("'=x") is quoted once more, or
    // reading it back would take its own quote for the neutralising one.
    private static bool NeedsQuote(string text) =>
        BeginsAsFormula(text) || (text.Length > 1 && text[0] == '\'' && NeedsQuote(text[1..]));
}
