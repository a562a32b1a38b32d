using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.ReportResponses;

public sealed record CreateReportResponseCommand(Guid InspectionId, ReportResponseRequest Body) : ICommand<ReportResponseView>;

public sealed class CreateReportResponseValidator : AbstractValidator<CreateReportResponseCommand>
{
    public CreateReportResponseValidator() => RuleFor(c => c.Body).SetValidator(new ReportResponseRequestValidator());
}

public sealed class CreateReportResponseHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, IMediator mediator)
    : IRequestHandler<CreateReportResponseCommand, ReportResponseView>
{
    public async Task<ReportResponseView> Handle(CreateReportResponseCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        caller.EnsureMayWriteFor(body.ForceCode);
        var inspection = await db.Inspections.SingleOrDefaultAsync(i => i.Id == command.InspectionId, cancellationToken)
            ?? throw NotFoundException.For("inspection", command.InspectionId);
        await db.EnsureForcesExistAsync([body.ForceCode], "forceCode", cancellationToken);
        var force = await db.Forces.SingleAsync(f => f.Code == body.ForceCode, cancellationToken);
        if (await db.ReportResponses.AnyAsync(r => r.InspectionId == inspection.Id && r.ForceCode == body.ForceCode, cancellationToken))
        {
            throw new DomainRuleException(
                $"Force '{body.ForceCode}' already has its local policing body's response to '{inspection.Reference}'; update that one.");
        }

        var recommendations = await db.FindingsNamedAsync(body.FindingIds(), "recommendations", cancellationToken);
        var now = clock.GetUtcNow();
        var response = new ReportResponse(Guid.CreateVersion7(now), inspection, force, body.ToDetails(), recommendations, now);
        db.ReportResponses.Add(response);
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new GetReportResponseQuery(response.Id), cancellationToken);
    }
}
