using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Gradings;

public sealed record CreateGradingCommand(Guid InspectionId, GradingRequest Body) : ICommand<GradingView>;

public sealed class CreateGradingValidator : AbstractValidator<CreateGradingCommand>
{
    public CreateGradingValidator() => RuleFor(c => c.Body).SetValidator(new GradingRequestValidator());
}

public sealed class CreateGradingHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<CreateGradingCommand, GradingView>
{
    public async Task<GradingView> Handle(CreateGradingCommand command, CancellationToken cancellationToken)
    {
        var inspection = await db.Inspections.SingleOrDefaultAsync(i => i.Id == command.InspectionId, cancellationToken)
            ?? throw NotFoundException.For("inspection", command.InspectionId);
        var body = command.Body;
        var area = body.AreaOrWholeReport();
        await db.EnsureForcesExistAsync([body.ForceCode], "forceCode", cancellationToken);
        if (await db.Gradings.AnyAsync(g => g.InspectionId == inspection.Id && g.ForceCode == body.ForceCode && g.Area == area, cancellationToken))
        {
            throw new DomainRuleException(
                $"Inspection '{inspection.Reference}' has already graded force '{body.ForceCode}' for '{area}'; regrade that grading instead.");
        }

        var now = clock.GetUtcNow();
        var grading = new Grading(Guid.CreateVersion7(now), inspection, body.ForceCode, area, body.Grade, body.GivenOn, now);
        db.Gradings.Add(grading);
        await db.SaveChangesAsync(cancellationToken);
        return grading.Adapt<GradingView>(mapping);
    }
}
