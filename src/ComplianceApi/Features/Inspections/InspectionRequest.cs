using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;

namespace ComplianceApi.Features.Inspections;

/// <summary>An inspection report to record, or its corrected details.</summary>
/// <param name="Reference">A stable slug such as "building-the-picture-2015"; cannot change once created.</param>
/// <param name="Inspectorate">Who published the report.</param>
/// <param name="Title">The report's title.</param>
/// <param name="Type">National thematic, force, PEEL, crime data integrity or joint.</param>
/// <param name="PublishedOn">When it was published (or circulated, if restricted). Its findings' immediate and relative deadlines count from it, and move when it is corrected; it cannot be removed while they do.</param>
/// <param name="FieldworkStartedOn">When fieldwork started.</param>
/// <param name="FieldworkEndedOn">When fieldwork ended.</param>
/// <param name="PublicationStatus">Published, or restricted: circulated to forces but not published.</param>
/// <param name="Link">Where the report can be read.</param>
/// <param name="AllForcesInScope">True when its findings to chief constables concern every force.</param>
/// <param name="ForcesInScope">Otherwise, the codes of the forces it concerns.</param>
public sealed record InspectionRequest(
    string Reference,
    Inspectorate Inspectorate,
    string Title,
    InspectionType Type,
    DateOnly? PublishedOn,
    DateOnly? FieldworkStartedOn,
    DateOnly? FieldworkEndedOn,
    PublicationStatus PublicationStatus,
    string? Link,
    bool AllForcesInScope,
    IReadOnlyList<string>? ForcesInScope)
{
    public InspectionDetails ToDetails() => new(
        Inspectorate, Title, Type, PublishedOn, FieldworkStartedOn, FieldworkEndedOn, PublicationStatus, Link,
        AllForcesInScope, ForcesInScope ?? []);
}

public sealed class InspectionRequestValidator : AbstractValidator<InspectionRequest>
{
    public InspectionRequestValidator()
    {
        RuleFor(r => r.Reference).NotEmpty().MaximumLength(Lengths.Reference).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
            .WithMessage("A reference is a slug: lower-case letters and digits, words joined by hyphens.");
        RuleFor(r => r.Inspectorate).IsInEnum();
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Lengths.Title);
        RuleFor(r => r.Type).IsInEnum();
        RuleFor(r => r.PublicationStatus).IsInEnum();
        RuleFor(r => r.Link).MaximumLength(Lengths.Url)
            .Must(link => link is null || Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .WithMessage("A link is an absolute http or https URL.");
        RuleFor(r => r.ForcesInScope).MaximumCount(100).WithMessage("At most 100 forces.");
        RuleForEach(r => r.ForcesInScope).NotEmpty().MaximumLength(Lengths.Code);
    }
}
