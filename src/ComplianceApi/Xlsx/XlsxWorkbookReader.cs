using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Xml;

namespace ComplianceApi.Xlsx;

/// <summary>What a cell holds, as far as loading it cares.</summary>
public enum XlsxCellType { Blank, Text, Number, Date, Boolean }

/// <summary>
/// One cell of the row being read. <see cref="Number"/> holds a number, a boolean (1 or 0) or a date (as
/// an OLE Automation date, the 1904 date system and Excel's 1900 leap-year bug already allowed for);
/// <see cref="Text"/> holds text, including an error value such as "#N/A".
/// </summary>
public readonly record struct XlsxCell(XlsxCellType Type, string? Text, double Number, bool IsFormula)
{
    public DateOnly Date => DateOnly.FromDateTime(DateTime.FromOADate(Number));

    public bool Boolean => Number != 0;
}

/// <summary>
/// Reads an Excel workbook forward only, one pass over each sheet's XML, a row at a time: the mirror of
/// <see cref="XlsxWorkbookWriter"/>. The sheets are listed from the workbook part and its relationships,
/// in workbook order; a sheet is parsed only when it is opened, and the shared strings and the cell
/// styles (which tell a date from a number) only when the first sheet is.
/// </summary>
/// <remarks>
/// ExcelDataReader, which this replaces, read each sheet's XML twice (once to size it, once for its
/// rows) and gave only a formula's cached value, so formulas needed a third scan. Here a formula is
/// reported on the cell it belongs to, on the way. Element and attribute names are compared as atoms of
/// the readers' shared name table, attribute values and numbers are read into one reused buffer, and a
/// short inline text is made once per sheet, so a cell costs at most its text. Both the transitional
/// and the strict (ISO) spreadsheet namespaces are read. The per-cell methods are compiled optimised
/// from their first call: a load is the first call more often than not, and while tiered compilation
/// caught up the first read of the import benchmark's workbook took 1.5 s rather than 0.9 s.
/// MiniExcel 1.47.1 was tried in its place: it gives a formula cell's cached value as if typed (and one
/// without a cached value as blank), with no public way to tell, so it cannot refuse formulas.
/// </remarks>
public sealed class XlsxWorkbookReader : IDisposable
{
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string TransitionalRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    // Built-in number formats that show dates or times (ECMA-376 Part 1, 18.8.30, and the East Asian
    // ones Excel adds), as ExcelDataReader took them.
    private static readonly HashSet<int> BuiltInDateFormats =
        [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    private readonly ZipArchive _archive;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly XmlReaderSettings _settings;
    private readonly List<(string Name, string? Part)> _sheets = [];
    private readonly List<string> _sheetNames = [];
    private readonly string _sharedStringsPart;
    private readonly string _stylesPart;
    private string[]? _sharedStrings;
    private bool[]? _dateStyles;

    /// <param name="input">The workbook, left open; a zip is read from its end, so a stream that cannot seek is first copied whole.</param>
    public XlsxWorkbookReader(Stream input)
    {
        _archive = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in _archive.Entries)
        {
            _entries.TryAdd(entry.FullName.Replace('\\', '/').TrimStart('/'), entry);
        }

        var names = new NameTable();
        Names = new XlsxNames(names);
        _settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            NameTable = names,
        };

        var workbookPart = Relationships("_rels/.rels", "")
            .FirstOrDefault(r => IsOfType(r.Type, "officeDocument")).Target ?? "xl/workbook.xml";
        if (!_entries.ContainsKey(workbookPart))
        {
            throw new InvalidDataException($"The package has no workbook part ({workbookPart}); it is not an Excel workbook.");
        }

