using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;

namespace ComplianceApi.Features.Gradings;

/// <summary>A graded judgement of one force in one inspection, or its corrected grade.</summary>
/// <param name="ForceCode">The graded force's code; it must be in the inspection's scope, and cannot change once graded.</param>
/// <param name="Area">The PEEL pillar or question graded; "Overall" (the default) for the whole report. Cannot change once graded.</param>
/// <param name="Grade">Outstanding, good, requires improvement or inadequate.</param>
/// <param name="GivenOn">When the grade was given.</param>
public sealed record GradingRequest(string ForceCode, string? Area, Grade Grade, DateOnly GivenOn)
{
    /// <summary>The area graded: the whole report unless a pillar is named.</summary>
    public string AreaOrWholeReport() => Area ?? Grading.WholeReport;
}

public sealed class GradingRequestValidator : AbstractValidator<GradingRequest>
{
    public GradingRequestValidator()
    {
        RuleFor(r => r.ForceCode).NotEmpty().MaximumLength(Lengths.Code);
        RuleFor(r => r.Area).NotEmpty().MaximumLength(Lengths.Code).When(r => r.Area is not null);
        RuleFor(r => r.Grade).IsInEnum();
        RuleFor(r => r.GivenOn).NotEmpty().WithMessage("Give the date the grade was given.");
    }
}
