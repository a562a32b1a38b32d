using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;

namespace ComplianceApi.Features.Findings;

/// <summary>A finding to record in an inspection report, or its corrected details.</summary>
/// <param name="Reference">The reference as printed in the report, such as "Recommendation 8"; unique within the report, and cannot change once created.</param>
/// <param name="Kind">Recommendation, area for improvement, cause of concern or point of note.</param>
/// <param name="Text">The finding's text, as the report words it.</param>
/// <param name="BusinessArea">The business area it touches, such as information management.</param>
/// <param name="DeadlineText">The deadline exactly as the report writes it: "Immediately", "by November 2015", "within six months". It is resolved against the report's publication date; words that cannot be resolved are refused with 422 unless dueDate is given.</param>
/// <param name="DueDate">Optional. A due date that agrees with the resolved words changes nothing; any other date, or one given with words that cannot be resolved, is kept as supplied (deadlineKind Explicit).</param>
/// <param name="Addressees">Who the finding is addressed to; at least one.</param>
/// <param name="CauseOfConcernId">For a recommendation: the id of the cause of concern in the same report that it answers.</param>
public sealed record FindingRequest(
    string Reference,
    FindingKind Kind,
    string Text,
    BusinessArea BusinessArea,
    string? DeadlineText,
    DateOnly? DueDate,
    IReadOnlyList<AddresseeRequest> Addressees,
    Guid? CauseOfConcernId)
{
    public FindingDetails ToDetails() => new(
        Kind, Text, BusinessArea, DeadlineText, DueDate,
        Addressees.Select(a => new Addressee(a.Kind, a.ForceCode, a.Name)).ToList());

    public IReadOnlyCollection<string> AddresseeForceCodes() =>
        Addressees.Where(a => a.ForceCode is not null).Select(a => a.ForceCode!).ToList();
}

/// <summary>One addressee of a finding.</summary>
/// <param name="Kind">Chief constables, one force, the Home Office, the College of Policing, an NPCC lead, police and crime commissioners, or other.</param>
/// <param name="ForceCode">For a force addressee, and only then: the force's code.</param>
/// <param name="Name">Who exactly, where the kind alone does not say: "NPCC lead for information management".</param>
public sealed record AddresseeRequest(AddresseeKind Kind, string? ForceCode, string? Name);

public sealed class FindingRequestValidator : AbstractValidator<FindingRequest>
{
    public FindingRequestValidator()
    {
        RuleFor(r => r.Reference).NotEmpty().MaximumLength(Lengths.Reference);
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Text).NotEmpty().MaximumLength(Lengths.LongText);
        RuleFor(r => r.BusinessArea).IsInEnum();
        RuleFor(r => r.DeadlineText).MaximumLength(Lengths.Name);
        RuleFor(r => r.Addressees).NotEmpty().WithMessage("A finding is addressed to someone: give at least one addressee.")
            .MaximumCount(50).WithMessage("At most 50 addressees.");
        RuleForEach(r => r.Addressees).NotNull().SetValidator(new AddresseeRequestValidator());
    }
}

public sealed class AddresseeRequestValidator : AbstractValidator<AddresseeRequest>
{
    public AddresseeRequestValidator()
    {
        RuleFor(a => a.Kind).IsInEnum();
        RuleFor(a => a.ForceCode).MaximumLength(Lengths.Code);
        RuleFor(a => a.ForceCode).NotEmpty().When(a => a.Kind == AddresseeKind.Force)
            .WithMessage("A force addressee names its force.");
        RuleFor(a => a.ForceCode).Null().When(a => a.Kind != AddresseeKind.Force)
            .WithMessage("Only a force addressee names a force; address chief constables to concern every force in scope.");
        RuleFor(a => a.Name).MaximumLength(Lengths.Name);
    }
}
