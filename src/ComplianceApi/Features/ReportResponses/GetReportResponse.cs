using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.ReportResponses;

public sealed record GetReportResponseQuery(Guid Id) : IRequest<ReportResponseView>;

public sealed class GetReportResponseHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<GetReportResponseQuery, ReportResponseView>
{
    public async Task<ReportResponseView> Handle(GetReportResponseQuery query, CancellationToken cancellationToken) =>
        (await db.ReportResponses.AsNoTracking().Where(r => r.Id == query.Id)
            .Select(mapping.ProjectionOf<ReportResponse, ReportResponseView>()).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("report response", query.Id)).On(clock.Today());
}
