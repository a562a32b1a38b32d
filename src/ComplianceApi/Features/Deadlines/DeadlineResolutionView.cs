using System.ComponentModel.DataAnnotations;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;

namespace ComplianceApi.Features.Deadlines;

/// <summary>What deadline words mean for a report published on a given date.</summary>
/// <param name="Text">The words, exactly as sent.</param>
/// <param name="Kind">None, Immediate and Relative (both counted from the publication date), or FixedDate.</param>
/// <param name="DueDate">The date the words resolve to; none when there is no deadline.</param>
/// <param name="Precision">How finely the words name it: Day, Month, Year or FinancialYear; none when there is no deadline.</param>
// Not built from the database, so its one string carries the request's limit for the contract.
public sealed record DeadlineResolutionView([property: MaxLength(Lengths.Name)] string? Text, DeadlineKind Kind, DateOnly? DueDate, DeadlinePrecision? Precision);

public sealed class DeadlineResolutionViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Deadline, DeadlineResolutionView>();
}
