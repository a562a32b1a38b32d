using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using FluentValidation;
using Mapster;
using MediatR;

namespace ComplianceApi.Features.ActionPlans;

public sealed record CreateActionPlanCommand(ActionPlanRequest Body) : ICommand<ActionPlanView>;

public sealed class CreateActionPlanValidator : AbstractValidator<CreateActionPlanCommand>
{
    public CreateActionPlanValidator() => RuleFor(c => c.Body).SetValidator(new ActionPlanRequestValidator());
}

public sealed class CreateActionPlanHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<CreateActionPlanCommand, ActionPlanView>
{
    public async Task<ActionPlanView> Handle(CreateActionPlanCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        caller.EnsureMayWriteFor(body.ForceCode);
        await db.EnsureForcesExistAsync([body.ForceCode], "forceCode", cancellationToken);
        await db.EnsureInspectionExistsAsync(body.InspectionId, "inspectionId", cancellationToken);
        var now = clock.GetUtcNow();
        var plan = new ActionPlan(Guid.CreateVersion7(now), body.ForceCode, body.ToDetails(), now);
        db.ActionPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return plan.Adapt<ActionPlanView>(mapping);
    }
}