        var folder = workbookPart[..(workbookPart.LastIndexOf('/') + 1)];
        var relationships = Relationships($"{folder}_rels/{workbookPart[folder.Length..]}.rels", folder);
        _sharedStringsPart = relationships.FirstOrDefault(r => IsOfType(r.Type, "sharedStrings")).Target ?? folder + "sharedStrings.xml";
        _stylesPart = relationships.FirstOrDefault(r => IsOfType(r.Type, "styles")).Target ?? folder + "styles.xml";
        ReadWorkbookPart(workbookPart, relationships.Where(r => r.Id is not null).GroupBy(r => r.Id!).ToDictionary(g => g.Key, g => g.First().Target));
    }

    /// <summary>The sheets' names, in workbook order.</summary>
    public IReadOnlyList<string> SheetNames => _sheetNames;

    /// <summary>Whether the workbook counts dates from 1904 (old Mac workbooks) rather than 1900.</summary>
    public bool Date1904 { get; private set; }

    internal XlsxNames Names { get; }

    /// <summary>Starts reading a sheet (by its place in <see cref="SheetNames"/>); read it to the end or dispose it before opening the next.</summary>
    public XlsxSheetReader OpenSheet(int index)
    {
        var (name, part) = _sheets[index];
        if (part is null || !_entries.ContainsKey(part))
        {
            throw new InvalidDataException($"The sheet '{name}' has no worksheet part{(part is null ? "" : $" ({part})")} in the package.");
        }

        _sharedStrings ??= ReadSharedStrings();
        _dateStyles ??= ReadDateStyles();
        return new XlsxSheetReader(this, Open(part)!, _sharedStrings, _dateStyles);
    }

    public void Dispose() => _archive.Dispose();

    private XmlReader? Open(string part) =>
        _entries.TryGetValue(part, out var entry) ? XmlReader.Create(entry.Open(), _settings) : null;

    private static bool IsOfType(string? type, string name) =>
        type is not null && (type == $"{TransitionalRelationships}/{name}" || type == $"{StrictRelationships}/{name}");

    /// <summary>A part's relationships, with targets resolved to package paths (relative to <paramref name="folder"/>, or absolute).</summary>
    private List<(string? Id, string? Type, string? Target)> Relationships(string part, string folder)
    {
        var found = new List<(string?, string?, string?)>();
        using var xml = Open(part);
        if (xml is null)
        {
            return found;
        }

        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship" || xml.NamespaceURI != PackageRelationships
                || xml.GetAttribute("TargetMode") == "External" || xml.GetAttribute("Target") is not { } target)
            {
                continue;
            }

            found.Add((xml.GetAttribute("Id"), xml.GetAttribute("Type"), ResolvePath(folder, Uri.UnescapeDataString(target))));
        }

        return found;
    }

    private static string ResolvePath(string folder, string target)
    {
        var segments = new List<string>();
        foreach (var segment in (target.StartsWith('/') ? target : folder + target).Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("" or "."))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    private void ReadWorkbookPart(string part, Dictionary<string, string?> targets)
    {
        using var xml = Open(part)!;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || !Names.IsSpreadsheet(xml.NamespaceURI))
            {
                continue;
            }

            if (xml.LocalName == "workbookPr")
            {
                Date1904 = xml.GetAttribute("date1904") is "1" or "true";
            }
            else if (xml.LocalName == "sheet")
            {
                var id = xml.GetAttribute("id", TransitionalRelationships) ?? xml.GetAttribute("id", StrictRelationships);
                var name = xml.GetAttribute("name") ?? "";
                _sheets.Add((name, id is null ? null : targets.GetValueOrDefault(id)));
                _sheetNames.Add(name);
            }
        }
    }

    private string[] ReadSharedStrings()
    {
        using var xml = Open(_sharedStringsPart);
        if (xml is null)
        {
            return [];
        }

        var reader = new XlsxTextReader(xml, Names);
        var strings = new List<string>();
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || !Names.IsSpreadsheet(xml.NamespaceURI))
            {
                continue;
            }

            if ((object)xml.LocalName == Names.SharedStringTable && int.TryParse(xml.GetAttribute("uniqueCount"), CultureInfo.InvariantCulture, out var count))
            {
                // Only a hint, and a file may lie: the list grows as the strings come.
                strings.Capacity = Math.Clamp(count, 0, 1 << 16);
            }
            else if ((object)xml.LocalName == Names.StringItem)
            {
                strings.Add(reader.ReadStringItem());
            }
        }

        return [.. strings];
    }

    /// <summary>Per cell style (the <c>s</c> of a cell, an index into <c>cellXfs</c>), whether its number format shows a date.</summary>
    private bool[] ReadDateStyles()
    {
        using var xml = Open(_stylesPart);
        if (xml is null)
        {
            return [];
        }

        var customFormats = new Dictionary<int, bool>();
        var styles = new List<bool>();
        var cellFormatsDepth = -1;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == cellFormatsDepth)
            {
                cellFormatsDepth = -1;
            }

            if (xml.NodeType != XmlNodeType.Element || !Names.IsSpreadsheet(xml.NamespaceURI))
            {
                continue;
            }

            var formatId = int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id) ? id : 0;
            switch (xml.LocalName)
            {
                case "numFmt":
                    customFormats[formatId] = IsDateFormat(xml.GetAttribute("formatCode") ?? "");
                    break;
                case "cellXfs" when !xml.IsEmptyElement:
                    cellFormatsDepth = xml.Depth;
                    break;
                case "xf" when cellFormatsDepth >= 0 && xml.Depth == cellFormatsDepth + 1:
                    styles.Add(customFormats.TryGetValue(formatId, out var isDate) ? isDate : BuiltInDateFormats.Contains(formatId));
                    break;
            }
        }

        return [.. styles];
    }

    /// <summary>
    /// A custom number format shows a date or time when it has a date or time letter (d, m, y, h, s)
    /// outside quoted text, <c>[…]</c> sections (colours, conditions, locales) and escaped characters.
    /// </summary>
    public static bool IsDateFormat(string formatCode)
    {
        for (var at = 0; at < formatCode.Length; at++)
        {
            switch (formatCode[at])
            {
                case '"':
                    var close = formatCode.IndexOf('"', at + 1);
                    at = close < 0 ? formatCode.Length : close;
                    break;
                case '[':
                    var end = formatCode.IndexOf(']', at + 1);
                    at = end < 0 ? formatCode.Length : end;
                    break;
                case '\\' or '_' or '*':
                    // An escaped character, a space the width of one, or one repeated to fill the cell.
                    at++;
                    break;
                case 'd' or 'D' or 'm' or 'M' or 'y' or 'Y' or 'h' or 'H' or 's' or 'S':
                    return true;
            }
        }

        return false;
    }
}

