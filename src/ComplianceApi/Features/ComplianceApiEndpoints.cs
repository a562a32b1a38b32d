using ComplianceApi.Features.ActionPlans;
using ComplianceApi.Features.ApiKeys;
using ComplianceApi.Features.Committees;
using ComplianceApi.Features.Deadlines;
using ComplianceApi.Features.Evidence;
using ComplianceApi.Features.Findings;
using ComplianceApi.Features.Forces;
using ComplianceApi.Features.Gradings;
using ComplianceApi.Features.Inspections;
using ComplianceApi.Features.Responses;
using ComplianceApi.Features.Spreadsheets;
using ComplianceApi.Features.Statements;
using ComplianceApi.Features.Summaries;

namespace ComplianceApi.Features;

public static class ComplianceApiEndpoints
{
    public static void MapComplianceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapForces();
        api.MapInspections();
        api.MapFindings();
        api.MapDeadlines();
        api.MapGradings();
        api.MapResponses();
        api.MapEvidence();
        api.MapActionPlans();
        api.MapApiKeys();
        api.MapSummaries();
        api.MapCommittees();
        api.MapStatements();
        api.MapSpreadsheets();
    }
}
