using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;

namespace ComplianceApi.Features.Inspections;

/// <summary>Inspections in the order they were recorded.</summary>
/// <param name="Inspectorate">Only reports by this inspectorate.</param>
/// <param name="Type">Only reports of this type.</param>
/// <param name="PublicationStatus">Only published, or only restricted, reports.</param>
/// <param name="ForceCode">Only reports whose scope includes this force.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListInspectionsQuery(
    Inspectorate? Inspectorate,
    InspectionType? Type,
    PublicationStatus? PublicationStatus,
    string? ForceCode,
    int? Limit,
    string? Cursor) : IRequest<Page<InspectionView>>, IPagedQuery;

public sealed class ListInspectionsValidator : AbstractValidator<ListInspectionsQuery>
{
    public ListInspectionsValidator()
    {
        this.ValidatesPaging();
        RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
    }
}

public sealed class ListInspectionsHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListInspectionsQuery, Page<InspectionView>>
{
    public Task<Page<InspectionView>> Handle(ListInspectionsQuery query, CancellationToken cancellationToken) =>
        db.Inspections
            .Where(i => query.Inspectorate == null || i.Inspectorate == query.Inspectorate)
            .Where(i => query.Type == null || i.Type == query.Type)
            .Where(i => query.PublicationStatus == null || i.PublicationStatus == query.PublicationStatus)
            .Where(i => query.ForceCode == null || i.AllForcesInScope || i.ForcesInScope.Any(f => f.ForceCode == query.ForceCode))
            .ToPageByIdAsync(query, i => i.Id, mapping.ProjectionOf<Inspection, InspectionView>(), v => v.Id, cancellationToken);
}
