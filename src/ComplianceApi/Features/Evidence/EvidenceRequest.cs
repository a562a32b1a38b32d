using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;

namespace ComplianceApi.Features.Evidence;

/// <summary>What backs a claim in a response or an action, and where it can be found.</summary>
/// <param name="Title">What it is, such as "Information Management Strategy".</param>
/// <param name="Kind">Document, minutes, audit report, policy or link. Link evidence needs its url.</param>
/// <param name="Reference">Where it is kept, such as a document reference or minute number; give this or a url.</param>
/// <param name="Url">An absolute http or https URL where it can be read; give this or a reference.</param>
/// <param name="Date">Its date, such as the meeting at which a strategy was agreed.</param>
/// <param name="Description">What it shows.</param>
public sealed record EvidenceRequest(
    string Title,
    EvidenceKind Kind,
    string? Reference,
    string? Url,
    DateOnly? Date,
    string? Description)
{
    public EvidenceDetails ToDetails() => new(Title, Kind, Reference, Url, Date, Description);
}

public sealed class EvidenceRequestValidator : AbstractValidator<EvidenceRequest>
{
    public EvidenceRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Lengths.Title);
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Reference).MaximumLength(Lengths.Name)
            .Must(reference => reference is null || !string.IsNullOrWhiteSpace(reference))
            .WithMessage("A reference, when given, is not blank.");
        RuleFor(r => r.Url).MaximumLength(Lengths.Url)
            .Must(url => url is null || Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .WithMessage("A url is an absolute http or https URL.");
        RuleFor(r => r.Description).MaximumLength(Lengths.LongText);
    }
}
