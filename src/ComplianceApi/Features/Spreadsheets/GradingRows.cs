using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using static ComplianceApi.Features.Spreadsheets.SpreadsheetLayouts;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>Rows of the Gradings sheet: how an inspection graded a force, for an area or the whole report (admins only, as in the API).</summary>
public static class GradingRows
{
    public static string Key(ImportRow row) =>
        SpreadsheetImport.KeyOf(row.Raw(ForceCode), row.Raw(InspectionReference), row.Raw(Area) ?? Grading.WholeReport);

    public static ImportOutcome? Load(ImportRow row, SpreadsheetImport import)
    {
        if (!import.IsAdmin)
        {
            row.Problem(ForceCode, "Only admins record gradings; this API key cannot load Gradings rows.");
            return null;
        }

        var force = row.Required(ForceCode, Lengths.Code);
        if (force.Length > 0 && !import.ForceExists(force))
        {
            row.Problem(ForceCode, $"No force has code '{force}'; GET /api/v1/forces lists them.");
        }

        var reference = row.Required(InspectionReference, Lengths.Reference);
        var inspection = import.InspectionNamed(reference);
        if (reference.Length > 0 && inspection is null)
        {
            row.Problem(InspectionReference, $"No inspection has reference '{reference}' (stored, or on the Findings sheet of this file).");
        }

        var area = row.Text(Area, Lengths.Code) ?? Grading.WholeReport;
        var grade = row.Choice<Grade>(GradeGiven, required: true);
        var givenOn = row.Date(GivenOn, required: true);
        if (row.IsRejected || inspection is null || grade is null || givenOn is null)
        {
            return null;
        }

        if (import.GradingOf(inspection, force, area) is { } stored)
        {
            if (stored.Grade == grade && stored.GivenOn == givenOn)
            {
                return ImportOutcome.Unchanged;
            }

            stored.Regrade(grade.Value, givenOn.Value, import.Now);
            return ImportOutcome.Updated;
        }

        var grading = row.Domain(ForceCode, () => new Grading(Guid.CreateVersion7(import.Now), inspection, force, area, grade.Value, givenOn.Value, import.Now));
        if (grading is null)
        {
            return null;
        }

        import.Added(grading);
        return ImportOutcome.Created;
    }
}
