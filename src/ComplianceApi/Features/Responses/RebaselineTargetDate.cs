using ComplianceApi.Data;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Responses;

/// <summary>A force moving its own target date for a response, and why.</summary>
/// <param name="NewTargetDate">The new target date.</param>
/// <param name="Reason">Why the target moves, such as "Awaiting the new records management system, now due in March 2017".</param>
/// <param name="EffectiveOn">The date from which the new target holds: not in the future, nor before the previous re-baselining's; today when omitted.</param>
public sealed record TargetDateChangeRequest(DateOnly NewTargetDate, string Reason, DateOnly? EffectiveOn);

public sealed class TargetDateChangeRequestValidator : AbstractValidator<TargetDateChangeRequest>
{
    public TargetDateChangeRequestValidator()
    {
        RuleFor(r => r.NewTargetDate).NotEmpty();
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(Lengths.LongText);
    }
}

public sealed record RebaselineTargetDateCommand(Guid ResponseId, TargetDateChangeRequest Body) : ICommand<TargetDateChangeView>;

public sealed class RebaselineTargetDateValidator : AbstractValidator<RebaselineTargetDateCommand>
{
    public RebaselineTargetDateValidator() => RuleFor(c => c.Body).SetValidator(new TargetDateChangeRequestValidator());
}

public sealed class RebaselineTargetDateHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<RebaselineTargetDateCommand, TargetDateChangeView>
{
    public async Task<TargetDateChangeView> Handle(RebaselineTargetDateCommand command, CancellationToken cancellationToken)
    {
        var response = await db.ForceResponses.SingleOrDefaultAsync(r => r.Id == command.ResponseId, cancellationToken)
            ?? throw NotFoundException.For("response", command.ResponseId);
        caller.EnsureMayWriteFor(response.ForceCode);
        var body = command.Body;
        var change = response.Rebaseline(body.NewTargetDate, body.Reason, body.EffectiveOn, caller.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return change.Adapt<TargetDateChangeView>(mapping);
    }
}