/// <summary>
/// One sheet of an <see cref="XlsxWorkbookReader"/>, read a row at a time. Rows come in the order the
/// sheet holds them, numbered as the spreadsheet shows them (from their <c>r</c> attribute, or counting
/// on from the previous row); a row's cells sit at their column's zero-based index (from the cell's
/// reference, or the next column), and columns between them are blank.
/// </summary>
public sealed class XlsxSheetReader : IDisposable
{
    // Excel's last row and column (XFD); a reference beyond them is taken as absent.
    private const int MostRows = 1_048_576;
    private const int MostColumns = 16_384;

    private readonly XmlReader _xml;
    private readonly XlsxNames _names;
    private readonly XlsxTextReader _text;
    private readonly string[] _sharedStrings;
    private readonly bool[] _dateStyles;
    private readonly bool _date1904;
    private XlsxCell[] _cells = new XlsxCell[16];
    private int _cellCount;
    private int _sheetDataDepth = -1;
    private bool _ended;

    internal XlsxSheetReader(XlsxWorkbookReader workbook, XmlReader xml, string[] sharedStrings, bool[] dateStyles)
    {
        _xml = xml;
        _names = workbook.Names;
        _text = new XlsxTextReader(xml, workbook.Names);
        _sharedStrings = sharedStrings;
        _dateStyles = dateStyles;
        _date1904 = workbook.Date1904;
    }

    /// <summary>The current row's number as the spreadsheet shows it (the first row is 1).</summary>
    public int RowNumber { get; private set; }

    /// <summary>The current row's cells, up to its last cell.</summary>
    public ReadOnlySpan<XlsxCell> Cells => _cells.AsSpan(0, _cellCount);

