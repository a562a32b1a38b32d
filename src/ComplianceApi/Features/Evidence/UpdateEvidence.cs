using ComplianceApi.Data;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Evidence;

public sealed record UpdateEvidenceCommand(Guid Id, EvidenceRequest Body) : ICommand<EvidenceView>;

public sealed class UpdateEvidenceValidator : AbstractValidator<UpdateEvidenceCommand>
{
    public UpdateEvidenceValidator() => RuleFor(c => c.Body).SetValidator(new EvidenceRequestValidator());
}

public sealed class UpdateEvidenceHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<UpdateEvidenceCommand, EvidenceView>
{
    public async Task<EvidenceView> Handle(UpdateEvidenceCommand command, CancellationToken cancellationToken)
    {
        var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("evidence", command.Id);
        evidence.Revise(command.Body.ToDetails(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return evidence.Adapt<EvidenceView>(mapping);
    }
}
