using ComplianceApi.Data;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.ActionPlans;

public sealed record UpdateActionCommand(Guid Id, PlanActionRequest Body) : ICommand<PlanActionView>;

public sealed class UpdateActionValidator : AbstractValidator<UpdateActionCommand>
{
    public UpdateActionValidator() => RuleFor(c => c.Body).SetValidator(new PlanActionRequestValidator());
}

public sealed class UpdateActionHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<UpdateActionCommand, PlanActionView>
{
    public async Task<PlanActionView> Handle(UpdateActionCommand command, CancellationToken cancellationToken)
    {
        var action = await db.PlanActions.SingleOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("action", command.Id);
        caller.EnsureMayWriteFor(action.ForceCode);
        var findings = await db.FindingsNamedAsync(command.Body.FindingIds ?? [], "findingIds", cancellationToken);
        action.Revise(command.Body.ToDetails(), findings, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return action.Adapt<PlanActionView>(mapping);
    }
}
