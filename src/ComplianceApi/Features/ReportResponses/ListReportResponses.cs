using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;

namespace ComplianceApi.Features.ReportResponses;

/// <summary>Local policing bodies' responses to reports, in the order they were recorded, each with its days left or overdue.</summary>
/// <param name="Overdue">True: only unpublished responses past their deadline; false: only those that are not.</param>
/// <param name="DueWithinDays">Only unpublished responses whose deadline is today or within this many days, 0 to 3660.</param>
/// <param name="ForceCode">Only responses for this force (a collaboration's code means its members' too).</param>
/// <param name="InspectionId">Only responses to this report.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListReportResponsesQuery(
    bool? Overdue,
    int? DueWithinDays,
    string? ForceCode,
    Guid? InspectionId,
    int? Limit,
    string? Cursor) : IRequest<Page<ReportResponseView>>, IPagedQuery;

public sealed class ListReportResponsesValidator : AbstractValidator<ListReportResponsesQuery>
{
    public ListReportResponsesValidator()
    {
        this.ValidatesPaging();
        RuleFor(q => q.DueWithinDays).InclusiveBetween(0, 3660);
        RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
    }
}

public sealed class ListReportResponsesHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping)
    : IRequestHandler<ListReportResponsesQuery, Page<ReportResponseView>>
{
    public async Task<Page<ReportResponseView>> Handle(ListReportResponsesQuery query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var forces = await db.ForceCodesMeantByAsync(query.ForceCode, "forceCode", cancellationToken);
        var horizon = today.AddDays(query.DueWithinDays ?? 0);
        var page = await db.ReportResponses
            .Where(r => forces == null || forces.Contains(r.ForceCode))
            .Where(r => query.InspectionId == null || r.InspectionId == query.InspectionId)
            .Where(r => query.Overdue == null || (r.PublishedOn == null && r.PublicationDueOn < today) == query.Overdue)
            .Where(r => query.DueWithinDays == null || (r.PublishedOn == null && r.PublicationDueOn >= today && r.PublicationDueOn <= horizon))
            .ToPageByIdAsync(query, r => r.Id, mapping.ProjectionOf<ReportResponse, ReportResponseView>(), v => v.Id, cancellationToken);
        return page with { Items = [.. page.Items.Select(v => v.On(today))] };
    }
}
