using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Responses;

/// <summary>Every force's response to one finding, as they stand or as they stood on <c>asOf</c>.</summary>
/// <param name="FindingId">The finding.</param>
/// <param name="AsOf">The date to read every response as of; today when omitted. Responses whose history begins later are left out.</param>
/// <param name="Sort">Recorded (the default), DueDate, DaysOverdue, Force or Inspection, as for GET /responses.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page, asked for with the same sort; omit for the first page.</param>
public sealed record ListFindingResponsesQuery(Guid FindingId, int? Limit, string? Cursor, DateOnly? AsOf, ResponseSort? Sort)
    : IRequest<Page<ForceResponseView>>, IPagedQuery;

public sealed class ListFindingResponsesValidator : AbstractValidator<ListFindingResponsesQuery>
{
    public ListFindingResponsesValidator()
    {
        this.ValidatesKeysetPaging(q => ResponseOrders.For(q.Sort, q.AsOf ?? DateOnly.MinValue));
        RuleFor(q => q.Sort).IsInEnum();
    }
}

public sealed class ListFindingResponsesHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<ListFindingResponsesQuery, Page<ForceResponseView>>
{
    public async Task<Page<ForceResponseView>> Handle(ListFindingResponsesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Findings.AnyAsync(f => f.Id == query.FindingId, cancellationToken))
        {
            throw NotFoundException.For("finding", query.FindingId);
        }

        var on = query.AsOf ?? clock.Today();
        var rows = db.ResponsesAsOf(query.AsOf).Where(s => s.FindingId == query.FindingId);
        return await ResponseOrders.For(query.Sort, on).ToPageAsync(rows, query, s => s.Id, s => ResponseOnDate.Of(s, on).Adapt<ForceResponseView>(mapping), cancellationToken);
    }
}