    /// <summary>Moves to the next row the sheet holds; false at the end of the sheet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool ReadRow()
    {
        Array.Clear(_cells, 0, _cellCount);
        _cellCount = 0;
        while (!_ended && _xml.Read())
        {
            if (_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == _sheetDataDepth)
            {
                break;
            }

            if (_xml.NodeType != XmlNodeType.Element || !_names.IsSpreadsheet(_xml.NamespaceURI))
            {
                continue;
            }

            if (_sheetDataDepth < 0)
            {
                if ((object)_xml.LocalName == _names.SheetData)
                {
                    if (_xml.IsEmptyElement)
                    {
                        break;
                    }

                    _sheetDataDepth = _xml.Depth;
                }
            }
            else if ((object)_xml.LocalName == _names.Row && _xml.Depth == _sheetDataDepth + 1)
            {
                ReadRowElement();
                return true;
            }
        }

        _ended = true;
        return false;
    }

    public void Dispose() => _xml.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadRowElement()
    {
        var number = RowNumber + 1;
        while (_xml.MoveToNextAttribute())
        {
            if ((object)_xml.LocalName == _names.Reference && _xml.NamespaceURI.Length == 0
                && int.TryParse(_text.ReadAttribute(), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > RowNumber && r <= MostRows)
            {
                number = r;
            }
        }

        _xml.MoveToElement();
        RowNumber = number;
        if (_xml.IsEmptyElement)
        {
            return;
        }

        var depth = _xml.Depth;
        var column = -1;
        while (_xml.Read())
        {
            if (_xml.NodeType == XmlNodeType.Element)
            {
                if ((object)_xml.LocalName == _names.Cell && _xml.Depth == depth + 1 && _names.IsSpreadsheet(_xml.NamespaceURI))
                {
                    column = ReadCell(column + 1);
                }
            }
            else if (_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth)
            {
                return;
            }
        }
    }

    private enum CellValueKind { Number, SharedString, Text, Boolean, IsoDate }

    /// <summary>Reads a <c>c</c> element; returns the column it was put in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadCell(int nextColumn)
    {
        var column = nextColumn;
        var style = 0;
        var type = CellValueKind.Number;
        while (_xml.MoveToNextAttribute())
        {
            if (_xml.NamespaceURI.Length != 0)
            {
                continue;
            }

            var name = _xml.LocalName;
            if ((object)name == _names.Reference)
            {
                column = ColumnOf(_text.ReadAttribute(), nextColumn);
            }
            else if ((object)name == _names.Style)
            {
                style = int.TryParse(_text.ReadAttribute(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            }
            else if ((object)name == _names.Type)
            {
                type = _text.ReadAttribute() switch
                {
                    "s" => CellValueKind.SharedString,
                    "inlineStr" or "str" or "e" => CellValueKind.Text,
                    "b" => CellValueKind.Boolean,
                    "d" => CellValueKind.IsoDate,
                    _ => CellValueKind.Number,
                };
            }
        }

        _xml.MoveToElement();
        var cell = default(XlsxCell);
        var formula = false;
        if (!_xml.IsEmptyElement)
        {
            var depth = _xml.Depth;
            while (_xml.Read())
            {
                if (_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth)
                {
                    break;
                }

                if (_xml.NodeType != XmlNodeType.Element || _xml.Depth != depth + 1 || !_names.IsSpreadsheet(_xml.NamespaceURI))
                {
                    continue;
                }

                var name = _xml.LocalName;
                if ((object)name == _names.Formula)
                {
                    formula = true;
                }
                else if ((object)name == _names.Value)
                {
                    cell = Value(type, style, _text.ReadElement());
                }
                else if ((object)name == _names.InlineString)
                {
                    var text = _text.ReadStringItem();
                    cell = text.Length == 0 ? default : new XlsxCell(XlsxCellType.Text, text, 0, false);
                }
            }
        }

        if (column >= _cells.Length)
        {
            Array.Resize(ref _cells, Math.Max(column + 1, _cells.Length * 2));
        }

        _cells[column] = cell with { IsFormula = formula };
        _cellCount = Math.Max(_cellCount, column + 1);
        return column;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private XlsxCell Value(CellValueKind type, int style, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return default;
        }

        switch (type)
        {
            case CellValueKind.SharedString when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index):
                // An index past the table is a damaged file; its cell is read as blank, as ExcelDataReader did.
                return index < _sharedStrings.Length && _sharedStrings[index].Length > 0
                    ? new XlsxCell(XlsxCellType.Text, _sharedStrings[index], 0, false)
                    : default;
            case CellValueKind.Boolean when value is "1" or "0" or "true" or "false":
                return new XlsxCell(XlsxCellType.Boolean, null, value is "1" or "true" ? 1 : 0, false);
            case CellValueKind.IsoDate when value.Length >= 10 && (value.Length == 10 || value[10] == 'T')
                && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return new XlsxCell(XlsxCellType.Date, null, date.ToDateTime(TimeOnly.MinValue).ToOADate(), false);
            case CellValueKind.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return style < _dateStyles.Length && _dateStyles[style] && ToOADate(number) is { } serial
                    ? new XlsxCell(XlsxCellType.Date, null, serial, false)
                    : new XlsxCell(XlsxCellType.Number, null, number, false);
            default:
                return new XlsxCell(XlsxCellType.Text, _text.Text(value), 0, false);
        }
    }

    /// <summary>An Excel date serial as an OLE Automation date, or null when no date has it.</summary>
    private double? ToOADate(double serial)
    {
        // Excel counts 29 February 1900, which never was, so its serials before 1 March 1900 are a day
        // behind; a 1904 workbook counts from 1 January 1904.
        var date = _date1904 ? serial + 1462 : serial is >= 0 and < 60 ? serial + 1 : serial;
        return date is > -657435 and < 2958466 ? date : null;
    }

    /// <summary>The zero-based column of a cell reference ("B7" is 1); a reference without a valid column is taken as the next column.</summary>
    private static int ColumnOf(ReadOnlySpan<char> reference, int nextColumn)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            if (++letters > 3)
            {
                return nextColumn;
            }
        }

        return letters == 0 || column > MostColumns ? nextColumn : column - 1;
    }
}

