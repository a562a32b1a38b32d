using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Inspections;

public sealed record UpdateInspectionCommand(Guid Id, InspectionRequest Body) : ICommand<InspectionView>;

public sealed class UpdateInspectionValidator : AbstractValidator<UpdateInspectionCommand>
{
    public UpdateInspectionValidator() => RuleFor(c => c.Body).SetValidator(new InspectionRequestValidator());
}

public sealed class UpdateInspectionHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<UpdateInspectionCommand, InspectionView>
{
    public async Task<InspectionView> Handle(UpdateInspectionCommand command, CancellationToken cancellationToken)
    {
        var inspection = await db.Inspections.SingleOrDefaultAsync(i => i.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("inspection", command.Id);
        var body = command.Body;
        if (body.Reference != inspection.Reference)
        {
            throw new DomainRuleException($"An inspection's reference is stable: it stays '{inspection.Reference}'.");
        }

        await db.EnsureForcesExistAsync(body.ForcesInScope ?? [], "forcesInScope", cancellationToken);
        var publishedOn = inspection.PublishedOn;
        var now = clock.GetUtcNow();
        inspection.Revise(body.ToDetails(), now);
        if (inspection.PublishedOn != publishedOn)
        {
            // Saved with the inspection, in the command's transaction: the report and its deadlines never disagree.
            var countingFromPublication = await db.Findings
                .Where(f => f.InspectionId == inspection.Id && (f.DeadlineKind == DeadlineKind.Immediate || f.DeadlineKind == DeadlineKind.Relative))
                .ToListAsync(cancellationToken);
            var moved = new List<Finding>();
            foreach (var finding in countingFromPublication)
            {
                var dueDate = finding.DueDate;
                finding.FollowPublicationDate(now);
                if (finding.DueDate != dueDate)
                {
                    moved.Add(finding);
                }
            }

            await db.ResponsesFollowDueDatesAsync(moved, cancellationToken);

            // Local policing bodies' 56-day deadlines count from the publication day too.
            foreach (var reportResponse in await db.ReportResponses.IgnoreQueryFilters().Where(r => r.InspectionId == inspection.Id).ToListAsync(cancellationToken))
            {
                reportResponse.FollowPublication(inspection, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return inspection.Adapt<InspectionView>(mapping);
    }
}
