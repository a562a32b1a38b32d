using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Http;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Forces;

public sealed record UpdateForceCommand(string Code, ForceRequest Body) : ICommand<ForceView>;

public sealed class UpdateForceValidator : AbstractValidator<UpdateForceCommand>
{
    public UpdateForceValidator() => RuleFor(c => c.Body).SetValidator(new ForceRequestValidator());
}

public sealed class UpdateForceHandler(ComplianceDbContext db, TypeAdapterConfig mapping, ForceScopes scopes) : IRequestHandler<UpdateForceCommand, ForceView>
{
    public async Task<ForceView> Handle(UpdateForceCommand command, CancellationToken cancellationToken)
    {
        var force = await db.Forces.SingleOrDefaultAsync(f => f.Code == command.Code, cancellationToken)
            ?? throw new NotFoundException($"No force has code '{command.Code}'.");
        var body = command.Body;
        if (body.Code != force.Code || body.Kind != force.Kind)
        {
            throw new DomainRuleException("A force's code and kind cannot change; add a new force instead.");
        }

        if (await db.Forces.AnyAsync(f => f.Code != force.Code && f.Name == body.Name, cancellationToken))
        {
            throw new DomainRuleException($"Another force is already named '{body.Name}'.");
        }

        force.Rename(body.Name);
        force.SetMembers(await db.MemberForcesAsync(body.MemberCodes, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        scopes.Forget(force.Code);
        return force.Adapt<ForceView>(mapping);
    }
}

internal static class MemberForces
{
    public static async Task<IReadOnlyCollection<Force>> MemberForcesAsync(this ComplianceDbContext db, IReadOnlyList<string>? codes, CancellationToken cancellationToken)
    {
        if (codes is null or { Count: 0 })
        {
            return [];
        }

        await db.EnsureForcesExistAsync(codes, "memberCodes", cancellationToken);
        return await db.Forces.Where(f => codes.Contains(f.Code)).ToListAsync(cancellationToken);
    }
}