/// <summary>The element and attribute names the reader compares, as atoms of its readers' name table.</summary>
internal sealed class XlsxNames(XmlNameTable table)
{
    private readonly string _transitional = table.Add("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
    private readonly string _strict = table.Add("http://purl.oclc.org/ooxml/spreadsheetml/main");

    public string SharedStringTable { get; } = table.Add("sst");
    public string StringItem { get; } = table.Add("si");
    public string SheetData { get; } = table.Add("sheetData");
    public string Row { get; } = table.Add("row");
    public string Cell { get; } = table.Add("c");
    public string Value { get; } = table.Add("v");
    public string Formula { get; } = table.Add("f");
    public string InlineString { get; } = table.Add("is");
    public string Text { get; } = table.Add("t");
    public string Phonetic { get; } = table.Add("rPh");
    public string Reference { get; } = table.Add("r");
    public string Style { get; } = table.Add("s");
    public string Type { get; } = table.Add("t");

    public bool IsSpreadsheet(string namespaceUri) => (object)namespaceUri == _transitional || (object)namespaceUri == _strict;
}

/// <summary>Reads text (attribute values, element content, string items) into one reused buffer.</summary>
internal sealed class XlsxTextReader(XmlReader xml, XlsxNames names)
{
    private const int MostPooledLength = 48;
    private const int MostPooled = 16_384;

    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _pool =
        new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private char[] _buffer = new char[256];
    private int _length;

    /// <summary>The value of the attribute the reader is on; valid until the next read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<char> ReadAttribute()
    {
        _length = 0;
        Append();
        return _buffer.AsSpan(0, _length);
    }

    /// <summary>The text of the element the reader is on (left on its end); valid until the next read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<char> ReadElement()
    {
        _length = 0;
        AppendElement();
        return _buffer.AsSpan(0, _length);
    }

