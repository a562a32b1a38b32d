using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.Findings;

public static class FindingEndpoints
{
    public static void MapFindings(this IEndpointRouteBuilder api)
    {
        var inspectionFindings = api.MapGroup("/inspections/{inspectionId:guid}/findings").WithTags("Findings").WithCommonProblems();

        inspectionFindings.MapGet("", async ([AsParameters] ListInspectionFindingsQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListInspectionFindings").WithSummary("Lists one inspection's findings, a page at a time.")
            .ProducesNotFound().ProducesValidationProblem();

        inspectionFindings.MapPost("", async (Guid inspectionId, FindingRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var finding = await mediator.Send(new CreateFindingCommand(inspectionId, body), ct);
                return TypedResults.Created($"/api/v1/findings/{finding.Id}", finding);
            })
            .WithName("CreateFinding").WithSummary("Records a finding of an inspection report (national admins).")
            .RequireNationalAdmin().ProducesNotFound().ProducesWriteProblems().ProducesUnresolvedDeadline();

        var findings = api.MapGroup("/findings").WithTags("Findings").WithCommonProblems();

        findings.MapGet("", async ([AsParameters] ListFindingsQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListFindings").WithSummary("Lists findings across inspections, a page at a time.").ProducesValidationProblem();

        findings.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetFindingQuery(id), ct)))
            .WithName("GetFinding").WithSummary("Gets one finding.").ProducesNotFound();

        findings.MapPut("/{id:guid}", async (Guid id, FindingRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateFindingCommand(id, body), ct)))
            .WithName("UpdateFinding")
            .ConditionalOn<Domain.Finding, FindingView>("id", id => new GetFindingQuery(Guid.Parse(id))).WithSummary("Corrects a finding's details (national admins).")
            .RequireNationalAdmin().ProducesNotFound().ProducesWriteProblems().ProducesUnresolvedDeadline();

        // Findings are national records, so their tags are national too: a force's themes go on its responses.
        findings.MapPut("/{id:guid}/tags", async (Guid id, FindingTagsRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new TagFindingCommand(id, body), ct)))
            .WithName("SetFindingTags")
            .ConditionalOn<Domain.Finding, FindingView>("id", id => new GetFindingQuery(Guid.Parse(id)))
            .WithSummary("Replaces a finding's national tags (national admins); an empty list removes them. Answers the finding.")
            .RequireNationalAdmin().ProducesNotFound().ProducesWriteProblems();
    }
}
