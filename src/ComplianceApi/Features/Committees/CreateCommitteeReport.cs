using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Committees;

public sealed record CreateCommitteeReportCommand(Guid CommitteeId, CommitteeReportRequest Body) : ICommand<CommitteeReportView>;

public sealed class CreateCommitteeReportValidator : AbstractValidator<CreateCommitteeReportCommand>
{
    public CreateCommitteeReportValidator() => RuleFor(c => c.Body).SetValidator(new CommitteeReportRequestValidator());
}

public sealed class CreateCommitteeReportHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<CreateCommitteeReportCommand, CommitteeReportView>
{
    public async Task<CommitteeReportView> Handle(CreateCommitteeReportCommand command, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.SingleOrDefaultAsync(c => c.Id == command.CommitteeId, cancellationToken)
            ?? throw NotFoundException.For("committee", command.CommitteeId);
        caller.EnsureMayWriteFor(committee.ForceCode);
        var body = command.Body;
        if (await db.CommitteeReports.AnyAsync(r => r.CommitteeId == committee.Id && r.Reference == body.Reference, cancellationToken))
        {
            throw new DomainRuleException($"Committee '{committee.Name}' already has a report '{body.Reference}'.");
        }

        var now = clock.GetUtcNow();
        var report = new CommitteeReport(Guid.CreateVersion7(now), committee, body.Reference, body.Title, body.ReportedOn, now);
        db.CommitteeReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return report.Adapt<CommitteeReportView>(mapping);
    }
}
