using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Committees;

public sealed record GetCommitteeReportQuery(Guid Id) : IRequest<CommitteeReportView>;

public sealed class GetCommitteeReportHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<GetCommitteeReportQuery, CommitteeReportView>
{
    public async Task<CommitteeReportView> Handle(GetCommitteeReportQuery query, CancellationToken cancellationToken) =>
        await db.CommitteeReports.AsNoTracking().Where(r => r.Id == query.Id).Select(mapping.ProjectionOf<CommitteeReport, CommitteeReportView>()).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("committee report", query.Id);
}
