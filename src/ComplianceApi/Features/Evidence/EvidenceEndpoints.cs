using System.ComponentModel.DataAnnotations;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Http;
using MediatR;
using Microsoft.Net.Http.Headers;

namespace ComplianceApi.Features.Evidence;

public static class EvidenceEndpoints
{
    public static void MapEvidence(this IEndpointRouteBuilder api)
    {
        var backed = api.MapGroup("").WithTags("Evidence").WithCommonProblems();

        backed.MapPost("/responses/{id:guid}/evidence", async (Guid id, EvidenceRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var added = await mediator.Send(new AddResponseEvidenceCommand(id, body), ct);
                return TypedResults.Created($"/api/v1/evidence/{added.Id}", added);
            })
            .WithName("AddResponseEvidence")
            .ConditionalOn<Domain.ForceResponse, Data.Responses.ForceResponseView>("id", id => new Features.Responses.GetForceResponseQuery(Guid.Parse(id), null)).WithSummary("Records evidence that backs a force response.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        backed.MapPost("/actions/{id:guid}/evidence", async (Guid id, EvidenceRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var added = await mediator.Send(new AddActionEvidenceCommand(id, body), ct);
                return TypedResults.Created($"/api/v1/evidence/{added.Id}", added);
            })
            .WithName("AddActionEvidence")
            .ConditionalOn<Domain.PlanAction, Features.ActionPlans.PlanActionView>("id", id => new Features.ActionPlans.GetActionQuery(Guid.Parse(id))).WithSummary("Records evidence that backs an action in an action plan.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        var evidence = api.MapGroup("/evidence").WithTags("Evidence").WithCommonProblems();

        evidence.MapGet("", async ([AsParameters] ListEvidenceQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListEvidence").WithSummary("Lists evidence, a page at a time.").ProducesValidationProblem();

        evidence.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetEvidenceQuery(id), ct)))
            .WithName("GetEvidence").WithSummary("Gets one piece of evidence.").ProducesNotFound();

        evidence.MapPut("/{id:guid}", async (Guid id, EvidenceRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateEvidenceCommand(id, body), ct)))
            .WithName("UpdateEvidence")
            .ConditionalOn<Domain.Evidence, EvidenceView>("id", id => new GetEvidenceQuery(Guid.Parse(id))).WithSummary("Corrects a piece of evidence's details; what it backs cannot change.")
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        evidence.MapPost("/{id:guid}/accept", async (Guid id, EvidenceAcceptance body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AcceptEvidenceCommand(id, body), ct)))
            .WithName("AcceptEvidence")
            .ConditionalOn<Domain.Evidence, EvidenceView>("id", id => new GetEvidenceQuery(Guid.Parse(id)))
            .WithSummary("Accepts evidence as showing what it is meant to, optionally until an expiry date; only accepted evidence counts towards a rule-based green. Admins only: national, or of the evidence's force.")
            .RequireAuthorization(Policies.Administer).ProducesNotFound().ProducesWriteProblems();

        evidence.MapPost("/{id:guid}/reject", async (Guid id, EvidenceRejection body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RejectEvidenceCommand(id, body), ct)))
            .WithName("RejectEvidence")
            .ConditionalOn<Domain.Evidence, EvidenceView>("id", id => new GetEvidenceQuery(Guid.Parse(id)))
            .WithSummary("Rejects evidence, with the reason; it then does not count towards a rule-based green. Admins only: national, or of the evidence's force.")
            .RequireAuthorization(Policies.Administer).ProducesNotFound().ProducesWriteProblems();

        var limits = EvidenceFileOptions.From(api.ServiceProvider.GetRequiredService<IConfiguration>());
        var files = api.MapGroup("/evidence/{id:guid}/files").WithTags("Evidence").WithCommonProblems();

        files.MapPost("", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var added = await mediator.Send(new UploadEvidenceFileCommand(id, await request.FilePartAsync(ct)), ct);
                return TypedResults.Created($"/api/v1/evidence/{id}/files/{added.Version}", added);
            })
            .WithName("UploadEvidenceFile")
            .WithSummary("Uploads a file to a piece of evidence as its next version (older versions are kept), and sends the evidence back for review.")
            .WithDescription("The file is the multipart part `file`. Its type is recognised from its bytes: PDF; Word, Excel or PowerPoint "
                + "documents without macros (.docx, .xlsx, .pptx); PNG, JPEG, GIF or WebP images; UTF-8 text or CSV without HTML, SVG or XML "
                + "markup; email messages (.eml). Anything else is refused with 415. At most Evidence:MaxFileBytes a file (25 MiB by default) "
                + "and Evidence:MaxBytesPerEvidence for all of one evidence's versions (100 MiB by default), else 413. The file is stored "
                + "in the database as it arrives, in the request's one transaction: a refused or cut-off upload leaves nothing.")
            .AcceptsStreamedFile(limits.MaxFileBytes)
            .RequireAuthorization(Policies.Edit).ProducesNotFound().ProducesWriteProblems();

        files.MapGet("", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListEvidenceFilesQuery(id), ct)))
            .WithName("ListEvidenceFiles").WithSummary("Lists the versions of a piece of evidence's file, oldest first.")
            .ListsAtMost(EvidenceFile.MostVersions).ProducesNotFound();

        files.MapGet("/latest", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                Download(await mediator.Send(new DownloadEvidenceFileQuery(id, null), ct), response))
            .WithName("DownloadLatestEvidenceFile").WithSummary("Downloads the latest version of a piece of evidence's file.")
            .DownloadsEvidenceFile();

        files.MapGet("/{version:int}", async (Guid id, [Range(1, EvidenceFile.MostVersions)] int version, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                Download(await mediator.Send(new DownloadEvidenceFileQuery(id, version), ct), response))
            .WithName("DownloadEvidenceFile").WithSummary("Downloads one version of a piece of evidence's file.")
            .DownloadsEvidenceFile();
    }

    /// <summary>
    /// Streams the version from the database as an attachment, never to be rendered in the service's origin:
    /// ETag is its hash (so If-None-Match answers 304), Range answers 206 or 416. Evidence for a response is
    /// a read of that response (RestrictedReads records it when the response is of a restricted report).
    /// </summary>
    private static DocumentResult Download(EvidenceFileContent download, HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        var file = download.File;
        return new DocumentResult(
            TypedResults.Stream(download.Content, file.ContentType, file.FileName, file.UploadedAt,
                new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true),
            new[] { download.ResponseId });
    }

    private static RouteHandlerBuilder DownloadsEvidenceFile(this RouteHandlerBuilder endpoint) =>
        endpoint
            .WithDescription("Served as an attachment (Content-Disposition), with X-Content-Type-Options: nosniff and a sandboxing "
                + "Content-Security-Policy. The ETag is the file's SHA-256, so If-None-Match answers 304; Range answers 206, or 416 "
                + "outside the file. A version whose stored bytes no longer match its hash is quarantined and answers 410.")
            .Produces(StatusCodes.Status200OK).ProducesDocuments(EvidenceFileTypes.All)
            .Produces(StatusCodes.Status206PartialContent)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable)
            .ProducesNotFound();
}
