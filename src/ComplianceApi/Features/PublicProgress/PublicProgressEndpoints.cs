using System.Text;
using ComplianceApi.Http;
using ComplianceApi.Support;
using MediatR;

namespace ComplianceApi.Features.PublicProgress;

/// <summary>
/// | route | who |
/// | --- | --- |
/// | GET /public/forces/{code} (HTML), GET /public/v1/forces/{code} (JSON) | anyone, rate limited; 404 unless the force publishes |
/// | GET, PUT /api/v1/forces/{code}/public-progress | read: the force's keys; write: its admins or national admins |
/// | GET, PUT /api/v1/responses/{id}/public-statement | read: the force's keys; write: its editors and admins |
/// </summary>
public static class PublicProgressEndpoints
{
    public const string PageName = "GetPublicProgressPage";
    public const string DataName = "GetPublicProgress";

    public static void MapPublicProgress(this IEndpointRouteBuilder app, IEndpointRouteBuilder api)
    {
        var forceCodeRoute = $"/forces/{{code:maxlength({Lengths.Code})}}";

        // Anonymous, like a force's website; answered from the first-page cache while no write has committed.
        var pages = app.MapGroup("/public").WithTags("Public").AllowAnonymous().WithCommonProblems();
        pages.CachesFirstPagesOf(CachedView.ForceInRoute(PageName, "code"), CachedView.ForceInRoute(DataName, "code"));

        pages.MapGet(forceCodeRoute, async (string code, IMediator mediator, CancellationToken ct) =>
                TypedResults.Content(PublicProgressPage.ToHtml(await mediator.Send(new GetPublicProgressQuery(code), ct)), "text/html; charset=utf-8", Encoding.UTF8))
            .WithName(PageName)
            .WithSummary("A force's public page of progress on the inspectorate's findings, as HTML for people: published reports only, each "
                + "finding with its status, RAG and the force's public statement. 404 unless the force's admins have switched it on.")
            .Produces(StatusCodes.Status200OK).ProducesDocuments("text/html").ProducesNotFound();

        pages.MapGet($"/v1{forceCodeRoute}", async (string code, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetPublicProgressQuery(code), ct)))
            .WithName(DataName)
            .WithSummary("The data of a force's public page of progress (see GetPublicProgressPage). 404 unless the force publishes it.")
            .ProducesNotFound();

        var setting = api.MapGroup(forceCodeRoute + "/public-progress").WithTags("Public").WithCommonProblems();
        setting.MapGet("", async (string code, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetPublicProgressSettingQuery(code), ct)))
            .WithName("GetPublicProgressSetting").WithSummary("Whether the force publishes its public page of progress.").ProducesNotFound();

        setting.MapPut("", async (string code, PublicProgressRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetPublicProgressCommand(code, body), ct)))
            .WithName("SetPublicProgress")
            .ConditionalOn<Domain.Force, PublicProgressSettingView>("code", code => new GetPublicProgressSettingQuery(code))
            .WithSummary("Switches the force's public page of progress on or off (the force's admins, or national admins). It is off until switched on.")
            .RequireAuthorization(Policies.Administer).ProducesNotFound().ProducesWriteProblems();

        var statement = api.MapGroup("/responses/{id:guid}/public-statement").WithTags("Public").WithCommonProblems();
        statement.MapGet("", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetPublicStatementQuery(id), ct)))
            .WithName("GetPublicStatement").WithSummary("What the force publishes about a finding on its public page.").ProducesNotFound();

        statement.MapPut("", async (Guid id, PublicStatementRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetPublicStatementCommand(id, body), ct)))
            .WithName("SetPublicStatement")
            .ConditionalOn<Domain.ForceResponse, ResponsePublicStatementView>("id", id => new GetPublicStatementQuery(Guid.Parse(id)))
            .WithSummary("Sets what the force publishes about a finding on its public page (empty removes it); separate from the internal "
                + "position statement, which is never published.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();
    }
}
