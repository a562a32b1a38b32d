using System.Linq.Expressions;
using ComplianceApi.Domain;

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
    DateTimeOffset UpdatedAt)
{
    public static readonly Expression<Func<Inspection, InspectionView>> Projection = i => new InspectionView(
        i.Id, i.Reference, i.Inspectorate, i.Title, i.Type, i.PublishedOn, i.FieldworkStartedOn, i.FieldworkEndedOn,
        i.PublicationStatus, i.Link, i.AllForcesInScope,
        i.ForcesInScope.Select(f => f.ForceCode).OrderBy(c => c).ToList(),
        i.CreatedAt, i.UpdatedAt);

    private static readonly Func<Inspection, InspectionView> Compiled = Projection.Compile();

    public static InspectionView From(Inspection inspection) => Compiled(inspection);
}
