using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Inspections;

public sealed record CreateInspectionCommand(InspectionRequest Body) : ICommand<InspectionView>;

public sealed class CreateInspectionValidator : AbstractValidator<CreateInspectionCommand>
{
    public CreateInspectionValidator() => RuleFor(c => c.Body).SetValidator(new InspectionRequestValidator());
}

public sealed class CreateInspectionHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<CreateInspectionCommand, InspectionView>
{
    public async Task<InspectionView> Handle(CreateInspectionCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        if (await db.Inspections.AnyAsync(i => i.Reference == body.Reference, cancellationToken))
        {
            throw new DomainRuleException($"An inspection with reference '{body.Reference}' already exists.");
        }

        await db.EnsureForcesExistAsync(body.ForcesInScope ?? [], "forcesInScope", cancellationToken);
        var now = clock.GetUtcNow();
        var inspection = new Inspection(Guid.CreateVersion7(now), body.Reference, body.ToDetails(), now);
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(cancellationToken);
        return inspection.Adapt<InspectionView>(mapping);
    }
}
