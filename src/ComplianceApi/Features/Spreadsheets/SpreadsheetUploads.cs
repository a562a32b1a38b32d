using System.Globalization;
using System.Text;
using ComplianceApi.Support;
using ComplianceApi.Xlsx;
using CsvHelper;
using CsvHelper.Configuration;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>One row of a sheet: its number as the spreadsheet shows it (the header is row 1) and its cells in layout order.</summary>
public sealed class SpreadsheetRow(int number, string?[] cells, bool[]? formulas)
{
    public int Number { get; } = number;

    /// <summary>The cell's text, trimmed, with a neutralised formula ('=…) restored; null when blank or the file lacks the column.</summary>
    public string? this[int column] => cells[column];

    /// <summary>Whether the cell holds a formula: an XLSX formula cell, or an unquoted CSV cell that a spreadsheet program would run.</summary>
    public bool IsFormula(int column) => formulas?[column] == true;
}

/// <summary>A sheet of an upload matched to its layout: which of its columns the file has, and its rows.</summary>
public sealed class SpreadsheetSheet(
    SpreadsheetLayout layout, string name, IReadOnlyList<SpreadsheetRow> rows, IReadOnlyList<string> ignoredHeaders, IReadOnlySet<string>? presentHeaders = null)
{
    private readonly Dictionary<string, int> _columns =
        layout.Columns.Select((c, i) => (c.Header, i)).ToDictionary(c => c.Header, c => c.i, StringComparer.Ordinal);

    public SpreadsheetLayout Layout { get; } = layout;

    /// <summary>The sheet's name in the workbook, or the kind's sheet name for a CSV.</summary>
    public string Name { get; } = name;

    public IReadOnlyList<SpreadsheetRow> Rows { get; } = rows;

    /// <summary>Headers that match no column of the layout; their cells are not loaded.</summary>
    public IReadOnlyList<string> IgnoredHeaders { get; } = ignoredHeaders;

    /// <summary>
    /// Whether the file has the column at all: an optional column a sheet leaves out (one kept before the layout
    /// had it) leaves what it would set alone, where a blank cell in it clears it.
    /// </summary>
    public bool Has(SpreadsheetColumn column) => presentHeaders?.Contains(column.Header) ?? true;

    /// <summary>Where a column of the layout sits in each row's cells.</summary>
    public int IndexOf(SpreadsheetColumn column) => _columns[column.Header];

    /// <summary>A row's cell as it is, without checking it (null for a blank or formula cell): for keys and look-ups.</summary>
    public string? Raw(SpreadsheetRow row, SpreadsheetColumn column)
    {
        var index = IndexOf(column);
        return row.IsFormula(index) ? null : row[index];
    }
}

/// <summary>The most an upload may hold (<c>Spreadsheets:*</c> settings).</summary>
public sealed class SpreadsheetLimits
{
    public const string Section = "Spreadsheets";

    /// <summary>The ceiling the settings may not pass, so the contract can bound a report's rows.</summary>
    public const int HighestMaxRows = 1_000_000;

    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    public int MaxRows { get; set; } = 100_000;

    public static SpreadsheetLimits From(IConfiguration configuration)
    {
        var limits = configuration.GetSection(Section).Get<SpreadsheetLimits>() ?? new SpreadsheetLimits();
        if (limits.MaxFileBytes <= 0 || limits.MaxRows <= 0 || limits.MaxRows > HighestMaxRows)
        {
            throw new InvalidOperationException(
                $"{Section}:MaxFileBytes must be positive and {Section}:MaxRows between 1 and {HighestMaxRows:N0}.");
        }

        return limits;
    }
}

