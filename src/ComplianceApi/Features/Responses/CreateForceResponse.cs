using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Responses;

public sealed record CreateForceResponseCommand(Guid FindingId, ForceResponseRequest Body) : ICommand<ForceResponseView>;

public sealed class CreateForceResponseValidator : AbstractValidator<CreateForceResponseCommand>
{
    public CreateForceResponseValidator() => RuleFor(c => c.Body).SetValidator(new ForceResponseRequestValidator());
}

public sealed class CreateForceResponseHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<CreateForceResponseCommand, ForceResponseView>
{
    public async Task<ForceResponseView> Handle(CreateForceResponseCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        caller.EnsureMayWriteFor(body.ForceCode);
        var finding = await db.Findings.SingleOrDefaultAsync(f => f.Id == command.FindingId, cancellationToken)
            ?? throw NotFoundException.For("finding", command.FindingId);
        await db.EnsureForcesExistAsync([body.ForceCode], "forceCode", cancellationToken);
        if (await db.ForceResponses.AnyAsync(r => r.FindingId == finding.Id && r.ForceCode == body.ForceCode, cancellationToken))
        {
            throw new DomainRuleException(
                $"Force '{body.ForceCode}' already has a response to {finding.Reference}; a force keeps one response per finding, so update that one.");
        }

        var now = clock.GetUtcNow();
        var response = new ForceResponse(Guid.CreateVersion7(now), finding, body.ForceCode, body.ToDetails(), body.EffectiveOn, caller.Name, now);
        db.ForceResponses.Add(response);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ResponseViewAsync(response.Id, null, clock, mapping, cancellationToken);
    }
}
