using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.ActionPlans;

public sealed record UpdateActionPlanCommand(Guid Id, ActionPlanRequest Body) : ICommand<ActionPlanView>;

public sealed class UpdateActionPlanValidator : AbstractValidator<UpdateActionPlanCommand>
{
    public UpdateActionPlanValidator() => RuleFor(c => c.Body).SetValidator(new ActionPlanRequestValidator());
}

public sealed class UpdateActionPlanHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<UpdateActionPlanCommand, ActionPlanView>
{
    public async Task<ActionPlanView> Handle(UpdateActionPlanCommand command, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("action plan", command.Id);
        caller.EnsureMayWriteFor(plan.ForceCode);
        var body = command.Body;
        if (body.ForceCode != plan.ForceCode)
        {
            throw new DomainRuleException($"An action plan stays with its force: it remains '{plan.ForceCode}'.");
        }

        await db.EnsureInspectionExistsAsync(body.InspectionId, "inspectionId", cancellationToken);
        plan.Revise(body.ToDetails(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return plan.Adapt<ActionPlanView>(mapping);
    }
}
