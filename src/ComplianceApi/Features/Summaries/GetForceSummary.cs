using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Http.Contract;
using ComplianceApi.Pipeline;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Summaries;

/// <summary>A force's responses counted as they stood on a date. A force-scoped key can summarise only its own force.</summary>
/// <param name="Code">The force's code; a collaboration's code summarises the collaboration and its member forces.</param>
/// <param name="AsOf">The date to count as of; today when omitted. Responses whose history begins later are left out.</param>
/// <param name="Tag">Count only responses carrying this tag of the force's (any case); repeat it for responses carrying every tag given.</param>
public sealed record GetForceSummaryQuery(string Code, DateOnly? AsOf, string[]? Tag = null) : IRequest<ForceSummaryView>, ICostlyRequest;

/// <summary>A force's responses counted by status and RAG on a date, with what is overdue, overall and per inspection.</summary>
/// <param name="ForceCode">The force summarised.</param>
/// <param name="ForceCodes">The forces whose responses are counted: the force, and a collaboration's members.</param>
/// <param name="AsOf">The date the counts are for.</param>
/// <param name="Totals">Counts over every inspection.</param>
/// <param name="OldestOverdue">The response overdue longest on asOf; absent when none is overdue.</param>
/// <param name="Inspections">The counts per inspection with responses, by inspection reference; at most 1000.</param>
public sealed record ForceSummaryView(
    [property: MaxLength(Lengths.Code)] string ForceCode,
    [property: MaxLength(Force.MostForces), ItemMaxLength(Lengths.Code)] IReadOnlyList<string> ForceCodes,
    DateOnly AsOf,
    ResponseCountsView Totals,
    ForceResponseView? OldestOverdue,
    [property: MaxLength(ForceSummaryView.MostInspections)] IReadOnlyList<InspectionSummaryView> Inspections)
{
    public const int MostInspections = 1000;
}

/// <summary>A force's responses to one inspection's findings, counted.</summary>
/// <param name="InspectionId">The inspection.</param>
/// <param name="InspectionReference">Its reference.</param>
/// <param name="Counts">The counts of the force's responses to its findings.</param>
public sealed record InspectionSummaryView(Guid InspectionId, [property: MaxLength(Lengths.Reference)] string InspectionReference, ResponseCountsView Counts);

public sealed class GetForceSummaryValidator : AbstractValidator<GetForceSummaryQuery>
{
    public GetForceSummaryValidator()
    {
        RuleFor(q => q.Code).MaximumLength(Lengths.Code);
        this.ValidatesTagFilter(q => q.Tag);
    }
}

public sealed class GetForceSummaryHandler(ComplianceDbContext db, Caller caller, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<GetForceSummaryQuery, ForceSummaryView>
{
    public async Task<ForceSummaryView> Handle(GetForceSummaryQuery query, CancellationToken cancellationToken)
    {
        var force = await db.Forces.AsNoTracking().SingleOrDefaultAsync(f => f.Code == query.Code, cancellationToken);
        if (force is null || !caller.CanSee(force.Code))
        {
            throw new NotFoundException($"No force has code '{query.Code}'.");
        }

        var on = query.AsOf ?? clock.Today();
        List<string> codes = [force.Code, .. force.Members.Select(m => m.MemberCode)];
        var responses = db.ForceResponses.Where(r => codes.Contains(r.ForceCode))
            .CarryingEveryTag(r => r.TagKeys, ResponseFilterValidation.TagFilterKeys(query.Tag));

        Expression<Func<ForceResponse, ResponseInspection>> inspection = r => new ResponseInspection(r.Finding.InspectionId, r.Finding.Inspection.Reference);
        var states = query.AsOf is null
            ? await db.StatesTodayAsync(responses, codes, inspection, on, cancellationToken)
            : await db.StatesOnAsync(responses, inspection, on, cancellationToken, counting: true);
        var assessed = (await db.InspectorateAssessments.AsNoTracking().Where(a => codes.Contains(a.ForceCode) && a.AssessedOn <= on).ToListAsync(cancellationToken))
            .GroupBy(a => a.ResponseId).ToDictionary(g => g.Key, g => InspectorateRules.LatestOn(g, on)?.Status);
        var tallies = states
            .GroupBy(s => (s.Details.InspectionId, s.Details.InspectionReference, s.State.Status, s.State.Rag, s.State.IsOverdue, s.State.IsRebaselined, s.State.HasEvidence,
                Inspectorate: assessed.GetValueOrDefault(s.Id)))
            .Select(g => new ResponseTally(
                g.Key.InspectionId, g.Key.InspectionReference, g.Key.Status, g.Key.Rag, g.Key.IsOverdue, g.Key.IsRebaselined,
                g.Key.HasEvidence, g.Count(), g.Min(s => s.State.DueDate ?? DateOnly.MaxValue), g.Key.Inspectorate))
            .ToList();

        var oldestId = states.Where(s => s.State.IsOverdue).OrderBy(s => s.State.DueDate).ThenBy(s => s.Id).Select(s => (Guid?)s.Id).FirstOrDefault();
        var oldest = oldestId is null ? null
            : await db.ResponsesAsOf(query.AsOf).SingleAsync(s => s.Id == oldestId, cancellationToken);
        var inspections = tallies
            .GroupBy(t => (t.InspectionId, t.InspectionReference))
            .OrderBy(g => g.Key.InspectionReference, StringComparer.Ordinal)
            .Take(ForceSummaryView.MostInspections)
            .Select(g => new InspectionSummaryView(g.Key.InspectionId, g.Key.InspectionReference, ResponseCountsView.From(g, on)))
            .ToList();
        return new ForceSummaryView(force.Code, codes, on, ResponseCountsView.From(tallies, on),
            oldest is null ? null : ResponseOnDate.Of(oldest, on).Adapt<ForceResponseView>(mapping), inspections);
    }
}

/// <summary>The inspection whose finding a response answers, which the summary counts by.</summary>
internal sealed record ResponseInspection(Guid InspectionId, string InspectionReference);
