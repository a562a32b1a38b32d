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

public sealed record UpdateForceResponseCommand(Guid Id, ForceResponseRequest Body) : ICommand<ForceResponseView>;

public sealed class UpdateForceResponseValidator : AbstractValidator<UpdateForceResponseCommand>
{
    public UpdateForceResponseValidator() => RuleFor(c => c.Body).SetValidator(new ForceResponseRequestValidator());
}

public sealed class UpdateForceResponseHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<UpdateForceResponseCommand, ForceResponseView>
{
    public async Task<ForceResponseView> Handle(UpdateForceResponseCommand command, CancellationToken cancellationToken)
    {
        var response = await db.ForceResponses.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("response", command.Id);
        var body = command.Body;
        if (body.ForceCode != response.ForceCode)
        {
            throw new DomainRuleException($"A response's force is stable: it stays '{response.ForceCode}'.");
        }

        response.Revise(body.ToDetails(), body.EffectiveOn, caller.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ResponseViewAsync(response.Id, null, clock, mapping, cancellationToken);
    }
}
