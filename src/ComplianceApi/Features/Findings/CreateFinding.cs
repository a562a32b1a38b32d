using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Findings;

public sealed record CreateFindingCommand(Guid InspectionId, FindingRequest Body) : ICommand<FindingView>;

public sealed class CreateFindingValidator : AbstractValidator<CreateFindingCommand>
{
    public CreateFindingValidator() => RuleFor(c => c.Body).SetValidator(new FindingRequestValidator());
}

public sealed class CreateFindingHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<CreateFindingCommand, FindingView>
{
    public async Task<FindingView> Handle(CreateFindingCommand command, CancellationToken cancellationToken)
    {
        var inspection = await db.Inspections.SingleOrDefaultAsync(i => i.Id == command.InspectionId, cancellationToken)
            ?? throw NotFoundException.For("inspection", command.InspectionId);
        var body = command.Body;
        if (await db.Findings.AnyAsync(f => f.InspectionId == inspection.Id && f.Reference == body.Reference, cancellationToken))
        {
            throw new DomainRuleException($"Inspection '{inspection.Reference}' already has a finding '{body.Reference}'.");
        }

        await db.EnsureForcesExistAsync(body.AddresseeForceCodes(), "addressees", cancellationToken);
        var causeOfConcern = await db.FindingNamedAsync(body.CauseOfConcernId, "causeOfConcernId", cancellationToken);
        var now = clock.GetUtcNow();
        var finding = new Finding(Guid.CreateVersion7(now), inspection, body.Reference, body.ToDetails(), now, causeOfConcern);
        db.Findings.Add(finding);
        await db.SaveChangesAsync(cancellationToken);
        return finding.Adapt<FindingView>(mapping);
    }
}
