using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.ActionPlans;

public sealed record CreatePlanActionCommand(Guid PlanId, PlanActionRequest Body) : ICommand<PlanActionView>;

public sealed class CreatePlanActionValidator : AbstractValidator<CreatePlanActionCommand>
{
    public CreatePlanActionValidator() => RuleFor(c => c.Body).SetValidator(new PlanActionRequestValidator());
}

public sealed class CreatePlanActionHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<CreatePlanActionCommand, PlanActionView>
{
    public async Task<PlanActionView> Handle(CreatePlanActionCommand command, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.SingleOrDefaultAsync(p => p.Id == command.PlanId, cancellationToken)
            ?? throw NotFoundException.For("action plan", command.PlanId);
        caller.EnsureMayWriteFor(plan.ForceCode);
        var findings = await db.FindingsNamedAsync(command.Body.FindingIds ?? [], "findingIds", cancellationToken);
        var now = clock.GetUtcNow();
        var action = new PlanAction(Guid.CreateVersion7(now), plan, command.Body.ToDetails(), findings, now);
        db.PlanActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return action.Adapt<PlanActionView>(mapping);
    }
}
