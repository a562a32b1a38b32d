using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Committees;

public sealed record CreateCommitteeCommand(CommitteeRequest Body) : ICommand<CommitteeView>;

public sealed class CreateCommitteeValidator : AbstractValidator<CreateCommitteeCommand>
{
    public CreateCommitteeValidator() => RuleFor(c => c.Body).SetValidator(new CommitteeRequestValidator());
}

public sealed class CreateCommitteeHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<CreateCommitteeCommand, CommitteeView>
{
    public async Task<CommitteeView> Handle(CreateCommitteeCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        caller.EnsureMayWriteFor(body.ForceCode);
        await db.EnsureForcesExistAsync([body.ForceCode], "forceCode", cancellationToken);
        if (await db.Committees.AnyAsync(c => c.ForceCode == body.ForceCode && c.Name == body.Name, cancellationToken))
        {
            throw new DomainRuleException($"Force '{body.ForceCode}' already has a committee named '{body.Name}'.");
        }

        var now = clock.GetUtcNow();
        var committee = new Committee(Guid.CreateVersion7(now), body.ForceCode, body.Name, body.Body, now);
        db.Committees.Add(committee);
        await db.SaveChangesAsync(cancellationToken);
        return committee.Adapt<CommitteeView>(mapping);
    }
}
