using ComplianceApi.Http;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ComplianceApi.Features.Spreadsheets;

public static class SpreadsheetEndpoints
{
    /// <summary>Room for the multipart framing and the other form parts around the file itself.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public static void MapSpreadsheets(this IEndpointRouteBuilder api)
    {
        var limits = SpreadsheetLimits.From(api.ServiceProvider.GetRequiredService<IConfiguration>());
        var imports = api.MapGroup("/imports").WithTags("Spreadsheets").WithCommonProblems();

        imports.MapPost("", async Task<Results<Ok<ImportReport>, ProblemHttpResult>> (
                    IFormFile file, SpreadsheetKind? kind, IMediator mediator, CancellationToken ct, bool dryRun = false) =>
                {
                    var report = await mediator.Send(new ImportSpreadsheetCommand(file, kind, dryRun), ct);
                    return report.DryRun || report.Counts.Rejected == 0 ? TypedResults.Ok(report) : TypedResults.Problem(Rejected(report));
                })
            .WithName("ImportSpreadsheet")
            .WithSummary("Loads a CSV or XLSX file of inspections and findings, responses, progress updates, actions or gradings, matching rows "
                + "to stored records on their natural keys: every row is reported created, updated, unchanged or rejected. A dry run writes "
                + "nothing; a real run writes all rows in one transaction, or none when any row is rejected (422 with the report).")
            .WithDescription("The file is the multipart part `file`, told apart by its content. A CSV holds one kind, named by `kind`; a workbook "
                + "loads the sheet of `kind`, or without it every sheet named after a kind (Findings, Responses, ProgressUpdates, Actions, "
                + "Gradings), in that order, so later sheets may refer to rows of earlier ones. At most Spreadsheets:MaxFileBytes (20 MB by "
                + "default) and Spreadsheets:MaxRows rows (100,000 by default), else 413.")
            .Produces<ImportRejectedProblem>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireAuthorization(Policies.Edit)
            .DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: limits.MaxFileBytes)
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxFileBytes + FormOverheadBytes));

        var exports = api.MapGroup("/exports").WithTags("Spreadsheets").WithCommonProblems();

        exports.MapGet("", async ([AsParameters] ExportSpreadsheetQuery query, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var export = await mediator.Send(query with { Format = SpreadsheetDocuments.Negotiate(query.Format, http.Request) }, ct);
                return TypedResults.Stream(
                    async body =>
                    {
                        try
                        {
                            await (export.Format == SpreadsheetFormat.Csv
                                ? SpreadsheetDocuments.WriteCsvAsync(export.Sheets.Single(), body, ct)
                                : SpreadsheetDocuments.WriteXlsxAsync(export.Sheets, body, ct));
                        }
                        finally
                        {
                            // Its rows are read as they are sent, so the read is recorded once they are; a download cut
                            // short was still read as far as it went.
                            await RestrictedReads.RecordAsync(http, export.RestrictedRead, CancellationToken.None);
                        }
                    },
                    SpreadsheetDocuments.MediaType(export.Format),
                    export.FileName);
            })
            .WithName("ExportSpreadsheet")
            .WithSummary("Exports records in the import layout, as CSV (one kind) or an Excel workbook (one kind, or a sheet of every kind), "
                + "so the file loads back unchanged. Cells a spreadsheet would run as formulas are written with a leading quote. "
                + "A force-scoped key exports its own force's responses, progress updates, actions and gradings.")
            .Produces(StatusCodes.Status200OK).ProducesDocuments(SpreadsheetDocuments.DocumentTypes).ProducesValidationProblem();

        imports.MapGet("/template", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.File(await mediator.Send(new GetImportTemplateQuery(), ct), SpreadsheetDocuments.Xlsx, "import-template.xlsx"))
            .WithName("GetImportTemplate")
            .WithSummary("Gets the Excel workbook to fill in for a load: a sheet per kind of record with its headers and an example row, "
                + "and a Notes sheet describing every column, whether it is required and its allowed values.")
            .Produces(StatusCodes.Status200OK).ProducesDocuments(SpreadsheetDocuments.Xlsx);
    }

    private static ImportRejectedProblem Rejected(ImportReport report) => new()
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "Rows of the file are rejected; nothing was written.",
        Detail = $"{report.Counts.Rejected} of {report.Rows.Count} rows are rejected; report.rows gives each row's problems by column. "
            + "Correct them and load the file again.",
        Report = report,
    };
}
