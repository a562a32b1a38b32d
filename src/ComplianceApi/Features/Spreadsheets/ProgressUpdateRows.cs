using ComplianceApi.Domain;
using ComplianceApi.Support;
using static ComplianceApi.Features.Spreadsheets.SpreadsheetLayouts;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>
/// Rows of the ProgressUpdates sheet: dated entries in responses' histories. An entry already stored
/// loads unchanged; a new one is appended through the domain's rules (dated in order, and so on). A new
/// Closed or "Pending sign off" row is the loading client's closure request, which another identity signs
/// off in the API: a sheet never closes a response. Stored history is never edited.
/// A history may hold identical entries (same day, status and narrative), which the key cannot tell apart:
/// they are counted instead, the n-th identical row of a file matching the n-th identical stored entry,
/// so that an export loads back unchanged and a row beyond the stored ones is a new entry.
/// </summary>
public static class ProgressUpdateRows
{
    public static string Key(ImportRow row) => SpreadsheetImport.KeyOf(
        row.Raw(ForceCode), row.Raw(InspectionReference), row.Raw(FindingReference),
        row.Raw(EffectiveOn) is { } date && SpreadsheetValues.TryParseDate(date, out var effectiveOn) ? SpreadsheetValues.Format(effectiveOn) : row.Raw(EffectiveOn),
        row.Raw(Status) is { } status && SpreadsheetValues.TryParseEnum<ResponseStatus>(status, out var parsed) ? parsed.ToString() : row.Raw(Status),
        row.Raw(Narrative));

    public static ImportOutcome? Load(ImportRow row, SpreadsheetImport import, int occurrence)
    {
        var force = import.WritableForce(row);
        var finding = import.NamedFinding(row);
        var effectiveOn = row.Date(EffectiveOn, required: true);
        var status = row.Choice<ResponseStatus>(Status, required: true);
        var rag = row.Choice<Rag>(RagRating);
        var narrative = row.Required(Narrative, Lengths.LongText);
        var author = row.Required(Author, Lengths.Name);
        var signedOffBy = row.Text(SignedOffBy, Lengths.Name);
        var supersededBy = row.Text(SupersededBy, Lengths.Reference * 2) is { } named ? import.NamedFinding(row, SupersededBy, named) : null;
        if (row.IsRejected || force is null || finding is null || effectiveOn is null || status is null)
        {
            return null;
        }

        if (import.ResponseOf(force, finding) is not { } response)
        {
            row.Problem(FindingReference,
                $"Force '{force}' has no response to {finding.Reference} of '{finding.Inspection.Reference}': load it on the Responses sheet first.");
            return null;
        }

        var entry = new ProgressEntry(effectiveOn.Value, status.Value, rag, narrative, author, signedOffBy, supersededBy?.Id, import.Author);
        if (import.IsStoredProgress(response, entry, occurrence))
        {
            return ImportOutcome.Unchanged;
        }

        if (row.Domain(Status, () => response.Record(entry, import.Signatory, import.Now)) is not { } update)
        {
            return null;
        }

        import.Recorded(response, update);
        return ImportOutcome.Created;
    }
}