/// <summary>
/// Reads an upload, told apart by its content: an XLSX workbook (a zip package) or CSV text. Rows are
/// read streaming (<see cref="XlsxWorkbookReader"/>, CsvHelper) into the layout's column order; what is
/// wrong with the file as a whole (not CSV or XLSX, unreadable, a required column or the wanted sheet
/// missing) is a 400 naming what was expected, and more rows than the limit a 413.
/// </summary>
public static class SpreadsheetUploads
{
    public const string FileField = "file";

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0];

    // Columns that hold dates: an XLSX may store them as date serial numbers rather than text.
    private static readonly HashSet<string> DateHeaders = new(
        new[]
        {
            SpreadsheetLayouts.PublishedOn, SpreadsheetLayouts.FieldworkStartedOn, SpreadsheetLayouts.FieldworkEndedOn, SpreadsheetLayouts.DueDate,
            SpreadsheetLayouts.TargetDate, SpreadsheetLayouts.NextReviewOn, SpreadsheetLayouts.DetailsEffectiveOn, SpreadsheetLayouts.StatusEffectiveOn,
            SpreadsheetLayouts.EffectiveOn, SpreadsheetLayouts.DueOn, SpreadsheetLayouts.CompletedOn, SpreadsheetLayouts.GivenOn,
        }.Select(c => c.Header),
        StringComparer.Ordinal);

    /// <summary>The sheets to load, in the order they load (<see cref="SpreadsheetLayouts.All"/>).</summary>
    public static IReadOnlyList<SpreadsheetSheet> Read(Stream file, SpreadsheetKind? kind, int maxRows)
    {
        Span<byte> start = stackalloc byte[4];
        var read = file.ReadAtLeast(start, 4, throwOnEndOfStream: false);
        file.Position = 0;
        if (read == 4 && start.SequenceEqual(ZipSignature))
        {
            return ReadWorkbook(file, kind, maxRows);
        }

        if (read == 4 && start.SequenceEqual(OleSignature))
        {
            throw FileFault("This is an Excel 97-2003 (.xls) workbook; save it as an Excel workbook (.xlsx) or as CSV and load that.");
        }

        if (kind is not { } csvKind)
        {
            throw Invalid.Field("kind",
                $"A CSV file holds one kind of record: say which with kind ({string.Join(", ", SpreadsheetLayouts.All.Select(l => l.Kind))}).");
        }

        return [ReadCsv(file, SpreadsheetLayouts.For(csvKind), maxRows)];
    }

    private static SpreadsheetSheet ReadCsv(Stream file, SpreadsheetLayout layout, int maxRows)
    {
        if (LooksBinary(file))
        {
            throw FileFault("The file is neither an XLSX workbook nor CSV text.");
        }

        using var text = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectColumnCountChanges = false,
            BadDataFound = null,
        };
        using var parser = new CsvParser(text, configuration);
        var builder = default(SheetBuilder);
        var number = 0;
        try
        {
            while (parser.Read())
            {
                number++;
                var record = parser.Record ?? [];
                if (builder is null)
                {
                    builder = new SheetBuilder(layout, layout.SheetName, record, 0, maxRows);
                    continue;
                }

                builder.Add(number, record.Length, i => record[i], i => IsUnquotedFormula(record[i], parser.RawRecord));
            }
        }
        catch (CsvHelperException exception)
        {
            throw FileFault($"The CSV could not be read near row {number + 1}: {exception.Message.Split('\n')[0]}");
        }

        return (builder ?? throw FileFault($"The CSV is empty: its first row must hold the headers ({Headers(layout)}).")).Build();
    }

    private static IReadOnlyList<SpreadsheetSheet> ReadWorkbook(Stream file, SpreadsheetKind? kind, int maxRows)
    {
        var sheets = new List<SpreadsheetSheet>();
        IReadOnlyList<string> names = [];
        var rows = 0;
        try
        {
            using var workbook = new XlsxWorkbookReader(file);
            names = workbook.SheetNames;
            for (var index = 0; index < names.Count; index++)
            {
                var name = names[index];
                var layout = SpreadsheetLayouts.All.FirstOrDefault(l => SpreadsheetColumn.Normalise(l.SheetName) == SpreadsheetColumn.Normalise(name));
                if (kind is { } wanted)
                {
                    // A single-sheet workbook loads as the kind asked for, whatever its sheet is called.
                    layout = layout?.Kind == wanted || names.Count == 1 ? SpreadsheetLayouts.For(wanted) : null;
                }

                if (layout is null)
                {
                    continue;
                }

                if (sheets.Any(s => s.Layout.Kind == layout.Kind))
                {
                    throw FileFault($"Two sheets hold {layout.SheetName}; a workbook has one sheet per kind.");
                }

                using var reader = workbook.OpenSheet(index);
                var sheet = ReadSheet(reader, layout, name, rows, maxRows);
                rows += sheet.Rows.Count;
                sheets.Add(sheet);
            }
        }
        catch (Exception exception) when (exception is not (FluentValidation.ValidationException or PayloadTooLargeException))
        {
            throw FileFault($"The workbook could not be read: {exception.Message}");
        }

        if (sheets.Count == 0)
        {
            var expected = kind is { } wanted ? $"a sheet named {SpreadsheetLayouts.For(wanted).SheetName}" : $"sheets named {string.Join(", ", SpreadsheetLayouts.All.Select(l => l.SheetName))}";
            throw FileFault($"The workbook has no sheet to load: it has {string.Join(", ", names.Select(n => $"'{n}'"))}, and {expected} were expected.");
        }

        return [.. sheets.OrderBy(s => s.Layout.Kind)];
    }

    private static SpreadsheetSheet ReadSheet(XlsxSheetReader reader, SpreadsheetLayout layout, string name, int rowsBefore, int maxRows)
    {
        SheetBuilder? builder = null;
        Func<int, string?> text = i => CellText(reader.Cells[i], builder!.IsDateColumn(i));
        Func<int, bool> isFormula = i => reader.Cells[i].IsFormula;
        while (reader.ReadRow())
        {
            if (builder is null)
            {
                // The headers are row 1: when the sheet's first row is further down, row 1 is blank, as it shows.
                var headers = new string[reader.RowNumber == 1 ? reader.Cells.Length : 0];
                for (var i = 0; i < headers.Length; i++)
                {
                    headers[i] = CellText(reader.Cells[i], false) ?? "";
                }

                builder = new SheetBuilder(layout, name, headers, rowsBefore, maxRows);
                if (reader.RowNumber == 1)
                {
                    continue;
                }
            }

            builder.Add(reader.RowNumber, reader.Cells.Length, text, isFormula);
        }

        return (builder ?? throw FileFault($"The sheet '{name}' is empty: its first row must hold the headers ({Headers(layout)}).")).Build();
    }

    /// <summary>An XLSX cell as text: dates as ISO dates, numbers without a thousands separator, true and false as Yes and No.</summary>
    private static string? CellText(in XlsxCell cell, bool isDateColumn) => cell.Type switch
    {
        XlsxCellType.Blank => null,
        XlsxCellType.Text => cell.Text,
        XlsxCellType.Date => SpreadsheetValues.Format(cell.Date),
        XlsxCellType.Boolean => SpreadsheetValues.Format(cell.Boolean),
        // A date column may hold a date as its serial number without a date format.
        _ when isDateColumn && cell.Number is >= 1 and < 2958466 => SpreadsheetValues.Format(cell.Date),
        _ => cell.Number.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A cell is a formula when it begins as one and was written unquoted: a quoted cell is plainly text.
    /// Only cells that begin as a formula (rare) are looked for in the raw record.
    /// </summary>
    private static bool IsUnquotedFormula(string cell, string? rawRecord)
    {
        if (!SpreadsheetCells.BeginsAsFormula(cell) || rawRecord is null)
        {
            return false;
        }

        for (var at = rawRecord.IndexOf(cell, StringComparison.Ordinal); at >= 0; at = rawRecord.IndexOf(cell, at + 1, StringComparison.Ordinal))
        {
            var end = at + cell.Length;
            var startsField = at == 0 || rawRecord[at - 1] == ',';
            var endsField = end == rawRecord.Length || rawRecord[end] is ',' or '\r' or '\n';
            if (startsField && endsField)
            {
                return true;
            }
        }

        return false;
    }

    private static bool LooksBinary(Stream file)
    {
        var buffer = new byte[4096];
        var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        file.Position = 0;
        return buffer.AsSpan(0, read).Contains((byte)0);
    }

    private static string Headers(SpreadsheetLayout layout) => string.Join(", ", layout.LoadedColumns.Select(c => c.Required ? $"{c.Header} (required)" : c.Header));

    private static FluentValidation.ValidationException FileFault(string message) => Invalid.Field(FileField, message);

    /// <summary>Matches a sheet's headers to its layout, then collects its rows in the layout's column order.</summary>
    private sealed class SheetBuilder
    {
        private readonly SpreadsheetLayout _layout;
        private readonly string _name;
        private readonly int[] _fileColumnOf;
        private readonly bool[] _isDate;
        private readonly List<string> _ignored = [];
        private readonly List<SpreadsheetRow> _rows = [];

        private readonly int _rowsBefore;
        private readonly int _maxRows;

        // rowsBefore: rows already read from earlier sheets of the same file, which count towards the limit.
        public SheetBuilder(SpreadsheetLayout layout, string name, IReadOnlyList<string?> headers, int rowsBefore, int maxRows)
        {
            _rowsBefore = rowsBefore;
            _maxRows = maxRows;
            _layout = layout;
            _name = name;
            _fileColumnOf = Enumerable.Repeat(-1, layout.Columns.Count).ToArray();
            _isDate = new bool[headers.Count];
            for (var i = 0; i < headers.Count; i++)
            {
                var header = headers[i]?.Trim() ?? "";
                if (header.Length == 0)
                {
                    continue;
                }

                var column = layout.Columns.Select((c, index) => (c, index)).FirstOrDefault(c => c.c.Matches(header));
                if (column.c is null)
                {
                    _ignored.Add(header);
                    continue;
                }

                // Matched, so not listed as a column not loaded, but never read: its cells cannot reject a row.
                if (column.c.ExportOnly)
                {
                    continue;
                }

                if (_fileColumnOf[column.index] >= 0)
                {
                    throw FileFault($"The sheet '{name}' has the column '{column.c.Header}' twice.");
                }

                _fileColumnOf[column.index] = i;
                _isDate[i] = DateHeaders.Contains(column.c.Header);
            }

            var missing = layout.Columns.Where((c, index) => c.Required && _fileColumnOf[index] < 0).Select(c => c.Header).ToList();
            if (missing.Count > 0)
            {
                throw FileFault(
                    $"The sheet '{name}' lacks the required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))}. "
                    + $"{layout.SheetName} has the columns {Headers(layout)}; headers are matched ignoring case, spaces and punctuation.");
            }
        }

        public bool IsDateColumn(int fileColumn) => fileColumn < _isDate.Length && _isDate[fileColumn];

        public void Add(int number, int fieldCount, Func<int, string?> cell, Func<int, bool> isFormula)
        {
            var cells = new string?[_fileColumnOf.Length];
            bool[]? formulas = null;
            var blank = true;
            for (var column = 0; column < cells.Length; column++)
            {
                var at = _fileColumnOf[column];
                if (at < 0 || at >= fieldCount)
                {
                    continue;
                }

                if (isFormula(at))
                {
                    (formulas ??= new bool[cells.Length])[column] = true;
                    blank = false;
                    continue;
                }

                var text = cell(at)?.Trim();

                if (!string.IsNullOrEmpty(text))
                {
                    cells[column] = SpreadsheetCells.Restore(text);
                    blank = false;
                }
            }

            if (blank)
            {
                return;
            }

            if (_rowsBefore + _rows.Count >= _maxRows)
            {
                throw new PayloadTooLargeException(
                    $"The file holds more than {_maxRows.ToString("N0", CultureInfo.InvariantCulture)} rows, the most one load takes "
                    + "(setting Spreadsheets:MaxRows); split it into smaller files.");
            }

            _rows.Add(new SpreadsheetRow(number, cells, formulas));
        }

        public SpreadsheetSheet Build() => new(
            _layout, _name, _rows, _ignored, _layout.Columns.Where((_, index) => _fileColumnOf[index] >= 0).Select(c => c.Header).ToHashSet(StringComparer.Ordinal));
    }
}
