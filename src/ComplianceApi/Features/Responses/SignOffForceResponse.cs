using ComplianceApi.Data;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Responses;

public sealed record SignOffForceResponseCommand(Guid ResponseId) : ICommand<ProgressUpdateView>;

/// <summary>
/// Signs off a closure awaiting it. The endpoint admits admins only and the force scope hides other forces'
/// responses (404); the domain refuses the identity that requested the closure (403).
/// </summary>
public sealed class SignOffForceResponseHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<SignOffForceResponseCommand, ProgressUpdateView>
{
    public async Task<ProgressUpdateView> Handle(SignOffForceResponseCommand command, CancellationToken cancellationToken)
    {
        var response = await db.ForceResponses.SingleOrDefaultAsync(r => r.Id == command.ResponseId, cancellationToken)
            ?? throw NotFoundException.For("response", command.ResponseId);
        var update = response.SignOffClosure(caller.Signatory, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return update.Adapt<ProgressUpdateView>(mapping);
    }
}
