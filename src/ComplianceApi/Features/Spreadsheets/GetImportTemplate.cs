using ComplianceApi.Xlsx;
using MediatR;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>The workbook to fill in for a load: a sheet per kind of record, and notes on every column.</summary>
public sealed record GetImportTemplateQuery : IRequest<byte[]>;

/// <summary>
/// Written from <see cref="SpreadsheetLayouts"/> alone: each kind's sheet has the layout's headers and one
/// row of its example values; the notes sheet has a row per sheet (what it holds and how its rows are
/// matched) followed by a row per column. Export-only columns are left out: the template is what a force
/// fills in, and a column whose values a load ignores would invite entries that go nowhere.
/// </summary>
public sealed class GetImportTemplateHandler : IRequestHandler<GetImportTemplateQuery, byte[]>
{
    public const string NotesSheet = "Notes";

    public static readonly string[] NotesHeaders = ["Sheet", "Header", "Required", "Description", "Allowed values"];

    public Task<byte[]> Handle(GetImportTemplateQuery query, CancellationToken cancellationToken) => Task.FromResult(Template());

    public static byte[] Template()
    {
        using var buffer = new MemoryStream();
        using (var workbook = new XlsxWorkbookWriter(buffer, [.. SpreadsheetLayouts.All.Select(l => l.SheetName), NotesSheet]))
        {
            foreach (var layout in SpreadsheetLayouts.All)
            {
                workbook.StartSheet(layout.SheetName);
                workbook.WriteTextRow(layout.LoadedColumns.Select(c => c.Header));
                workbook.WriteTextRow(layout.LoadedColumns.Select(c => c.Example));
            }

            workbook.StartSheet(NotesSheet);
            workbook.WriteTextRow(NotesHeaders);
            foreach (var layout in SpreadsheetLayouts.All)
            {
                workbook.WriteTextRow([layout.SheetName, "", "", $"{layout.Description} Rows are matched to stored records on {layout.NaturalKey}.", ""]);
                foreach (var column in layout.LoadedColumns)
                {
                    workbook.WriteTextRow(
                    [
                        layout.SheetName,
                        column.Header,
                        SpreadsheetValues.Format(column.Required),
                        column.Description,
                        SpreadsheetValues.FormatList(column.AllowedValues ?? []),
                    ]);
                }
            }
        }

        return buffer.ToArray();
    }
}
