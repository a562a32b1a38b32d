using System.IO.Compression;
using System.Text;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Xlsx;
using Uploads = ComplianceApi.Features.Spreadsheets.SpreadsheetUploads;

namespace ComplianceApi.Tests.Xlsx;

/// <summary>
/// Workbooks written part by part, as Excel, LibreOffice and Google Sheets save them (shared strings,
/// styles, formulas, rows and cells without references), read as a load reads them.
/// </summary>
public sealed class XlsxWorkbookReaderTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    // Columns of the progress update layout: G holds the narrative (text), D the date it took effect.
    private static readonly string Headers = Row(1, [.. SpreadsheetLayouts.ProgressUpdates.Columns.Select((c, i) => Inline($"{(char)('A' + i)}1", c.Header))]);

    [Fact]
    public void Shared_strings_are_read_whole_with_rich_text_runs_joined_and_phonetic_guides_left_out()
    {
        var sharedStrings = $"""
            <sst xmlns="{Main}" count="3" uniqueCount="3">
              <si><t>Review of NSPIS records under way.</t></si>
              <si><r><rPr><b/></rPr><t xml:space="preserve">Compliant </t></r><r><t>across the archive.</t></r></si>
              <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
            </sst>
            """;

        var rows = ReadSheet(Workbook([("Sheet1", Row(1, """<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>"""))], sharedStrings));

        Assert.Equal(["Review of NSPIS records under way.", "Compliant across the archive.", "東京"], rows.Single().Cells.Select(c => c.Text));
    }

    [Fact]
    public void Inline_strings_are_read_from_their_text_or_their_runs()
    {
        var rows = ReadSheet(Workbook([("Sheet1", Row(1,
            """<c r="A1" t="inlineStr"><is><t>lancashire</t></is></c><c r="B1" t="inlineStr"><is><r><t>Recommendation </t></r><r><rPr><i/></rPr><t>1</t></r></is></c>""",
            """<c r="C1" t="inlineStr"><is><t/></is></c>"""))]));

        Assert.Equal([XlsxCellType.Text, XlsxCellType.Text, XlsxCellType.Blank], rows.Single().Cells.Select(c => c.Type));
        Assert.Equal(["lancashire", "Recommendation 1", null], rows.Single().Cells.Select(c => c.Text));
    }

    [Fact]
    public void Characters_office_escapes_in_text_are_read_back_as_themselves()
    {
        var rows = ReadSheet(Workbook([("Sheet1", Row(1,
            Inline("A1", "Archive reviewed._x000D_\nNSPIS records kept."), Inline("B1", "Pol_x0020_49/15 and _x00zz_ as typed")))]));

        Assert.Equal(["Archive reviewed.\r\nNSPIS records kept.", "Pol 49/15 and _x00zz_ as typed"], rows.Single().Cells.Select(c => c.Text));
    }

    [Fact]
    public void Booleans_load_as_Yes_and_No()
    {
        var sheet = Load(Updates(Row(2, """<c r="G2" t="b"><v>1</v></c><c r="H2" t="b"><v>0</v></c>""")));

        Assert.Equal("Yes", Cell(sheet, 2, SpreadsheetLayouts.Narrative));
        Assert.Equal("No", Cell(sheet, 2, SpreadsheetLayouts.Author));
    }

    [Fact]
    public void A_number_with_a_date_format_loads_as_an_iso_date_in_any_column()
    {
        // Style 1 is the built-in short date (14); style 2 a custom UK date; style 3 a custom date with a locale.
        var styles = Styles(["""<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>""", """<numFmt numFmtId="165" formatCode="[$-809]d\ mmmm\ yyyy;@"/>"""], 0, 14, 164, 165);

        var sheet = Load(Updates(
            Row(2, """<c r="G2" s="1"><v>42278</v></c>"""),
            Row(3, """<c r="G3" s="2"><v>42278</v></c>"""),
            Row(4, """<c r="G4" s="3"><v>42278.5</v></c><c r="H4" s="1"><v>1</v></c>""")), styles: styles);

        Assert.Equal("2015-10-01", Cell(sheet, 2, SpreadsheetLayouts.Narrative));
        Assert.Equal("2015-10-01", Cell(sheet, 3, SpreadsheetLayouts.Narrative));
        Assert.Equal("2015-10-01", Cell(sheet, 4, SpreadsheetLayouts.Narrative));
        // Excel's serial 1 is 1 January 1900 (it counts a 29 February 1900 that never was).
        Assert.Equal("1900-01-01", Cell(sheet, 4, SpreadsheetLayouts.Author));
    }

    [Fact]
    public void A_number_in_a_plain_column_loads_as_the_number_written_and_in_a_date_column_as_the_date_of_its_serial()
    {
        var styles = Styles(["""<numFmt numFmtId="164" formatCode="0.0&quot; days&quot;"/>"""], 0, 2, 164);

        var sheet = Load(Updates(
            Row(2, """<c r="D2"><v>42278</v></c><c r="G2"><v>12.5</v></c><c r="H2" s="1"><v>3</v></c>"""),
            Row(3, """<c r="G3" t="n" s="2"><v>1E-3</v></c><c r="H3" s="0"><v>42278</v></c>""")), styles: styles);

        Assert.Equal("2015-10-01", Cell(sheet, 2, SpreadsheetLayouts.EffectiveOn));
        Assert.Equal("12.5", Cell(sheet, 2, SpreadsheetLayouts.Narrative));
        Assert.Equal("3", Cell(sheet, 2, SpreadsheetLayouts.Author));
        Assert.Equal("0.001", Cell(sheet, 3, SpreadsheetLayouts.Narrative));
        Assert.Equal("42278", Cell(sheet, 3, SpreadsheetLayouts.Author));
    }

    [Fact]
    public void Iso_date_cells_load_as_dates_and_error_cells_as_the_text_of_the_error()
    {
        var sheet = Load(Updates(Row(2, """<c r="D2" t="d"><v>2015-10-21T00:00:00</v></c><c r="G2" t="e"><f>VLOOKUP(A2,Codes!A:B,2,FALSE)</f><v>#N/A</v></c><c r="H2" t="e"><v>#DIV/0!</v></c>""")));

        Assert.Equal("2015-10-21", Cell(sheet, 2, SpreadsheetLayouts.EffectiveOn));
        Assert.True(sheet.Rows.Single().IsFormula(sheet.IndexOf(SpreadsheetLayouts.Narrative)));
        Assert.Equal("#DIV/0!", Cell(sheet, 2, SpreadsheetLayouts.Author));
    }

    [Fact]
    public void Formula_cells_are_reported_as_formulas_whatever_they_hold()
    {
        var sheet = Load(Updates(
            Row(2, """<c r="G2"><f>1+1</f><v>2</v></c><c r="H2" t="str"><f>"Information "&amp;"Management Unit"</f><v>Information Management Unit</v></c>"""),
            Row(3, """<c r="G3"><f t="shared" ref="G3:G4" si="0">LEN(A3)</f><v>10</v></c><c r="H3" t="inlineStr"><is><t>Author</t></is></c>"""),
            Row(4, """<c r="G4"><f t="shared" si="0"/><v>10</v></c><c r="H4" t="inlineStr"><is><t>Author</t></is></c>""")));

        var narrative = sheet.IndexOf(SpreadsheetLayouts.Narrative);
        var author = sheet.IndexOf(SpreadsheetLayouts.Author);
        Assert.Equal([true, true, true], sheet.Rows.Select(r => r.IsFormula(narrative)));
        Assert.Equal([true, false, false], sheet.Rows.Select(r => r.IsFormula(author)));
        Assert.Equal("Author", Cell(sheet, 4, SpreadsheetLayouts.Author));
    }

    [Fact]
    public void Rows_and_cells_without_references_are_placed_by_counting_and_gaps_between_them_are_blank()
    {
        var rows = ReadSheet(Workbook([("Sheet1", string.Concat(
            "<row>", Inline(null, "a"), Inline(null, "b"), "</row>",
            "<row>", Inline(null, "c"), Inline("D2", "d"), Inline(null, "e"), "</row>",
            """<row r="5">""", Inline("B5", "f"), "</row>",
            """<row r="7"/>""",
            "<row>", Inline(null, "g"), "</row>"))]));

        Assert.Equal([1, 2, 5, 7, 8], rows.Select(r => r.Number));
        Assert.Equal(["a", "b"], rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["c", null, null, "d", "e"], rows[1].Cells.Select(c => c.Text));
        Assert.Equal([null, "f"], rows[2].Cells.Select(c => c.Text));
        Assert.Empty(rows[3].Cells);
        Assert.Equal(["g"], rows[4].Cells.Select(c => c.Text));
    }

    [Fact]
    public void Loaded_rows_keep_the_numbers_the_spreadsheet_shows_when_rows_are_missing_or_blank()
    {
        var sheet = Load(Updates(
            Row(2, Inline("G2", "First")),
            Row(3, """<c r="G3"/>"""),
            Row(6, Inline("G6", "Sixth"))));

        Assert.Equal([2, 6], sheet.Rows.Select(r => r.Number));
    }

    [Fact]
    public void Sheets_are_found_through_the_workbook_relationships_in_workbook_order_whether_targets_are_relative_or_absolute()
    {
        var file = Package(
            ("_rels/.rels", $"""<Relationships xmlns="{PackageRelationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""),
            ("xl/workbook.xml", $"""
                <workbook xmlns="{Main}" xmlns:r="{OfficeRelationships}">
                  <sheets><sheet name="Notes" sheetId="2" r:id="rId7"/><sheet name="ProgressUpdates" sheetId="1" r:id="rId3"/></sheets>
                </workbook>
                """),
            ("xl/_rels/workbook.xml.rels", $"""
                <Relationships xmlns="{PackageRelationships}">
                  <Relationship Id="rId3" Type="{OfficeRelationships}/worksheet" Target="/xl/worksheets/updates.xml"/>
                  <Relationship Id="rId7" Type="{OfficeRelationships}/worksheet" Target="worksheets/notes.xml"/>
                </Relationships>
                """),
            ("xl/worksheets/updates.xml", Sheet(Updates(Row(2, Inline("G2", "Loaded"))))),
            ("xl/worksheets/notes.xml", Sheet(Row(1, Inline("A1", "Read me first")))));

        using var workbook = new XlsxWorkbookReader(new MemoryStream(file));
        Assert.Equal(["Notes", "ProgressUpdates"], workbook.SheetNames);
        using (var notes = workbook.OpenSheet(0))
        {
            Assert.True(notes.ReadRow());
            Assert.Equal("Read me first", notes.Cells[0].Text);
        }

        Assert.Equal("Loaded", Cell(Assert.Single(Uploads.Read(new MemoryStream(file), null, 100)), 2, SpreadsheetLayouts.Narrative));
    }

    [Fact]
    public void Sheets_that_are_not_loaded_are_not_read()
    {
        var file = Workbook([("Notes", "<row><c><v>not closed"), ("ProgressUpdates", Updates(Row(2, Inline("G2", "Loaded"))))]);

        Assert.Equal("Loaded", Cell(Assert.Single(Uploads.Read(new MemoryStream(file), null, 100)), 2, SpreadsheetLayouts.Narrative));
    }

    [Theory]
    [InlineData("dd/mm/yyyy", true)]
    [InlineData("[$-809]d mmmm yyyy", true)]
    [InlineData("h:mm AM/PM", true)]
    [InlineData("yyyy\\-mm\\-dd", true)]
    [InlineData("General", false)]
    [InlineData("0.00", false)]
    [InlineData("#,##0 \"days\"", false)]
    [InlineData("[Red]0.0;[Blue]-0.0", false)]
    [InlineData("\\d0", false)]
    [InlineData("_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)", false)]
    [InlineData("@", false)]
    public void A_custom_number_format_shows_a_date_when_it_has_date_or_time_letters_outside_quotes_brackets_and_escapes(string formatCode, bool isDate)
    {
        Assert.Equal(isDate, XlsxWorkbookReader.IsDateFormat(formatCode));
    }

    [Fact]
    public void Damaged_workbooks_are_refused_naming_what_could_not_be_read()
    {
        var noWorkbook = Package(("docProps/app.xml", "<Properties/>"));
        var badXml = Workbook([("ProgressUpdates", Headers + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>lancashire</t></row>")]);
        var missingSheet = Package(
            ("xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="{OfficeRelationships}"><sheets><sheet name="ProgressUpdates" sheetId="1" r:id="rId1"/></sheets></workbook>"""),
            ("xl/_rels/workbook.xml.rels", $"""<Relationships xmlns="{PackageRelationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""));

        Assert.Equal("The workbook could not be read: The package has no workbook part (xl/workbook.xml); it is not an Excel workbook.", Fault(noWorkbook));
        Assert.StartsWith("The workbook could not be read: The 'is' start tag on line 1", Fault(badXml));
        Assert.Equal("The workbook could not be read: The sheet 'ProgressUpdates' has no worksheet part (xl/worksheets/sheet1.xml) in the package.", Fault(missingSheet));
    }

    private static string Fault(byte[] file) =>
        Assert.Single(Assert.Throws<FluentValidation.ValidationException>(() => Uploads.Read(new MemoryStream(file), SpreadsheetKind.ProgressUpdates, 100)).Errors).ErrorMessage;

    private static string? Cell(SpreadsheetSheet sheet, int row, SpreadsheetColumn column) => sheet.Rows.Single(r => r.Number == row)[sheet.IndexOf(column)];

    private static SpreadsheetSheet Load(string sheetData, string? styles = null) =>
        Assert.Single(Uploads.Read(new MemoryStream(Workbook([("ProgressUpdates", sheetData)], styles: styles)), SpreadsheetKind.ProgressUpdates, 100));

    private static List<(int Number, List<XlsxCell> Cells)> ReadSheet(byte[] file)
    {
        using var workbook = new XlsxWorkbookReader(new MemoryStream(file));
        using var sheet = workbook.OpenSheet(0);
        var rows = new List<(int, List<XlsxCell>)>();
        while (sheet.ReadRow())
        {
            rows.Add((sheet.RowNumber, [.. sheet.Cells]));
        }

        return rows;
    }

    private static string Updates(params string[] rows) => Headers + string.Concat(rows);

    private static string Row(int number, params string[] cells) => $"""<row r="{number}">{string.Concat(cells)}</row>""";

    private static string Inline(string? reference, string text) =>
        $"""<c{(reference is null ? "" : $" r=\"{reference}\"")} t="inlineStr"><is><t>{text}</t></is></c>""";

    private static string Sheet(string sheetData) => $"""<worksheet xmlns="{Main}"><sheetData>{sheetData}</sheetData></worksheet>""";

    /// <summary>A styles part whose cell formats (cellXfs) have these number formats, in order.</summary>
    private static string Styles(IEnumerable<string> numberFormats, params int[] cellFormats) => $"""
        <styleSheet xmlns="{Main}">
          <numFmts>{string.Concat(numberFormats)}</numFmts>
          <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
          <cellXfs>{string.Concat(cellFormats.Select(f => $"""<xf numFmtId="{f}" xfId="0" applyNumberFormat="1"/>"""))}</cellXfs>
        </styleSheet>
        """;

    /// <summary>A workbook of these sheets (name and sheetData content), as Excel lays its parts out.</summary>
    private static byte[] Workbook(IReadOnlyList<(string Name, string SheetData)> sheets, string? sharedStrings = null, string? styles = null)
    {
        var parts = new List<(string, string)>
        {
            ("[Content_Types].xml", """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"""),
            ("_rels/.rels", $"""<Relationships xmlns="{PackageRelationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""),
            ("xl/workbook.xml", $"""
                <workbook xmlns="{Main}" xmlns:r="{OfficeRelationships}"><sheets>{string.Concat(sheets.Select((s, i) => $"""<sheet name="{s.Name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>"""))}</sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", $"""
                <Relationships xmlns="{PackageRelationships}">
                  {string.Concat(sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="{OfficeRelationships}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""))}
                  <Relationship Id="rIdStrings" Type="{OfficeRelationships}/sharedStrings" Target="sharedStrings.xml"/>
                  <Relationship Id="rIdStyles" Type="{OfficeRelationships}/styles" Target="styles.xml"/>
                </Relationships>
                """),
        };
        parts.AddRange(sheets.Select((s, i) => ($"xl/worksheets/sheet{i + 1}.xml", Sheet(s.SheetData))));
        if (sharedStrings is not null)
        {
            parts.Add(("xl/sharedStrings.xml", sharedStrings));
        }

        if (styles is not null)
        {
            parts.Add(("xl/styles.xml", styles));
        }

        return Package([.. parts]);
    }

    private static byte[] Package(params (string Path, string Xml)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, xml) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
        }

        return buffer.ToArray();
    }
}
