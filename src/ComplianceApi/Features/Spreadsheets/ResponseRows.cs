using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using static ComplianceApi.Features.Spreadsheets.SpreadsheetLayouts;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>
/// Rows of the Responses sheet: a force's response to a finding. Changed details are a revision, a moved
/// target date a re-baselining (which needs its reason), and a changed status, RAG or position a progress
/// update, all through the domain, exactly as the API records them.
/// </summary>
public static class ResponseRows
{
    public static string Key(ImportRow row) =>
        SpreadsheetImport.KeyOf(row.Raw(ForceCode), row.Raw(InspectionReference), row.Raw(FindingReference));

    public static ImportOutcome? Load(ImportRow row, SpreadsheetImport import)
    {
        var force = import.WritableForce(row);
        var finding = import.NamedFinding(row);
        var details = new ResponseDetails(
            row.Text(OwnerName, Lengths.Name), row.Text(OwnerRole, Lengths.Name), row.Text(GovernanceBoard, Lengths.Name),
            row.Text(Constraints, Lengths.LongText), row.Date(TargetDate), row.Date(NextReviewOn));
        var reason = row.Text(TargetDateChangeReason, Lengths.LongText);
        var detailsEffectiveOn = row.Date(DetailsEffectiveOn);
        var status = row.Choice<ResponseStatus>(Status);
        var rag = row.Choice<Rag>(RagRating);
        var position = row.Text(PositionStatement, Lengths.LongText);
        var statusEffectiveOn = row.Date(StatusEffectiveOn);
        var tags = row.Tags(SpreadsheetLayouts.Tags);
        if (row.IsRejected || force is null || finding is null)
        {
            return null;
        }

        var response = import.ResponseOf(force, finding);
        if (response is null)
        {
            response = row.Domain(ForceCode, () =>
                new ForceResponse(Guid.CreateVersion7(import.Now), finding, force, details, detailsEffectiveOn, import.Author, import.Now));
            if (response is null || !RecordStatus(row, import, response, status, rag, position, statusEffectiveOn))
            {
                return null;
            }

            if (tags is not null)
            {
                response.Retag(tags, import.Now);
            }

            import.Added(response);
            return ImportOutcome.Created;
        }

        var changed = false;
        var target = details.TargetDate;
        if (response.TargetDate is { } storedTarget && target != storedTarget)
        {
            if (target is not { } newTarget)
            {
                row.Problem(TargetDate, $"The target date is {SpreadsheetValues.Format(storedTarget)}; once set it moves only by re-baselining, and cannot be removed.");
                return null;
            }

            if (reason is null)
            {
                row.Problem(TargetDate,
                    $"The target date is {SpreadsheetValues.Format(storedTarget)}; moving it to {SpreadsheetValues.Format(newTarget)} is a re-baselining, "
                    + $"which needs the reason in '{TargetDateChangeReason.Header}'.");
                return null;
            }

            if (row.Domain(TargetDate, () => response.Rebaseline(newTarget, reason, detailsEffectiveOn, import.Author, import.Now)) is null)
            {
                return null;
            }

            changed = true;
        }

        var sameDetails = response.OwnerName == details.OwnerName && response.OwnerRole == details.OwnerRole
            && response.GovernanceBoard == details.GovernanceBoard && response.Constraints == details.Constraints
            && response.NextReviewOn == details.NextReviewOn && response.TargetDate == target;
        if (!sameDetails)
        {
            if (row.Domain(DetailsEffectiveOn, () => response.Revise(details, detailsEffectiveOn, import.Author, import.Now)) is null)
            {
                return null;
            }

            changed = true;
        }

        var sameStatus = status is null || (ResponseRules.Holds(response.Status, status.Value) && rag == response.Rag && position == response.PositionStatement);
        if (!sameStatus)
        {
            if (!RecordStatus(row, import, response, status, rag, position, statusEffectiveOn))
            {
                return null;
            }

            changed = true;
        }

        if (tags is not null && response.Retag(tags, import.Now))
        {
            changed = true;
        }

        if (!changed)
        {
            return ImportOutcome.Unchanged;
        }

        import.Changed(response);
        return ImportOutcome.Updated;
    }

    /// <summary>A status, RAG or position other than the response's is recorded as a progress update, which needs a position statement.</summary>
    private static bool RecordStatus(
        ImportRow row, SpreadsheetImport import, ForceResponse response, ResponseStatus? status, Rag? rag, string? position, DateOnly? effectiveOn)
    {
        if (status is not { } newStatus || (ResponseRules.Holds(response.Status, newStatus) && rag == response.Rag && position == response.PositionStatement))
        {
            return true;
        }

        if (position is null)
        {
            row.Problem(PositionStatement, "A change of status, RAG or position is recorded as a progress update, which needs a position statement.");
            return false;
        }

        var entry = new ProgressEntry(effectiveOn ?? import.Today, newStatus, rag, position, import.Author, null, null, import.Author);
        // A closing status is the loading client's closure request, as for an update through the API.
        return row.Domain(Status, () => response.Record(entry, import.Signatory, import.Now)) is not null;
    }
}
