using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;

namespace ComplianceApi.Features.Committees;

/// <summary>A committee a force reports to, or its corrected name and body.</summary>
/// <param name="ForceCode">The force (or collaboration) that reports to it; cannot change once recorded.</param>
/// <param name="Name">The committee's name, such as "Police Performance and Resource Management Sub Committee"; unique within the force.</param>
/// <param name="Body">The kind of body: police and crime panel, police and crime commissioner, audit committee, force board, police authority committee or other.</param>
public sealed record CommitteeRequest(string ForceCode, string Name, CommitteeBody Body);

public sealed class CommitteeRequestValidator : AbstractValidator<CommitteeRequest>
{
    public CommitteeRequestValidator()
    {
        RuleFor(r => r.ForceCode).NotEmpty().MaximumLength(Lengths.Code);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Lengths.Name);
        RuleFor(r => r.Body).IsInEnum();
    }
}

/// <summary>A report made to a committee, or its corrections before its statement is issued.</summary>
/// <param name="Reference">The committee's reference for the paper, such as "Pol 49/15"; unique within the committee.</param>
/// <param name="Title">The paper's title.</param>
/// <param name="ReportedOn">The date of the meeting it goes to; its position statement is as of this date unless issued for another.</param>
public sealed record CommitteeReportRequest(string Reference, string? Title, DateOnly ReportedOn);

public sealed class CommitteeReportRequestValidator : AbstractValidator<CommitteeReportRequest>
{
    public CommitteeReportRequestValidator()
    {
        RuleFor(r => r.Reference).NotEmpty().MaximumLength(Lengths.Reference);
        RuleFor(r => r.Title).NotEmpty().MaximumLength(Lengths.Title).When(r => r.Title is not null);
        RuleFor(r => r.ReportedOn).NotEmpty().WithMessage("Give the date of the meeting the report goes to.");
    }
}
