using ComplianceApi.Http;
using MediatR;

namespace ComplianceApi.Features.Committees;

public static class CommitteeEndpoints
{
    public static void MapCommittees(this IEndpointRouteBuilder api)
    {
        var committees = api.MapGroup("/committees").WithTags("Committees").WithCommonProblems();

        committees.MapGet("", async ([AsParameters] ListCommitteesQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListCommittees").WithSummary("Lists the committees forces report to, a page at a time.").ProducesValidationProblem();

        committees.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCommitteeQuery(id), ct)))
            .WithName("GetCommittee").WithSummary("Gets one committee.").ProducesNotFound();

        committees.MapPost("", async (CommitteeRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var committee = await mediator.Send(new CreateCommitteeCommand(body), ct);
                return TypedResults.Created($"/api/v1/committees/{committee.Id}", committee);
            })
            .WithName("CreateCommittee").WithSummary("Records a committee a force reports to, such as its police and crime panel.")
            .RequireAuthorization(Policies.Edit).ProducesWriteProblems();

        committees.MapPut("/{id:guid}", async (Guid id, CommitteeRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateCommitteeCommand(id, body), ct)))
            .WithName("UpdateCommittee")
            .ConditionalOn<Domain.Committee, CommitteeView>("id", id => new GetCommitteeQuery(Guid.Parse(id))).WithSummary("Corrects a committee's name or kind of body; its force cannot change.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        committees.MapGet("/{committeeId:guid}/reports", async ([AsParameters] ListCommitteeReportsQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListCommitteeReports").WithSummary("Lists the reports made to a committee, a page at a time.")
            .ProducesNotFound().ProducesValidationProblem();

        committees.MapPost("/{committeeId:guid}/reports", async (Guid committeeId, CommitteeReportRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var report = await mediator.Send(new CreateCommitteeReportCommand(committeeId, body), ct);
                return TypedResults.Created($"/api/v1/committee-reports/{report.Id}", report);
            })
            .WithName("CreateCommitteeReport").WithSummary("Records a report made to a committee, such as \"Pol 49/15\".")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        var reports = api.MapGroup("/committee-reports").WithTags("Committees").WithCommonProblems();

        reports.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCommitteeReportQuery(id), ct)))
            .WithName("GetCommitteeReport").WithSummary("Gets one committee report.").ProducesNotFound();

        reports.MapPut("/{id:guid}", async (Guid id, CommitteeReportRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateCommitteeReportCommand(id, body), ct)))
            .WithName("UpdateCommitteeReport")
            .ConditionalOn<Domain.CommitteeReport, CommitteeReportView>("id", id => new GetCommitteeReportQuery(Guid.Parse(id)))
            .WithSummary("Corrects a committee report's reference, title or date; once its statement is issued it cannot change (409).")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();
    }
}
