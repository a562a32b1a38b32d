using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;

namespace ComplianceApi.Features.Forces;

/// <summary>A force to add, or its new name and members.</summary>
/// <param name="Code">Lower-case letters, digits and hyphens; cannot change once created.</param>
/// <param name="Name">The force's name.</param>
/// <param name="Kind">Territorial, national or collaboration; cannot change once created.</param>
/// <param name="MemberCodes">For a collaboration, the codes of its member forces.</param>
public sealed record ForceRequest(string Code, string Name, ForceKind Kind, IReadOnlyList<string>? MemberCodes);

public sealed class ForceRequestValidator : AbstractValidator<ForceRequest>
{
    public ForceRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty().MaximumLength(Lengths.Code).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
            .WithMessage("A force code is lower-case letters and digits, words joined by hyphens.");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Lengths.Name);
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.MemberCodes).MaximumCount(50).WithMessage("At most 50 members.");
        RuleForEach(r => r.MemberCodes).NotEmpty().MaximumLength(Lengths.Code);
    }
}
