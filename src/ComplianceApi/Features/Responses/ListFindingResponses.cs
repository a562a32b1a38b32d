using ComplianceApi.Common;
using ComplianceApi.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Responses;

/// <summary>Every force's response to one finding, in the order they were recorded.</summary>
/// <param name="FindingId">The finding.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListFindingResponsesQuery(Guid FindingId, int? Limit, string? Cursor)
    : IRequest<Page<ForceResponseView>>, IPagedQuery;

public sealed class ListFindingResponsesValidator : AbstractValidator<ListFindingResponsesQuery>
{
    public ListFindingResponsesValidator() => this.ValidatesPaging();
}

public sealed class ListFindingResponsesHandler(ComplianceDbContext db) : IRequestHandler<ListFindingResponsesQuery, Page<ForceResponseView>>
{
    public async Task<Page<ForceResponseView>> Handle(ListFindingResponsesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Findings.AnyAsync(f => f.Id == query.FindingId, cancellationToken))
        {
            throw NotFoundException.For("finding", query.FindingId);
        }

        return await db.ForceResponses
            .Where(r => r.FindingId == query.FindingId)
            .ToPageByIdAsync(query, r => r.Id, ForceResponseView.Projection, v => v.Id, cancellationToken);
    }
}
