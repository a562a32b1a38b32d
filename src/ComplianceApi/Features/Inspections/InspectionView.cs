using ComplianceApi.Domain;
using ComplianceApi.Support;
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
    [property: System.ComponentModel.DataAnnotations.MaxLength(CirculationRequest.MostForces)] IReadOnlyList<string> CirculatedTo,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
    : ITaggedView
{
    /// <summary>The record's strong entity tag, as in the ETag header: send it in If-Match to write on the condition that nothing changed since. Absent in lists.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(TaggedViews.EtagLength)]
    public string? Etag { get; set; }
}

public sealed class InspectionViewMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Inspection, InspectionView>()
        .Map(v => v.ForcesInScope, i => i.ForcesInScope.Select(f => f.ForceCode).OrderBy(c => c).ToList())
        .Map(v => v.CirculatedTo, i => i.CirculatedTo.Select(c => c.ForceCode).OrderBy(c => c).ToList());
}
