using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceApi.Xlsx;

/// <summary>The cell formats every workbook carries (xl/styles.xml), in its order.</summary>
public enum XlsxCellStyle { Normal, Header, Wrapped, Red, Amber, Green }

/// <summary>
/// Writes an Excel workbook front to back, a row at a time, so a sheet of a million rows never sits in
/// memory. Text is written as inline strings (no shared-string table to build first), neutralised by
/// <see cref="SpreadsheetCells"/>, and never as formulas.
/// </summary>
/// <remarks>
/// The Open XML SDK's <c>SpreadsheetDocument</c> cannot do this on .NET: System.IO.Packaging opens a
/// package it writes in zip update mode, which keeps every part in memory until the package closes
/// (Open-XML-SDK issue 807), and a write-only package refuses the SDK's part handling. So the few
/// package parts are written here into a zip in create mode, which streams, and each sheet with the
/// SDK's forward-only <see cref="OpenXmlWriter"/>. The sheets are declared up front, so the package
/// parts come first, as spreadsheet programs expect, and each sheet follows in order.
/// </remarks>
public sealed class XlsxWorkbookWriter : IDisposable
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    // The elements only name what the writer writes; one instance of each serves every row and cell.
    private static readonly Row RowElement = new();
    private static readonly Cell CellElement = new();
    private static readonly InlineString InlineStringElement = new();
    private static readonly Text TextElement = new();
    private static readonly CellValue CellValueElement = new();
    private static readonly OpenXmlAttribute InlineStringType = new("t", "", "inlineStr");
    private static readonly OpenXmlAttribute NumberType = new("t", "", "n");
    private static readonly OpenXmlAttribute PreserveSpace = new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");

    private readonly ZipArchive _archive;
    private readonly IReadOnlyList<string> _sheetNames;
    private readonly OpenXmlAttribute[] _cellAttributes = new OpenXmlAttribute[2];
    private readonly OpenXmlAttribute[] _styledCellAttributes = new OpenXmlAttribute[3];
    private readonly OpenXmlAttribute[] _rowAttributes = new OpenXmlAttribute[1];
    private int _sheetsStarted;
    private Stream? _sheetStream;
    private OpenXmlWriter? _sheet;
    private int _rowNumber;
    private int _columnNumber;
    private bool _inRow;

    /// <param name="output">Where the workbook goes; written forward only, so it need not seek.</param>
    /// <param name="sheetNames">The workbook's sheets, in the order they will be written.</param>
    public XlsxWorkbookWriter(Stream output, IReadOnlyList<string> sheetNames)
    {
        if (sheetNames.Count == 0 || sheetNames.Distinct(StringComparer.OrdinalIgnoreCase).Count() != sheetNames.Count)
        {
            throw new ArgumentException("A workbook has at least one sheet, and its sheets have different names.", nameof(sheetNames));
        }

        _sheetNames = sheetNames;
        _archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        WritePackageParts();
    }

    /// <summary>Starts the next declared sheet; the name is checked against the declared order.</summary>
    public void StartSheet(string name) => StartSheet(name, [], 0);

    /// <summary>
    /// Starts the next declared sheet with its columns' widths (in characters, from column A) and the
    /// number of top rows frozen so they stay in view while scrolling (a header row: 1).
    /// </summary>
    public void StartSheet(string name, IReadOnlyList<double> columnWidths, int frozenRows)
    {
        if (_sheetsStarted >= _sheetNames.Count || _sheetNames[_sheetsStarted] != name)
        {
            throw new InvalidOperationException($"The next sheet declared is not '{name}'.");
        }

        EndSheet();
        _sheetsStarted++;
        _sheetStream = _archive.CreateEntry($"xl/worksheets/sheet{_sheetsStarted}.xml", CompressionLevel.Fastest).Open();
        _sheet = OpenXmlWriter.Create(_sheetStream, Encoding.UTF8);
        _sheet.WriteStartDocument();
        _sheet.WriteStartElement(new Worksheet());
        if (frozenRows > 0)
        {
            var topLeft = $"A{frozenRows + 1}";
            _sheet.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = frozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue>([new StringValue(topLeft)]) })
            { WorkbookViewId = 0 }));
        }

        if (columnWidths.Count > 0)
        {
            var columns = new Columns();
            for (var i = 0; i < columnWidths.Count; i++)
            {
                columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = columnWidths[i], CustomWidth = true });
            }

            _sheet.WriteElement(columns);
        }

        _sheet.WriteStartElement(new SheetData());
        _rowNumber = 0;
    }

    public void StartRow()
    {
        var sheet = _sheet ?? throw new InvalidOperationException("Start a sheet before writing rows.");
        EndRow();
        _rowNumber++;
        _columnNumber = 0;
        _rowAttributes[0] = new OpenXmlAttribute("r", "", _rowNumber.ToString(CultureInfo.InvariantCulture));
        sheet.WriteStartElement(RowElement, _rowAttributes);
        _inRow = true;
    }

    /// <summary>A text cell: what a spreadsheet program would run as a formula gets a leading quote.</summary>
    public void WriteText(string text) => WriteText(text, XlsxCellStyle.Normal);

    /// <summary>A text cell in one of the workbook's formats.</summary>
    public void WriteText(string text, XlsxCellStyle style)
    {
        var sheet = StartCell(InlineStringType, style);
        var value = SpreadsheetCells.Neutralise(text);
        sheet.WriteStartElement(InlineStringElement);
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            sheet.WriteStartElement(TextElement, [PreserveSpace]);
        }
        else
        {
            sheet.WriteStartElement(TextElement);
        }

        sheet.WriteString(value);
        sheet.WriteEndElement();
        sheet.WriteEndElement();
        sheet.WriteEndElement();
    }

    /// <summary>A number cell, for counts a reader may want to sum.</summary>
    public void WriteNumber(long number)
    {
        var sheet = StartCell(NumberType);
        sheet.WriteStartElement(CellValueElement);
        sheet.WriteString(number.ToString(CultureInfo.InvariantCulture));
        sheet.WriteEndElement();
        sheet.WriteEndElement();
    }

    /// <summary>A row of text cells.</summary>
    public void WriteTextRow(IEnumerable<string> cells, XlsxCellStyle style = XlsxCellStyle.Normal)
    {
        StartRow();
        foreach (var cell in cells)
        {
            WriteText(cell, style);
        }

        EndRow();
    }

    public void EndRow()
    {
        if (_inRow)
        {
            _sheet!.WriteEndElement();
            _inRow = false;
        }
    }

    /// <summary>Finishes the workbook; sheets declared but never started are written empty, so the package stays whole.</summary>
    public void Dispose()
    {
        EndSheet();
        while (_sheetsStarted < _sheetNames.Count)
        {
            StartSheet(_sheetNames[_sheetsStarted]);
            EndSheet();
        }

        _archive.Dispose();
    }

    private OpenXmlWriter StartCell(OpenXmlAttribute type, XlsxCellStyle style = XlsxCellStyle.Normal)
    {
        if (!_inRow)
        {
            throw new InvalidOperationException("Start a row before writing cells.");
        }

        _columnNumber++;
        _cellAttributes[0] = new OpenXmlAttribute("r", "", ColumnName(_columnNumber) + _rowNumber.ToString(CultureInfo.InvariantCulture));
        _cellAttributes[1] = type;
        if (style == XlsxCellStyle.Normal)
        {
            _sheet!.WriteStartElement(CellElement, _cellAttributes);
        }
        else
        {
            _styledCellAttributes[0] = _cellAttributes[0];
            _styledCellAttributes[1] = type;
            _styledCellAttributes[2] = new OpenXmlAttribute("s", "", ((int)style).ToString(CultureInfo.InvariantCulture));
            _sheet!.WriteStartElement(CellElement, _styledCellAttributes);
        }

        return _sheet;
    }

    private void EndSheet()
    {
        if (_sheet is null)
        {
            return;
        }

        EndRow();
        _sheet.WriteEndElement(); // sheetData
        _sheet.WriteEndElement(); // worksheet
        _sheet.Close();
        _sheet.Dispose();
        _sheetStream!.Dispose();
        _sheet = null;
        _sheetStream = null;
    }

    /// <summary>1 is A, 26 is Z, 27 is AA.</summary>
    private static string ColumnName(int number)
    {
        Span<char> letters = stackalloc char[4];
        var at = letters.Length;
        while (number > 0)
        {
            number--;
            letters[--at] = (char)('A' + (number % 26));
            number /= 26;
        }

        return new string(letters[at..]);
    }

    private void WritePackageParts()
    {
        WriteXml("[Content_Types].xml", xml =>
        {
            xml.WriteStartElement("Types", ContentTypesNamespace);
            Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(xml, "xml", "application/xml");
            Override(xml, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(xml, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var i = 1; i <= _sheetNames.Count; i++)
            {
                Override(xml, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            }

            xml.WriteEndElement();
        });

        WriteXml("_rels/.rels", xml =>
        {
            xml.WriteStartElement("Relationships", RelationshipsNamespace);
            Relationship(xml, "rId1", $"{OfficeRelationships}/officeDocument", "xl/workbook.xml");
            xml.WriteEndElement();
        });

        WriteXml("xl/_rels/workbook.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", RelationshipsNamespace);
            for (var i = 1; i <= _sheetNames.Count; i++)
            {
                Relationship(xml, $"rId{i}", $"{OfficeRelationships}/worksheet", $"worksheets/sheet{i}.xml");
            }

            Relationship(xml, $"rId{_sheetNames.Count + 1}", $"{OfficeRelationships}/styles", "styles.xml");

            xml.WriteEndElement();
        });

        var sheets = new Sheets();
        for (var i = 1; i <= _sheetNames.Count; i++)
        {
            sheets.Append(new Sheet { Name = _sheetNames[i - 1], SheetId = (uint)i, Id = $"rId{i}" });
        }

        using (var styles = _archive.CreateEntry("xl/styles.xml", CompressionLevel.Fastest).Open())
        {
            Styles().Save(styles);
        }

        var workbook = new Workbook(sheets);
        workbook.AddNamespaceDeclaration("r", OfficeRelationships);
        using var stream = _archive.CreateEntry("xl/workbook.xml", CompressionLevel.Fastest).Open();
        workbook.Save(stream);
    }

    /// <summary>The formats of <see cref="XlsxCellStyle"/>, in its order: fills light enough for black text (WCAG AA).</summary>
    private static Stylesheet Styles()
    {
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }) { PatternType = PatternValues.Solid });
        static CellFormat Format(uint font, uint fill, uint border, bool wrap) => new(new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Top })
        { FontId = font, FillId = fill, BorderId = border, ApplyFont = font != 0, ApplyFill = fill != 0, ApplyBorder = border != 0, ApplyAlignment = true };

        return new Stylesheet(
            new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFD9D9D9"), Solid("FFF4C7C3"), Solid("FFFCE8B2"), Solid("FFB7E1CD")) { Count = 6 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Rgb = "FF555555" }) { Style = BorderStyleValues.Medium }, new DiagonalBorder()))
            { Count = 2 },
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
                Format(1, 2, 1, wrap: true), Format(0, 0, 0, wrap: true), Format(1, 3, 0, wrap: false), Format(1, 4, 0, wrap: false), Format(1, 5, 0, wrap: false))
            { Count = 6 });
    }

    private void WriteXml(string entryName, Action<XmlWriter> write)
    {
        using var stream = _archive.CreateEntry(entryName, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void Default(XmlWriter xml, string extension, string contentType)
    {
        xml.WriteStartElement("Default", ContentTypesNamespace);
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void Override(XmlWriter xml, string partName, string contentType)
    {
        xml.WriteStartElement("Override", ContentTypesNamespace);
        xml.WriteAttributeString("PartName", partName);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", RelationshipsNamespace);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }
}
