using ComplianceApi.Common;
using ComplianceApi.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Responses;

public sealed record GetForceResponseQuery(Guid Id) : IRequest<ForceResponseView>;

public sealed class GetForceResponseHandler(ComplianceDbContext db) : IRequestHandler<GetForceResponseQuery, ForceResponseView>
{
    public async Task<ForceResponseView> Handle(GetForceResponseQuery query, CancellationToken cancellationToken) =>
        await db.ForceResponses.AsNoTracking().Where(r => r.Id == query.Id).Select(ForceResponseView.Projection).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("response", query.Id);
}
