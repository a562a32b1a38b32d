using ComplianceApi.Data;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Inspections;

/// <summary>The forces a restricted report was circulated to.</summary>
/// <param name="ForceCodes">Their codes (forces or collaborations); an empty list leaves a restricted report to national callers alone.</param>
public sealed record CirculationRequest(IReadOnlyList<string> ForceCodes)
{
    /// <summary>The inspectorate circulates a report to forces one by one; more than every force and collaboration is a mistake.</summary>
    public const int MostForces = 100;
}

public sealed record CirculateInspectionCommand(Guid Id, CirculationRequest Body) : ICommand<InspectionView>;

public sealed class CirculationRequestValidator : AbstractValidator<CirculationRequest>
{
    public CirculationRequestValidator()
    {
        RuleFor(r => r.ForceCodes).NotNull().MaximumCount(CirculationRequest.MostForces).WithMessage($"At most {CirculationRequest.MostForces} forces.");
        RuleForEach(r => r.ForceCodes).NotEmpty().MaximumLength(Lengths.Code);
    }
}

public sealed class CirculateInspectionValidator : AbstractValidator<CirculateInspectionCommand>
{
    public CirculateInspectionValidator() => RuleFor(c => c.Body).SetValidator(new CirculationRequestValidator());
}

public sealed class CirculateInspectionHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<CirculateInspectionCommand, InspectionView>
{
    public async Task<InspectionView> Handle(CirculateInspectionCommand command, CancellationToken cancellationToken)
    {
        var inspection = await db.Inspections.SingleOrDefaultAsync(i => i.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("inspection", command.Id);
        await db.EnsureForcesExistAsync(command.Body.ForceCodes, "forceCodes", cancellationToken);
        inspection.Circulate(command.Body.ForceCodes, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return inspection.Adapt<InspectionView>(mapping);
    }
}
