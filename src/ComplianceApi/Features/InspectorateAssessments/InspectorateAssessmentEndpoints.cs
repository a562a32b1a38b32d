using ComplianceApi.Data.Responses;
using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.InspectorateAssessments;

public static class InspectorateAssessmentEndpoints
{
    public static void MapInspectorateAssessments(this IEndpointRouteBuilder api)
    {
        var assessments = api.MapGroup("/responses/{id:guid}/inspectorate-assessments").WithTags("InspectorateAssessments").WithCommonProblems();

        // Append-only, like a response's progress updates: there is deliberately no PUT or DELETE of an entry.
        assessments.MapGet("", async ([AsParameters] ListInspectorateAssessmentsQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListInspectorateAssessments")
            .WithSummary("Lists the inspectorate's assessment of a response, oldest entry first, a page at a time.")
            .ProducesNotFound().ProducesValidationProblem();

        assessments.MapPost("", async (Guid id, InspectorateAssessmentRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var assessment = await mediator.Send(new RecordInspectorateAssessmentCommand(id, body), ct);
                return TypedResults.Created($"/api/v1/responses/{id}/inspectorate-assessments", assessment);
            })
            .WithName("RecordInspectorateAssessment")
            .ConditionalOn<Domain.ForceResponse, ForceResponseView>("id", id => new Features.Responses.GetForceResponseQuery(Guid.Parse(id), null))
            .WithSummary("Appends a dated entry of the inspectorate's assessment (as its register published it) to a response (editors and admins of the force, national admins). "
                + "Entries are append-only (there is no PUT or DELETE): a correction is a new entry; the latest entry in effect on a date is the inspectorate's status then.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();
    }
}
