using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Committees;

public sealed record UpdateCommitteeCommand(Guid Id, CommitteeRequest Body) : ICommand<CommitteeView>;

public sealed class UpdateCommitteeValidator : AbstractValidator<UpdateCommitteeCommand>
{
    public UpdateCommitteeValidator() => RuleFor(c => c.Body).SetValidator(new CommitteeRequestValidator());
}

public sealed class UpdateCommitteeHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<UpdateCommitteeCommand, CommitteeView>
{
    public async Task<CommitteeView> Handle(UpdateCommitteeCommand command, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("committee", command.Id);
        caller.EnsureMayWriteFor(committee.ForceCode);
        if (command.Body.ForceCode != committee.ForceCode)
        {
            throw new DomainRuleException($"A committee's force cannot change: it is '{committee.ForceCode}'.");
        }

        if (await db.Committees.AnyAsync(c => c.Id != committee.Id && c.ForceCode == committee.ForceCode && c.Name == command.Body.Name, cancellationToken))
        {
            throw new DomainRuleException($"Force '{committee.ForceCode}' already has another committee named '{command.Body.Name}'.");
        }

        committee.Revise(command.Body.Name, command.Body.Body, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return committee.Adapt<CommitteeView>(mapping);
    }
}
