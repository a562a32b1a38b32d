using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.ReportResponses;

public sealed record UpdateReportResponseCommand(Guid Id, ReportResponseRequest Body) : ICommand<ReportResponseView>;

public sealed class UpdateReportResponseValidator : AbstractValidator<UpdateReportResponseCommand>
{
    public UpdateReportResponseValidator() => RuleFor(c => c.Body).SetValidator(new ReportResponseRequestValidator());
}

public sealed class UpdateReportResponseHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, IMediator mediator)
    : IRequestHandler<UpdateReportResponseCommand, ReportResponseView>
{
    public async Task<ReportResponseView> Handle(UpdateReportResponseCommand command, CancellationToken cancellationToken)
    {
        var response = await db.ReportResponses.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("report response", command.Id);
        var body = command.Body;
        caller.EnsureMayWriteFor(response.ForceCode);
        if (body.ForceCode != response.ForceCode)
        {
            throw new DomainRuleException($"A report response's force cannot change: it is '{response.ForceCode}''s.");
        }

        var force = await db.Forces.SingleAsync(f => f.Code == response.ForceCode, cancellationToken);
        var recommendations = await db.FindingsNamedAsync(body.FindingIds(), "recommendations", cancellationToken);
        response.Revise(body.ToDetails(), force, recommendations, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new GetReportResponseQuery(response.Id), cancellationToken);
    }
}
