using ComplianceApi.Data;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Evidence;

/// <summary>A reviewer's acceptance of evidence.</summary>
/// <param name="Reason">Why it is accepted, if there is more to say.</param>
/// <param name="ExpiresOn">The day it stops counting, such as when a policy is due for renewal; omit when it does not expire.</param>
public sealed record EvidenceAcceptance(string? Reason, DateOnly? ExpiresOn);

public sealed record AcceptEvidenceCommand(Guid Id, EvidenceAcceptance Body) : ICommand<EvidenceView>;

public sealed class EvidenceAcceptanceValidator : AbstractValidator<EvidenceAcceptance>
{
    public EvidenceAcceptanceValidator() => RuleFor(a => a.Reason).MaximumLength(Lengths.LongText);
}

public sealed class AcceptEvidenceValidator : AbstractValidator<AcceptEvidenceCommand>
{
    public AcceptEvidenceValidator() => RuleFor(c => c.Body).SetValidator(new EvidenceAcceptanceValidator());
}

public sealed class AcceptEvidenceHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<AcceptEvidenceCommand, EvidenceView>
{
    public async Task<EvidenceView> Handle(AcceptEvidenceCommand command, CancellationToken cancellationToken)
    {
        var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("evidence", command.Id);
        evidence.Accept(caller.Client, command.Body.Reason, command.Body.ExpiresOn, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return evidence.Adapt<EvidenceView>(mapping);
    }
}
