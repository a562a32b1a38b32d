using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Committees;

/// <summary>The reports made to a committee, in the order they were recorded.</summary>
/// <param name="CommitteeId">The committee.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListCommitteeReportsQuery(Guid CommitteeId, int? Limit, string? Cursor) : IRequest<Page<CommitteeReportView>>, IPagedQuery;

public sealed class ListCommitteeReportsValidator : AbstractValidator<ListCommitteeReportsQuery>
{
    public ListCommitteeReportsValidator() => this.ValidatesPaging();
}

public sealed class ListCommitteeReportsHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListCommitteeReportsQuery, Page<CommitteeReportView>>
{
    public async Task<Page<CommitteeReportView>> Handle(ListCommitteeReportsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Committees.AnyAsync(c => c.Id == query.CommitteeId, cancellationToken))
        {
            throw NotFoundException.For("committee", query.CommitteeId);
        }

        return await db.CommitteeReports.Where(r => r.CommitteeId == query.CommitteeId)
            .ToPageByIdAsync(query, r => r.Id, mapping.ProjectionOf<CommitteeReport, CommitteeReportView>(), v => v.Id, cancellationToken);
    }
}
