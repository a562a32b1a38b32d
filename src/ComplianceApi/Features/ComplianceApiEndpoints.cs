using ComplianceApi.Features.ActionPlans;
using ComplianceApi.Features.ApiKeys;
using ComplianceApi.Features.Audit;
using ComplianceApi.Features.Changes;
using ComplianceApi.Features.Committees;
using ComplianceApi.Features.Deadlines;
using ComplianceApi.Features.Evidence;
using ComplianceApi.Features.Findings;
using ComplianceApi.Features.Forces;
using ComplianceApi.Features.Gradings;
using ComplianceApi.Features.Inspections;
using ComplianceApi.Features.InspectorateAssessments;
using ComplianceApi.Features.PublicProgress;
using ComplianceApi.Features.Reminders;
using ComplianceApi.Features.ReportResponses;
using ComplianceApi.Features.Responses;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Features.Statements;
using ComplianceApi.Features.Summaries;
using ComplianceApi.Features.Webhooks;
using ComplianceApi.Http;

namespace ComplianceApi.Features;

public static class ComplianceApiEndpoints
{
    public static void MapComplianceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").TagsViewsOfOneRecord();

        // The views forces' dashboards and committee members read again and again: a force's list (the
        // overdue list is its usual first page), where everyone stands on a finding, a force's summary, and
        // a committee's statement as JSON. Their first pages are answered from the cache while no write has
        // committed since that can change them (the national data, or a force whose data they show); see
        // FirstPageCache. A committee's statement is taken as across forces: its force is not in the request.
        api.CachesFirstPagesOf(
            CachedView.ForceInQuery("ListForceResponses", "forceCode"),
            CachedView.AcrossForces("GetFindingSummary"),
            CachedView.ForceInRoute("GetForceSummary", "code"),
            CachedView.AcrossForces("PreviewPositionStatement"));

        // Inside the cache: each read of a restricted report's records is recorded, and such pages are not kept.
        api.RecordsRestrictedReads();
        api.MapForces();
        api.MapInspections();
        api.MapFindings();
        api.MapDeadlines();
        api.MapGradings();
        api.MapReportResponses();
        api.MapResponses();
        api.MapInspectorateAssessments();
        api.MapEvidence();
        api.MapActionPlans();
        api.MapApiKeys();
        api.MapAudit();
        api.MapChanges();
        api.MapWebhookSubscriptions();
        api.MapReminders();
        api.MapSummaries();
        api.MapCommittees();
        api.MapStatements();
        api.MapSpreadsheets();
        app.MapPublicProgress(api);
    }
}
