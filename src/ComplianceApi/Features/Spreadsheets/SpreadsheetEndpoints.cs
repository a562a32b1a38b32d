using ComplianceApi.Common;
using MediatR;

namespace ComplianceApi.Features.Spreadsheets;

public static class SpreadsheetEndpoints
{
    public static void MapSpreadsheets(this IEndpointRouteBuilder api)
    {
        var exports = api.MapGroup("/exports").WithTags("Spreadsheets").WithCommonProblems();

        exports.MapGet("", async ([AsParameters] ExportSpreadsheetQuery query, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var export = await mediator.Send(query with { Format = SpreadsheetDocuments.Negotiate(query.Format, request) }, ct);
                return TypedResults.Stream(
                    body => export.Format == SpreadsheetFormat.Csv
                        ? SpreadsheetDocuments.WriteCsvAsync(export.Sheets.Single(), body, ct)
                        : SpreadsheetDocuments.WriteXlsxAsync(export.Sheets, body, ct),
                    SpreadsheetDocuments.MediaType(export.Format),
                    export.FileName);
            })
            .WithName("ExportSpreadsheet")
            .WithSummary("Exports records in the import layout, as CSV (one kind) or an Excel workbook (one kind, or a sheet of every kind), "
                + "so the file loads back unchanged. Cells a spreadsheet would run as formulas are written with a leading quote. "
                + "A force-scoped key exports its own force's responses, progress updates, actions and gradings.")
            .Produces(StatusCodes.Status200OK).ProducesDocuments(SpreadsheetDocuments.DocumentTypes).ProducesValidationProblem();

        var imports = api.MapGroup("/imports").WithTags("Spreadsheets").WithCommonProblems();

        imports.MapGet("/template", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.File(await mediator.Send(new GetImportTemplateQuery(), ct), SpreadsheetDocuments.Xlsx, "import-template.xlsx"))
            .WithName("GetImportTemplate")
            .WithSummary("Gets the Excel workbook to fill in for a load: a sheet per kind of record with its headers and an example row, "
                + "and a Notes sheet describing every column, whether it is required and its allowed values.")
            .Produces(StatusCodes.Status200OK).ProducesDocuments(SpreadsheetDocuments.Xlsx);
    }
}