    /// <summary>
    /// A string item (<c>si</c>, or a cell's <c>is</c>) the reader is on: its plain text, or its rich
    /// text runs joined, without the phonetic guide (<c>rPh</c>) some East Asian workbooks carry.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string ReadStringItem()
    {
        _length = 0;
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            var phoneticDepth = -1;
            var textDepth = -1;
            while (xml.Read())
            {
                switch (xml.NodeType)
                {
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when textDepth >= 0:
                        Append();
                        break;
                    case XmlNodeType.Element when phoneticDepth < 0 && textDepth < 0 && !xml.IsEmptyElement && names.IsSpreadsheet(xml.NamespaceURI):
                        if ((object)xml.LocalName == names.Text)
                        {
                            textDepth = xml.Depth;
                        }
                        else if ((object)xml.LocalName == names.Phonetic)
                        {
                            phoneticDepth = xml.Depth;
                        }

                        break;
                    case XmlNodeType.EndElement when xml.Depth == textDepth:
                        textDepth = -1;
                        break;
                    case XmlNodeType.EndElement when xml.Depth == phoneticDepth:
                        phoneticDepth = -1;
                        break;
                    case XmlNodeType.EndElement when xml.Depth == depth:
                        return Text(_buffer.AsSpan(0, _length));
                }
            }
        }

        return Text(_buffer.AsSpan(0, _length));
    }

    /// <summary>
    /// The string for a cell's text. Short texts repeat down a column (force codes, references, dates,
    /// statuses), and every row of a load is kept until it is checked, so each short text is made once
    /// per sheet: far fewer objects for the collector to carry than one per cell. Shared strings are
    /// already made once; this does the same for inline strings.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Text(ReadOnlySpan<char> text)
    {
        if (text.Length > MostPooledLength || text.Contains("_x", StringComparison.Ordinal))
        {
            return Decode(text);
        }

        if (_pool.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var made = new string(text);
        if (_pool.Dictionary.Count < MostPooled)
        {
            _pool.Dictionary.Add(made, made);
        }

        return made;
    }

    /// <summary>
    /// The text, with the escapes Office writes for characters XML cannot hold (<c>_x000D_</c>, four
    /// upper-case hexadecimal digits) turned back into those characters, as ExcelDataReader did.
    /// </summary>
    public static string Decode(ReadOnlySpan<char> text)
    {
        var at = text.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0)
        {
            return new string(text);
        }

        var decoded = new char[text.Length];
        var length = 0;
        var from = 0;
        for (; at >= 0 && at + 7 <= text.Length; at = NextEscape(text, at + 1))
        {
            if (text[at + 6] != '_' || !TryParseHex(text.Slice(at + 2, 4), out var code))
            {
                continue;
            }

            text[from..at].CopyTo(decoded.AsSpan(length));
            length += at - from;
            decoded[length++] = code;
            from = at + 7;
            at += 6;
        }

        text[from..].CopyTo(decoded.AsSpan(length));
        return new string(decoded, 0, length + text.Length - from);

        static int NextEscape(ReadOnlySpan<char> text, int from)
        {
            var next = text[from..].IndexOf("_x", StringComparison.Ordinal);
            return next < 0 ? -1 : from + next;
        }
    }

    private static bool TryParseHex(ReadOnlySpan<char> digits, out char value)
    {
        var code = 0;
        foreach (var digit in digits)
        {
            var part = digit switch
            {
                >= '0' and <= '9' => digit - '0',
                >= 'A' and <= 'F' => digit - 'A' + 10,
                _ => -1,
            };
            if (part < 0)
            {
                value = default;
                return false;
            }

            code = code * 16 + part;
        }

        value = (char)code;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendElement()
    {
        if (xml.IsEmptyElement)
        {
            return;
        }

        var depth = xml.Depth;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    Append();
                    break;
                case XmlNodeType.EndElement when xml.Depth == depth:
                    return;
            }
        }
    }

    /// <summary>Appends the value of the node the reader is on, without making a string of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Append()
    {
        while (true)
        {
            // Room for a surrogate pair, which the reader will not split.
            if (_buffer.Length - _length < 2)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var room = _buffer.Length - _length;
            var read = xml.ReadValueChunk(_buffer, _length, room);
            _length += read;

            // Less than asked for is the end of the value; the reader fills the buffer while more is left.
            if (read < room - 1)
            {
                return;
            }
        }
    }
}
