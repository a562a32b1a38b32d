using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Forces;

public sealed record CreateForceCommand(ForceRequest Body) : ICommand<ForceView>;

public sealed class CreateForceValidator : AbstractValidator<CreateForceCommand>
{
    public CreateForceValidator() => RuleFor(c => c.Body).SetValidator(new ForceRequestValidator());
}

public sealed class CreateForceHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<CreateForceCommand, ForceView>
{
    public async Task<ForceView> Handle(CreateForceCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        if (await db.Forces.AnyAsync(f => f.Code == body.Code || f.Name == body.Name, cancellationToken))
        {
            throw new DomainRuleException($"A force with code '{body.Code}' or name '{body.Name}' already exists.");
        }

        if (await db.Forces.CountAsync(cancellationToken) >= Force.MostForces)
        {
            throw new DomainRuleException($"The service holds at most {Force.MostForces} forces.");
        }

        var force = new Force(body.Code, body.Name, body.Kind);
        force.SetMembers(await db.MemberForcesAsync(body.MemberCodes, cancellationToken));
        db.Forces.Add(force);
        await db.SaveChangesAsync(cancellationToken);
        return force.Adapt<ForceView>(mapping);
    }
}
