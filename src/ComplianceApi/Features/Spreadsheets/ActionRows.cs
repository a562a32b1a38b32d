using ComplianceApi.Domain;
using ComplianceApi.Support;
using static ComplianceApi.Features.Spreadsheets.SpreadsheetLayouts;

namespace ComplianceApi.Features.Spreadsheets;

/// <summary>
/// Rows of the Actions sheet: a force's action plans and their actions, an action to a row. The first
/// row of a plan creates it or sets the inspection it answers; its later rows must agree.
/// </summary>
public static class ActionRows
{
    /// <summary>As many findings as the API lets one action serve.</summary>
    private const int MostFindingsServed = 100;

    public static string Key(ImportRow row) => SpreadsheetImport.KeyOf(row.Raw(ForceCode), row.Raw(PlanTitle), row.Raw(ActionTitle));

    public static ImportOutcome? Load(ImportRow row, SpreadsheetImport import)
    {
        var force = import.WritableForce(row);
        var planTitle = row.Required(PlanTitle, Lengths.Title);
        var planInspection = row.Text(PlanInspectionReference, Lengths.Reference) is { } reference ? import.InspectionNamed(reference) : null;
        if (row.Raw(PlanInspectionReference) is { } named && planInspection is null)
        {
            row.Problem(PlanInspectionReference, $"No inspection has reference '{named}' (stored, or on the Findings sheet of this file).");
        }

        var details = new PlanActionDetails(
            row.Required(ActionTitle, Lengths.Title), row.Text(OwnerName, Lengths.Name), row.Text(OwnerRole, Lengths.Name),
            row.Date(DueOn), row.Choice<ActionStatus>(SpreadsheetLayouts.ActionStatus, required: true) ?? default, row.Date(CompletedOn));
        var served = SpreadsheetValues.ParseList(row.Required(ServesFindings, Lengths.LongText));
        if (served.Count > MostFindingsServed)
        {
            row.Problem(ServesFindings, $"An action serves at most {MostFindingsServed} findings.");
        }

        var findings = served.Select(text => import.NamedFinding(row, ServesFindings, text)).OfType<Finding>().Distinct().ToList();
        if (row.IsRejected || force is null)
        {
            return null;
        }

        if (import.IsAmbiguous(force, planTitle))
        {
            row.Problem(PlanTitle, $"Force '{force}' has more than one plan titled '{planTitle}'; a spreadsheet tells plans apart by title, so retitle one (PUT /api/v1/action-plans/{{id}}) first.");
            return null;
        }

        if (import.EarlierRowGiving($"plan:{force}/{planTitle}", row.Number, planInspection?.Id!) is { } first)
        {
            if (!Equals(first.Values, planInspection?.Id))
            {
                row.Problem(PlanInspectionReference,
                    $"Differs from row {first.Row}, which gives this plan's {PlanInspectionReference.Header}: a plan's columns repeat on each of its rows and must agree.");
                return null;
            }
        }

        var planChanged = false;
        var plan = import.PlanNamed(force, planTitle);
        if (plan is null)
        {
            plan = new ActionPlan(Guid.CreateVersion7(import.Now), force, new ActionPlanDetails(planTitle, planInspection?.Id, null, null), import.Now);
            import.Added(plan);
        }
        else if (plan.InspectionId != planInspection?.Id)
        {
            plan.Revise(new ActionPlanDetails(plan.Title, planInspection?.Id, plan.OwnerName, plan.Description), import.Now);
            planChanged = true;
        }

        if (import.IsAmbiguous(plan, details.Title))
        {
            row.Problem(ActionTitle, $"The plan has more than one action titled '{details.Title}'; a spreadsheet tells actions apart by title, so retitle one first.");
            return null;
        }

        if (import.ActionNamed(plan, details.Title) is not { } action)
        {
            var created = row.Domain(ServesFindings, () => new PlanAction(Guid.CreateVersion7(import.Now), plan, details, findings, import.Now));
            if (created is null)
            {
                return null;
            }

            import.Added(created);
            return ImportOutcome.Created;
        }

        var same = action.OwnerName == details.OwnerName && action.OwnerRole == details.OwnerRole && action.DueOn == details.DueOn
            && action.Status == details.Status && action.CompletedOn == details.CompletedOn
            && action.Findings.Select(f => f.FindingId).ToHashSet().SetEquals(findings.Select(f => f.Id));
        if (same)
        {
            return planChanged ? ImportOutcome.Updated : ImportOutcome.Unchanged;
        }

        return row.Domain(SpreadsheetLayouts.ActionStatus, () => action.Revise(details, findings, import.Now)) ? ImportOutcome.Updated : null;
    }
}
