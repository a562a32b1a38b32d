using ComplianceApi.Data;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Evidence;

public sealed record AddActionEvidenceCommand(Guid ActionId, EvidenceRequest Body) : ICommand<EvidenceView>;

public sealed class AddActionEvidenceValidator : AbstractValidator<AddActionEvidenceCommand>
{
    public AddActionEvidenceValidator() => RuleFor(c => c.Body).SetValidator(new EvidenceRequestValidator());
}

public sealed class AddActionEvidenceHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<AddActionEvidenceCommand, EvidenceView>
{
    public async Task<EvidenceView> Handle(AddActionEvidenceCommand command, CancellationToken cancellationToken)
    {
        var action = await db.PlanActions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == command.ActionId, cancellationToken)
            ?? throw NotFoundException.For("action", command.ActionId);
        var now = clock.GetUtcNow();
        var evidence = Domain.Evidence.ForAction(Guid.CreateVersion7(now), action, command.Body.ToDetails(), now);
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync(cancellationToken);
        return evidence.Adapt<EvidenceView>(mapping);
    }
}
