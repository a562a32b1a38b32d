using ComplianceApi.Data;
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
        report.Revise(command.Body.Reference, command.Body.Title, command.Body.ReportedOn, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return report.Adapt<CommitteeReportView>(mapping);
    }
}
