using ComplianceApi.Data;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Responses;

/// <summary>Why a closure awaiting sign-off is sent back.</summary>
/// <param name="Reason">What is missing before the response can be closed; recorded as the entry's narrative, after "Sent back: ".</param>
public sealed record SendBackRequest(string Reason);

public sealed class SendBackRequestValidator : AbstractValidator<SendBackRequest>
{
    // The entry's narrative is "Sent back: " followed by the reason.
    private const int MaxReason = Lengths.LongText - 20;

    public SendBackRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(MaxReason);
}

public sealed record SendBackForceResponseCommand(Guid ResponseId, SendBackRequest Body) : ICommand<ProgressUpdateView>;

public sealed class SendBackForceResponseValidator : AbstractValidator<SendBackForceResponseCommand>
{
    public SendBackForceResponseValidator() => RuleFor(c => c.Body).SetValidator(new SendBackRequestValidator());
}

/// <summary>Sends a closure back to the status it had; who may is decided as for a sign-off.</summary>
public sealed class SendBackForceResponseHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<SendBackForceResponseCommand, ProgressUpdateView>
{
    public async Task<ProgressUpdateView> Handle(SendBackForceResponseCommand command, CancellationToken cancellationToken)
    {
        var response = await db.ForceResponses.SingleOrDefaultAsync(r => r.Id == command.ResponseId, cancellationToken)
            ?? throw NotFoundException.For("response", command.ResponseId);
        var update = response.SendBackClosure(command.Body.Reason, caller.Signatory, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return update.Adapt<ProgressUpdateView>(mapping);
    }
}
