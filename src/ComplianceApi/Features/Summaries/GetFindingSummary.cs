using System.ComponentModel.DataAnnotations;
using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Features.Responses;
using ComplianceApi.Http.Contract;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Summaries;

/// <summary>Where every force stood on one finding on a date. A force-scoped key sees only its own force's response.</summary>
/// <param name="Id">The finding's id.</param>
/// <param name="AsOf">The date to read every response as of; today when omitted.</param>
public sealed record GetFindingSummaryQuery(Guid Id, DateOnly? AsOf) : IRequest<FindingSummaryView>;

/// <summary>One finding across the forces it concerns: each force's response on a date, and the counts.</summary>
/// <param name="FindingId">The finding.</param>
/// <param name="FindingReference">Its reference, such as "Recommendation 8".</param>
/// <param name="InspectionId">The inspection whose report carries it.</param>
/// <param name="InspectionReference">That inspection's reference.</param>
/// <param name="DueDate">The finding's own due date.</param>
/// <param name="AsOf">The date the responses are read as of.</param>
/// <param name="Counts">The responses counted.</param>
/// <param name="ForceResponses">Each force's response as it stood on asOf, by force code.</param>
/// <param name="ForcesWithoutResponse">Forces the finding concerns that had recorded no response by asOf.</param>
public sealed record FindingSummaryView(
    Guid FindingId,
    [property: MaxLength(Lengths.Reference)] string FindingReference,
    Guid InspectionId,
    [property: MaxLength(Lengths.Reference)] string InspectionReference,
    DateOnly? DueDate,
    DateOnly AsOf,
    ResponseCountsView Counts,
    [property: MaxLength(Force.MostForces)] IReadOnlyList<ForceResponseView> ForceResponses,
    [property: MaxLength(Force.MostForces), ItemMaxLength(Lengths.Code)] IReadOnlyList<string> ForcesWithoutResponse);

public sealed class GetFindingSummaryHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<GetFindingSummaryQuery, FindingSummaryView>
{
    public async Task<FindingSummaryView> Handle(GetFindingSummaryQuery query, CancellationToken cancellationToken)
    {
        var finding = await db.Findings.AsNoTracking().SingleOrDefaultAsync(f => f.Id == query.Id, cancellationToken)
            ?? throw NotFoundException.For("finding", query.Id);
        var on = query.AsOf ?? clock.Today();
        var rows = await db.ResponsesAsOf(query.AsOf).Where(s => s.FindingId == finding.Id)
            .OrderBy(s => s.ForceCode).Take(Force.MostForces).ToListAsync(cancellationToken);
        var responded = rows.Select(r => r.ForceCode).ToHashSet();
        var forces = await db.Forces.AsNoTracking().Where(f => f.Kind != ForceKind.Collaboration).Select(f => f.Code).ToListAsync(cancellationToken);
        var silent = forces.Where(code => caller.CanSee(code) && !responded.Contains(code) && finding.Concerns(code))
            .Order(StringComparer.Ordinal).Take(Force.MostForces).ToList();
        return new FindingSummaryView(
            finding.Id, finding.Reference, finding.InspectionId, finding.Inspection.Reference, finding.DueDate, on,
            ResponseCountsView.From(rows.Select(r => ResponseTally.Of(r.ToState(on), r.InspectionId, r.InspectionReference, r.InspectorateStatus)), on),
            [.. rows.Select(r => ResponseOnDate.Of(r, on).Adapt<ForceResponseView>(mapping))],
            silent);
    }
}
