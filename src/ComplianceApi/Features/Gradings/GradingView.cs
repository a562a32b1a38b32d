using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;

namespace ComplianceApi.Features.Gradings;

/// <summary>A graded judgement of one force in one inspection, for a PEEL pillar or the whole report.</summary>
/// <param name="Id">The grading's id.</param>
/// <param name="InspectionId">The id of the inspection that gave it.</param>
/// <param name="ForceCode">The graded force's code.</param>
/// <param name="Area">The PEEL pillar or question graded; "Overall" for the whole report.</param>
/// <param name="Grade">Outstanding, good, requires improvement or inadequate.</param>
/// <param name="GivenOn">When the grade was given.</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="UpdatedAt">When it was last regraded.</param>
public sealed record GradingView(
    Guid Id,
    Guid InspectionId,
    string ForceCode,
    string Area,
    Grade Grade,
    DateOnly GivenOn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
    : ITaggedView
{
    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since. Absent in lists.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }
}

public sealed class GradingViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Grading, GradingView>();
}
