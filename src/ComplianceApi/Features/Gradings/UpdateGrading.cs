using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Gradings;

public sealed record UpdateGradingCommand(Guid Id, GradingRequest Body) : ICommand<GradingView>;

public sealed class UpdateGradingValidator : AbstractValidator<UpdateGradingCommand>
{
    public UpdateGradingValidator() => RuleFor(c => c.Body).SetValidator(new GradingRequestValidator());
}

public sealed class UpdateGradingHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<UpdateGradingCommand, GradingView>
{
    public async Task<GradingView> Handle(UpdateGradingCommand command, CancellationToken cancellationToken)
    {
        var grading = await db.Gradings.SingleOrDefaultAsync(g => g.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("grading", command.Id);
        var body = command.Body;
        if (body.ForceCode != grading.ForceCode || body.AreaOrWholeReport() != grading.Area)
        {
            throw new DomainRuleException(
                $"A grading's force and area cannot change: it grades '{grading.ForceCode}' for '{grading.Area}'; record a new grading instead.");
        }

        grading.Regrade(body.Grade, body.GivenOn, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return grading.Adapt<GradingView>(mapping);
    }
}
