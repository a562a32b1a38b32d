using ComplianceApi.Data;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Evidence;

/// <summary>A reviewer's rejection of evidence.</summary>
/// <param name="Reason">Why it does not show what it is meant to, for whoever submits it again.</param>
public sealed record EvidenceRejection(string Reason);

public sealed record RejectEvidenceCommand(Guid Id, EvidenceRejection Body) : ICommand<EvidenceView>;

public sealed class EvidenceRejectionValidator : AbstractValidator<EvidenceRejection>
{
    public EvidenceRejectionValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(Lengths.LongText);
}

public sealed class RejectEvidenceValidator : AbstractValidator<RejectEvidenceCommand>
{
    public RejectEvidenceValidator() => RuleFor(c => c.Body).SetValidator(new EvidenceRejectionValidator());
}

public sealed class RejectEvidenceHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<RejectEvidenceCommand, EvidenceView>
{
    public async Task<EvidenceView> Handle(RejectEvidenceCommand command, CancellationToken cancellationToken)
    {
        var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("evidence", command.Id);
        evidence.Reject(caller.Client, command.Body.Reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return evidence.Adapt<EvidenceView>(mapping);
    }
}
