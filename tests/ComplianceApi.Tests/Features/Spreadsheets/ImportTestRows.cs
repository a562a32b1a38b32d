using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Tests.Features.Spreadsheets;

/// <summary>Rows in the layouts' column order, drawn from "Building the picture" and the forces' committee papers.</summary>
public static class ImportTestRows
{
    public const string CityOfLondon = ResponseTestData.CityOfLondon;
    public const string Lancashire = ResponseTestData.Lancashire;

    public static string?[] Finding(string inspection, string finding, string deadline = "Within six months", string addressees = "ChiefConstables",
        string kind = "Recommendation") =>
    [
        inspection, "Hmic", "Building the picture: an inspection of police information management", "NationalThematic", "2015-07-02",
        "2014-05-01", "2014-11-30", "Published", "https://www.justiceinspectorates.gov.uk/hmicfrs/publications/building-the-picture/", "Yes", null,
        finding, kind, "Chief constables should ensure that their forces' records are reviewed and retained or deleted.", "InformationManagement",
        deadline, null, addressees, null,
    ];

    public static string?[] Response(string force, string inspection, string finding, string owner = "Detective Superintendent Information Management",
        string? target = "2016-03-31", string? reason = null, string? status = "InProgress", string? rag = "Amber",
        string? position = "Review of NSPIS records under way.") =>
    [
        force, inspection, finding, owner, "Head of Information Management", "Information Management Board", null, target, reason,
        "2016-03-01", null, status, rag, position, "2015-09-01",
    ];

    public static string?[] Update(string force, string inspection, string finding, string? effectiveOn, string? status, string? narrative,
        string? rag = "Amber", string? author = "Information Management Unit", string? signedOffBy = null) =>
        [force, inspection, finding, effectiveOn, status, rag, narrative, author, signedOffBy, null];

    public static string?[] Grading(string force, string inspection, string grade = "Good") => [force, inspection, null, grade, "2015-07-02"];

    public static string?[] Action(string force, string inspection, string finding) =>
    [
        force, $"Action plan for {inspection}", inspection, "Agree an Information Management Strategy", "Head of Information Management",
        "SIRO", "2015-11-30", "InProgress", null, $"{inspection}: {finding}",
    ];

    /// <summary>A workbook of every kind about one new inspection: later sheets refer to rows of earlier ones.</summary>
    public static byte[] WholeWorkbook(string inspection) => SpreadsheetUploads.Xlsx(
        SpreadsheetUploads.Sheet(SpreadsheetLayouts.Findings, Finding(inspection, "Recommendation 1"), Finding(inspection, "Recommendation 2", "by 31 March 2016")),
        SpreadsheetUploads.Sheet(SpreadsheetLayouts.Responses,
            Response(CityOfLondon, inspection, "Recommendation 1", status: null, rag: null, position: null),
            Response(Lancashire, inspection, "Recommendation 1", status: null, rag: null, position: null)),
        SpreadsheetUploads.Sheet(SpreadsheetLayouts.ProgressUpdates,
            Update(CityOfLondon, inspection, "Recommendation 1", "2015-10-01", "InProgress", "Archive reviewed; NSPIS records cannot be deleted."),
            Update(CityOfLondon, inspection, "Recommendation 1", "2015-11-01", "Implemented", "Compliant across the archive.", "Green")),
        SpreadsheetUploads.Sheet(SpreadsheetLayouts.Actions, Action(Lancashire, inspection, "Recommendation 1")),
        SpreadsheetUploads.Sheet(SpreadsheetLayouts.Gradings, Grading(Lancashire, inspection)));

    /// <summary>Everything stored about an inspection that a load could change: each record's version or last change, and each history's length.</summary>
    public static async Task<string> StoredStateAsync(this ComplianceApiHost host, string inspection)
    {
        var state = "";
        await host.WithDatabaseAsync(async db =>
        {
            var ct = TestContext.Current.CancellationToken;
            var stored = await db.Inspections.SingleOrDefaultAsync(i => i.Reference == inspection, ct);
            if (stored is null)
            {
                state = "none";
                return;
            }

            var findings = await db.Findings.Where(f => f.InspectionId == stored.Id).OrderBy(f => f.Reference)
                .Select(f => $"{f.Reference} {f.UpdatedAt:O} {f.DueDate}").ToListAsync(ct);
            var responses = await db.ForceResponses.Where(r => r.Finding.InspectionId == stored.Id).OrderBy(r => r.ForceCode)
                .Select(r => $"{r.ForceCode} v{r.Version} {r.UpdatedAt:O} {r.Status} {r.OwnerName} {r.TargetDate}"
                    + $" updates {r.Updates.Count} revisions {r.Revisions.Count} changes {r.TargetDateChanges.Count}").ToListAsync(ct);
            var actions = await db.PlanActions.Where(a => a.Findings.Any(f => db.Findings.Any(x => x.Id == f.FindingId && x.InspectionId == stored.Id)))
                .Select(a => $"{a.Title} {a.UpdatedAt:O}").ToListAsync(ct);
            var gradings = await db.Gradings.Where(g => g.InspectionId == stored.Id).Select(g => $"{g.ForceCode} {g.Grade} {g.UpdatedAt:O}").ToListAsync(ct);
            state = string.Join("\n", [$"inspection {stored.UpdatedAt:O}", .. findings, .. responses, .. actions, .. gradings]);
        });
        return state;
    }
}
