using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Findings;

/// <summary>The findings of one inspection report, in the order they were recorded.</summary>
/// <param name="InspectionId">The inspection report's id.</param>
/// <param name="Kind">Only findings of this kind.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListInspectionFindingsQuery(
    Guid InspectionId,
    FindingKind? Kind,
    int? Limit,
    string? Cursor) : IRequest<Page<FindingView>>, IPagedQuery;

public sealed class ListInspectionFindingsValidator : AbstractValidator<ListInspectionFindingsQuery>
{
    public ListInspectionFindingsValidator() => this.ValidatesPaging();
}

public sealed class ListInspectionFindingsHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListInspectionFindingsQuery, Page<FindingView>>
{
    public async Task<Page<FindingView>> Handle(ListInspectionFindingsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Inspections.AnyAsync(i => i.Id == query.InspectionId, cancellationToken))
        {
            throw NotFoundException.For("inspection", query.InspectionId);
        }

        return await db.Findings
            .Where(f => f.InspectionId == query.InspectionId)
            .Where(f => query.Kind == null || f.Kind == query.Kind)
            .ToPageByIdAsync(query, f => f.Id, mapping.ProjectionOf<Finding, FindingView>(), v => v.Id, cancellationToken);
    }
}
