using System.ComponentModel.DataAnnotations;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Summaries;

/// <summary>How one inspection graded the forces, per area.</summary>
/// <param name="InspectionId">The inspection.</param>
public sealed record GetInspectionGradingsSummaryQuery(Guid InspectionId) : IRequest<GradingsSummaryView>;

/// <summary>
/// How a round of inspections graded the forces, per area: every inspection of a type published in a
/// period (a crime data integrity round is one inspection per force). A force graded more than once in
/// the round counts with its latest grade.
/// </summary>
/// <param name="InspectionType">The type of inspection in the round.</param>
/// <param name="PublishedFrom">Only inspections published on or after this date.</param>
/// <param name="PublishedTo">Only inspections published on or before this date.</param>
public sealed record GetGradingRoundSummaryQuery(InspectionType InspectionType, DateOnly? PublishedFrom, DateOnly? PublishedTo)
    : IRequest<GradingsSummaryView>;

public sealed class GetGradingRoundSummaryValidator : AbstractValidator<GetGradingRoundSummaryQuery>
{
    public GetGradingRoundSummaryValidator()
    {
        RuleFor(q => q.InspectionType).IsInEnum();
        RuleFor(q => q.PublishedTo).GreaterThanOrEqualTo(q => q.PublishedFrom).When(q => q.PublishedFrom is not null)
            .WithMessage("publishedTo cannot be before publishedFrom.");
    }
}

/// <summary>The distribution of grades across forces, per area graded.</summary>
/// <param name="Inspections">How many inspections the summary covers.</param>
/// <param name="Areas">Each area graded ("Overall" for the whole report), by name; at most 100.</param>
public sealed record GradingsSummaryView(
    int Inspections,
    [property: MaxLength(GradingsSummaryView.MostAreas)] IReadOnlyList<AreaGradingsView> Areas)
{
    public const int MostAreas = 100;

    public static GradingsSummaryView From(int inspections, IEnumerable<ForceGradeView> grades) => new(
        inspections,
        [
            .. grades
                .GroupBy(g => g.Area)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Take(MostAreas)
                .Select(area =>
                {
                    // The latest grade of each force stands for it in the area.
                    var latest = area.GroupBy(g => g.ForceCode).Select(f => f.OrderByDescending(g => g.GivenOn).First())
                        .OrderBy(g => g.ForceCode, StringComparer.Ordinal).Take(Force.MostForces).ToList();
                    int Of(Grade grade) => latest.Count(g => g.Grade == grade);
                    return new AreaGradingsView(area.Key, latest.Count,
                        new GradeCountsView(Of(Grade.Outstanding), Of(Grade.Good), Of(Grade.RequiresImprovement), Of(Grade.Inadequate)), latest);
                }),
        ]);
}

/// <summary>The grades given in one area.</summary>
/// <param name="Area">The PEEL pillar or question graded; "Overall" for the whole report.</param>
/// <param name="Forces">How many forces were graded in it.</param>
/// <param name="Counts">How many forces got each grade.</param>
/// <param name="Grades">Each force's grade, by force code.</param>
public sealed record AreaGradingsView(
    [property: MaxLength(Lengths.Code)] string Area,
    int Forces,
    GradeCountsView Counts,
    [property: MaxLength(Force.MostForces)] IReadOnlyList<ForceGradeView> Grades);

/// <summary>Forces given each grade.</summary>
public sealed record GradeCountsView(int Outstanding, int Good, int RequiresImprovement, int Inadequate);

/// <summary>One force's grade in one area.</summary>
/// <param name="ForceCode">The force.</param>
/// <param name="Area">The area graded.</param>
/// <param name="Grade">Its grade.</param>
/// <param name="GivenOn">When the grade was given.</param>
/// <param name="InspectionId">The inspection that gave it.</param>
public sealed record ForceGradeView(
    [property: MaxLength(Lengths.Code)] string ForceCode,
    [property: MaxLength(Lengths.Code)] string Area,
    Grade Grade,
    DateOnly GivenOn,
    Guid InspectionId);

public sealed class GetInspectionGradingsSummaryHandler(ComplianceDbContext db) : IRequestHandler<GetInspectionGradingsSummaryQuery, GradingsSummaryView>
{
    public async Task<GradingsSummaryView> Handle(GetInspectionGradingsSummaryQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Inspections.AnyAsync(i => i.Id == query.InspectionId, cancellationToken))
        {
            throw NotFoundException.For("inspection", query.InspectionId);
        }

        var grades = await db.Gradings.AsNoTracking().Where(g => g.InspectionId == query.InspectionId)
            .Select(g => new ForceGradeView(g.ForceCode, g.Area, g.Grade, g.GivenOn, g.InspectionId)).ToListAsync(cancellationToken);
        return GradingsSummaryView.From(1, grades);
    }
}

public sealed class GetGradingRoundSummaryHandler(ComplianceDbContext db) : IRequestHandler<GetGradingRoundSummaryQuery, GradingsSummaryView>
{
    public async Task<GradingsSummaryView> Handle(GetGradingRoundSummaryQuery query, CancellationToken cancellationToken)
    {
        var inspections = db.Inspections.Where(i => i.Type == query.InspectionType)
            .Where(i => query.PublishedFrom == null || i.PublishedOn >= query.PublishedFrom)
            .Where(i => query.PublishedTo == null || i.PublishedOn <= query.PublishedTo)
            .Select(i => i.Id);
        var grades = await db.Gradings.AsNoTracking().Where(g => inspections.Contains(g.InspectionId))
            .Select(g => new ForceGradeView(g.ForceCode, g.Area, g.Grade, g.GivenOn, g.InspectionId)).ToListAsync(cancellationToken);
        return GradingsSummaryView.From(await inspections.CountAsync(cancellationToken), grades);
    }
}
