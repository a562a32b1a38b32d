using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using static ComplianceApi.Features.Spreadsheets.SpreadsheetLayouts;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>
/// Rows of the Responses sheet: a force's response to a finding. Changed details are a revision, a moved
/// target date a re-baselining (which needs its reason), and a changed status, RAG or position a progress
/// update, and an inspectorate status and date not already the response's latest assessment a new entry of
/// it, all through the domain, exactly as the API records them.
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
        var assessment = Assessment(row);
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

            if (assessment is { } given && import.Assessed(row, response, given.Status, given.On, given.Comment, given.Source) is null)
            {
                return null;
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

        // An entry appended to the inspectorate's assessment updates the row, not the response's own record.
        var assessed = assessment is { } entry ? import.Assessed(row, response, entry.Status, entry.On, entry.Comment, entry.Source) : false;
        if (assessed is null)
        {
            return null;
        }

        if (!changed)
        {
            return assessed.Value ? ImportOutcome.Updated : ImportOutcome.Unchanged;
        }

        import.Changed(response);
        return ImportOutcome.Updated;
    }

    /// <summary>The inspectorate's status the row gives, with its date (both or neither), comment and source; null when none.</summary>
    private static (InspectorateStatus Status, DateOnly On, string? Comment, string? Source)? Assessment(ImportRow row)
    {
        var status = row.Choice<InspectorateStatus>(InspectorateStatusColumn);
        var on = row.Date(InspectorateAssessedOn);
        var comment = row.Text(InspectorateComment, Lengths.LongText);
        var source = row.Text(InspectorateSource, Lengths.Url);
        if (row.Raw(InspectorateStatusColumn) is null && row.Raw(InspectorateAssessedOn) is not null)
        {
            row.Problem(InspectorateStatusColumn, $"'{InspectorateAssessedOn.Header}' is the date of an inspectorate status: give the status too, or neither.");
        }
        else if (row.Raw(InspectorateStatusColumn) is not null && row.Raw(InspectorateAssessedOn) is null)
        {
            row.Problem(InspectorateAssessedOn, "An inspectorate status is recorded with the date its entry bears on the register: give it.");
        }
        else if (row.Raw(InspectorateStatusColumn) is null && (comment ?? source) is not null)
        {
            row.Problem(InspectorateStatusColumn, "An inspectorate comment or source is recorded with the status and date it goes with: give them, or clear it.");
        }

        return status is { } given && on is { } date ? (given, date, comment, source) : null;
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
