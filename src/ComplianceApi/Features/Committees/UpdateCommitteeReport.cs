using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Committees;

public sealed record UpdateCommitteeReportCommand(Guid Id, CommitteeReportRequest Body) : ICommand<CommitteeReportView>;

public sealed class UpdateCommitteeReportValidator : AbstractValidator<UpdateCommitteeReportCommand>
{
    public UpdateCommitteeReportValidator() => RuleFor(c => c.Body).SetValidator(new CommitteeReportRequestValidator());
}

public sealed class UpdateCommitteeReportHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<UpdateCommitteeReportCommand, CommitteeReportView>
{
    public async Task<CommitteeReportView> Handle(UpdateCommitteeReportCommand command, CancellationToken cancellationToken)
    {
        var report = await db.CommitteeReports.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("committee report", command.Id);
        caller.EnsureMayWriteFor(report.ForceCode);
        if (await db.CommitteeReports.AnyAsync(r => r.Id != report.Id && r.CommitteeId == report.CommitteeId && r.Reference == command.Body.Reference, cancellationToken))
        {
            throw new DomainRuleException($"The committee already has another report '{command.Body.Reference}'.");
        }

        report.Revise(command.Body.Reference, command.Body.Title, command.Body.ReportedOn, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return report.Adapt<CommitteeReportView>(mapping);
    }
}
