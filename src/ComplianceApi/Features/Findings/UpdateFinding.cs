using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Findings;

public sealed record UpdateFindingCommand(Guid Id, FindingRequest Body) : ICommand<FindingView>;

public sealed class UpdateFindingValidator : AbstractValidator<UpdateFindingCommand>
{
    public UpdateFindingValidator() => RuleFor(c => c.Body).SetValidator(new FindingRequestValidator());
}

public sealed class UpdateFindingHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<UpdateFindingCommand, FindingView>
{
    public async Task<FindingView> Handle(UpdateFindingCommand command, CancellationToken cancellationToken)
    {
        var finding = await db.Findings.SingleOrDefaultAsync(f => f.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("finding", command.Id);
        var body = command.Body;
        if (body.Reference != finding.Reference)
        {
            throw new DomainRuleException($"A finding's reference is stable: it stays '{finding.Reference}'.");
        }

        await db.EnsureForcesExistAsync(body.AddresseeForceCodes(), "addressees", cancellationToken);
        var causeOfConcern = await db.FindingNamedAsync(body.CauseOfConcernId, "causeOfConcernId", cancellationToken);
        var dueDate = finding.DueDate;
        finding.Revise(body.ToDetails(), clock.GetUtcNow(), causeOfConcern);
        if (finding.DueDate != dueDate)
        {
            await db.ResponsesFollowDueDatesAsync([finding], cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return finding.Adapt<FindingView>(mapping);
    }
}
