using ComplianceApi.Common;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using FluentValidation;
using MediatR;

namespace ComplianceApi.Features.Findings;

/// <summary>Findings across inspections, in the order they were recorded.</summary>
/// <param name="InspectionId">Only findings in this inspection report.</param>
/// <param name="Kind">Only findings of this kind.</param>
/// <param name="BusinessArea">Only findings touching this business area.</param>
/// <param name="AddresseeKind">Only findings with an addressee of this kind.</param>
/// <param name="ForceCode">Only findings that concern this force: addressed to it, or to chief constables in a report whose scope includes it.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListFindingsQuery(
    Guid? InspectionId,
    FindingKind? Kind,
    BusinessArea? BusinessArea,
    AddresseeKind? AddresseeKind,
    string? ForceCode,
    int? Limit,
    string? Cursor) : IRequest<Page<FindingView>>, IPagedQuery;

public sealed class ListFindingsValidator : AbstractValidator<ListFindingsQuery>
{
    public ListFindingsValidator()
    {
        this.ValidatesPaging();
        RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
    }
}

public sealed class ListFindingsHandler(ComplianceDbContext db) : IRequestHandler<ListFindingsQuery, Page<FindingView>>
{
    public Task<Page<FindingView>> Handle(ListFindingsQuery query, CancellationToken cancellationToken) =>
        db.Findings
            .Where(f => query.InspectionId == null || f.InspectionId == query.InspectionId)
            .Where(f => query.Kind == null || f.Kind == query.Kind)
            .Where(f => query.BusinessArea == null || f.BusinessArea == query.BusinessArea)
            .Where(f => query.AddresseeKind == null || f.Addressees.Any(a => a.Kind == query.AddresseeKind))
            .Where(f => query.ForceCode == null || f.Addressees.Any(a =>
                (a.Kind == AddresseeKind.Force && a.ForceCode == query.ForceCode)
                || (a.Kind == AddresseeKind.ChiefConstables
                    && (f.Inspection.AllForcesInScope || f.Inspection.ForcesInScope.Any(s => s.ForceCode == query.ForceCode)))))
            .ToPageByIdAsync(query, f => f.Id, FindingView.Projection, v => v.Id, cancellationToken);
}
