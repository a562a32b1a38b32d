using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Support;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Responses;

/// <summary>One response, as it stands or as it stood on a date.</summary>
/// <param name="Id">The response's id.</param>
/// <param name="AsOf">The date to read the response as of; today when omitted. Before the response's history begins it is not found.</param>
public sealed record GetForceResponseQuery(Guid Id, DateOnly? AsOf) : IRequest<ForceResponseView>;

public sealed class GetForceResponseHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<GetForceResponseQuery, ForceResponseView>
{
    public Task<ForceResponseView> Handle(GetForceResponseQuery query, CancellationToken cancellationToken) =>
        db.ResponseViewAsync(query.Id, query.AsOf, clock, mapping, cancellationToken);
}
