using ComplianceApi.Data;
using ComplianceApi.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Committees;

public sealed record GetCommitteeReportQuery(Guid Id) : IRequest<CommitteeReportView>;

public sealed class GetCommitteeReportHandler(ComplianceDbContext db) : IRequestHandler<GetCommitteeReportQuery, CommitteeReportView>
{
    public async Task<CommitteeReportView> Handle(GetCommitteeReportQuery query, CancellationToken cancellationToken) =>
        await db.CommitteeReports.AsNoTracking().Where(r => r.Id == query.Id).Select(CommitteeReportView.Projection).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("committee report", query.Id);
}
