using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>Records exported in the import layout, as CSV or an Excel workbook.</summary>
/// <param name="Kind">The kind of record: Findings (inspections with their findings), Responses, ProgressUpdates, Actions or Gradings. Required for CSV; an Excel workbook without it has a sheet of every kind.</param>
/// <param name="Format">Csv or Xlsx; the Accept header chooses when this is omitted, and Xlsx when it names neither.</param>
/// <param name="ForceCode">Only records of this force (for findings: those that concern it); a collaboration's code means its members too.</param>
/// <param name="InspectionReference">Only records of this inspection report, by its reference: its findings, the responses and progress updates to them, the actions of plans that answer it or serve its findings, and its gradings.</param>
/// <param name="Tag">Only records carrying this tag (any case): findings their national tags, responses and their progress updates the force's tags on the response. Repeat it for records carrying every tag given. Actions and gradings carry no tags: a workbook asked for with a tag leaves their sheets out, and kind Actions or Gradings with a tag is refused.</param>
public sealed record ExportSpreadsheetQuery(
    SpreadsheetKind? Kind,
    SpreadsheetFormat? Format,
    string? ForceCode,
    string? InspectionReference,
    string[]? Tag = null) : IRequest<SpreadsheetExport>;

/// <summary>
/// An export ready to be written: its format, file name and sheets, whose rows are read while they are
/// written, and the restricted records among those written so far (for the audit trail, once it is sent).
/// </summary>
public sealed record SpreadsheetExport(
    SpreadsheetFormat Format, string FileName, IReadOnlyList<SpreadsheetExportSheet> Sheets, IReadOnlyCollection<Guid> RestrictedRead);

public sealed class ExportSpreadsheetValidator : AbstractValidator<ExportSpreadsheetQuery>
{
    public ExportSpreadsheetValidator()
    {
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Format).IsInEnum();
        RuleFor(q => q.Kind).NotNull().When(q => q.Format == SpreadsheetFormat.Csv)
            .WithMessage($"A CSV file holds one kind of record: name it ({string.Join(", ", Enum.GetNames<SpreadsheetKind>())}), or ask for Xlsx to have every kind.");
        RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
        RuleFor(q => q.InspectionReference).MaximumLength(Lengths.Reference);
        this.ValidatesTagFilter(q => q.Tag);
        RuleFor(q => q.Kind).Must(k => SpreadsheetLayouts.For(k!.Value).FilteredByTag)
            .When(q => q.Kind is not null && q.Tag is { Length: > 0 })
            .WithMessage(q => $"{q.Kind} carry no tags, so cannot be filtered by tag: drop tag, or ask for a kind that carries them "
                + $"({string.Join(", ", SpreadsheetLayouts.All.Where(l => l.FilteredByTag).Select(l => l.Kind))}).");
    }
}

public sealed class ExportSpreadsheetHandler(ComplianceDbContext db, Caller caller, TimeProvider clock)
    : IRequestHandler<ExportSpreadsheetQuery, SpreadsheetExport>
{
    public async Task<SpreadsheetExport> Handle(ExportSpreadsheetQuery query, CancellationToken cancellationToken)
    {
        // Resolved before anything is written, so an unknown force or report is a 400, not a broken download.
        var forceCodes = await db.ForceCodesMeantByAsync(query.ForceCode, "forceCode", cancellationToken);
        Guid? inspectionId = null;
        if (query.InspectionReference is { } reference)
        {
            inspectionId = await db.Inspections.AsNoTracking().Where(i => i.Reference == reference).Select(i => (Guid?)i.Id)
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw Invalid.Field("inspectionReference", $"No inspection has reference '{reference}'; GET /api/v1/inspections lists them.");
        }

        var tagKeys = ResponseFilterValidation.TagFilterKeys(query.Tag);
        var rows = new SpreadsheetRows(db, new SpreadsheetExportFilter(caller.ForceCodes, forceCodes, inspectionId, tagKeys),
            caller.Restricted?.Readable ?? RestrictedView.None.Readable);
        var layouts = query.Kind is { } kind ? [SpreadsheetLayouts.For(kind)]
            : tagKeys.Count > 0 ? [.. SpreadsheetLayouts.All.Where(l => l.FilteredByTag)]
            : SpreadsheetLayouts.All;
        var format = query.Format ?? SpreadsheetFormat.Xlsx;
        var name = string.Join("-", new[] { "compliance", query.Kind?.ToString() ?? "workbook", query.ForceCode, query.InspectionReference }
            .OfType<string>().Select(Safe));
        var today = clock.Today();
        return new SpreadsheetExport(
            format,
            $"{name}-{today:yyyy-MM-dd}.{(format == SpreadsheetFormat.Csv ? "csv" : "xlsx")}",
            [.. layouts.Select(l => new SpreadsheetExportSheet(l, rows.For(l.Kind)))],
            rows.RestrictedRead);
    }

    private static string Safe(string part) => new([.. part.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
