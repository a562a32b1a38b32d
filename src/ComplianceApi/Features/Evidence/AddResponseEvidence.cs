using ComplianceApi.Data;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Evidence;

public sealed record AddResponseEvidenceCommand(Guid ResponseId, EvidenceRequest Body) : ICommand<EvidenceView>;

public sealed class AddResponseEvidenceValidator : AbstractValidator<AddResponseEvidenceCommand>
{
    public AddResponseEvidenceValidator() => RuleFor(c => c.Body).SetValidator(new EvidenceRequestValidator());
}

public sealed class AddResponseEvidenceHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<AddResponseEvidenceCommand, EvidenceView>
{
    public async Task<EvidenceView> Handle(AddResponseEvidenceCommand command, CancellationToken cancellationToken)
    {
        var response = await db.ForceResponses.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.ResponseId, cancellationToken)
            ?? throw NotFoundException.For("response", command.ResponseId);
        var now = clock.GetUtcNow();
        var evidence = Domain.Evidence.ForResponse(Guid.CreateVersion7(now), response, command.Body.ToDetails(), now);
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync(cancellationToken);
        return evidence.Adapt<EvidenceView>(mapping);
    }
}
