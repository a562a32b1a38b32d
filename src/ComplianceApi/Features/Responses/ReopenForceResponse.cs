using ComplianceApi.Data;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Responses;

/// <summary>Why a closed response is reopened, and by whom.</summary>
/// <param name="Reason">Why it is reopened, such as a finding of a later inspection; recorded as the entry's narrative.</param>
/// <param name="Author">Who reopened it.</param>
public sealed record ReopenRequest(string Reason, string Author);

public sealed class ReopenRequestValidator : AbstractValidator<ReopenRequest>
{
    // The entry's narrative is "Reopened: " followed by the reason.
    private const int MaxReason = Lengths.LongText - 20;

    public ReopenRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(MaxReason);
        RuleFor(r => r.Author).NotEmpty().MaximumLength(Lengths.Name);
    }
}

public sealed record ReopenForceResponseCommand(Guid ResponseId, ReopenRequest Body) : ICommand<ProgressUpdateView>;

public sealed class ReopenForceResponseValidator : AbstractValidator<ReopenForceResponseCommand>
{
    public ReopenForceResponseValidator() => RuleFor(c => c.Body).SetValidator(new ReopenRequestValidator());
}

public sealed class ReopenForceResponseHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<ReopenForceResponseCommand, ProgressUpdateView>
{
    public async Task<ProgressUpdateView> Handle(ReopenForceResponseCommand command, CancellationToken cancellationToken)
    {
        var response = await db.ForceResponses.SingleOrDefaultAsync(r => r.Id == command.ResponseId, cancellationToken)
            ?? throw NotFoundException.For("response", command.ResponseId);
        var update = response.Reopen(command.Body.Reason, command.Body.Author, caller.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return update.Adapt<ProgressUpdateView>(mapping);
    }
}
