using ComplianceApi.Domain;
using Mapster;

namespace ComplianceApi.Features.Inspections;

/// <summary>An inspection report.</summary>
public sealed record InspectionView(
    Guid Id,
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
    IReadOnlyList<string> ForcesInScope,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed class InspectionViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Inspection, InspectionView>()
        .Map(v => v.ForcesInScope, i => i.ForcesInScope.Select(f => f.ForceCode).OrderBy(c => c).ToList());
}
