using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;

namespace ComplianceApi.Features.Responses;

/// <summary>
/// Force responses as they stand, or as they stood on <c>asOf</c>: filtered, sorted and paged. A
/// force-scoped key sees only its own force's.
/// </summary>
/// <param name="InspectionId">Only responses to findings of this inspection.</param>
/// <param name="FindingId">Only responses to this finding.</param>
/// <param name="FindingKind">Only responses to findings of this kind.</param>
/// <param name="AddresseeKind">Only responses to findings with an addressee of this kind.</param>
/// <param name="BusinessArea">Only responses to findings touching this business area.</param>
/// <param name="ForceCode">Only this force's responses; a collaboration's code means the collaboration's and its member forces'.</param>
/// <param name="Status">Only responses with this status on asOf.</param>
/// <param name="Rag">Only responses whose recorded RAG rating on asOf is this.</param>
/// <param name="DerivedRag">Only responses whose rule-based RAG rating on asOf is this.</param>
/// <param name="Owner">Only responses whose owner's name or role on asOf contains this text (any case).</param>
/// <param name="Overdue">true: only responses overdue on asOf; false: only those not overdue.</param>
/// <param name="DueWithinDays">Only open responses due on asOf or within this many days after it (0 to 3650).</param>
/// <param name="DueFrom">Only responses due on or after this date.</param>
/// <param name="DueTo">Only responses due on or before this date.</param>
/// <param name="Q">Only responses whose finding's text or whose position statement on asOf contains this text (any case).</param>
/// <param name="AsOf">The date to read every response as of; today when omitted. Responses whose history begins later are left out.</param>
/// <param name="Sort">Recorded (the order responses were recorded in; the default), DueDate (earliest first, none last), DaysOverdue (most overdue first, then the rest by due date), Force (by force code, then due date) or Inspection (by inspection reference, then finding reference).</param>
/// <param name="InspectorateStatus">Only responses whose inspectorate's latest assessment on asOf has this status.</param>
/// <param name="DisagreesWithInspectorate">true: only responses the force calls implemented or closed on asOf while the inspectorate's latest assessment is neither Complete nor NoFurtherAction; false: only the others.</param>
/// <param name="Tag">Only responses carrying this tag of the force's (any case); repeat it for responses carrying every tag given.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page, asked for with the same sort; omit for the first page.</param>
public sealed record ListForceResponsesQuery(
    Guid? InspectionId,
    Guid? FindingId,
    string? ForceCode,
    ResponseStatus? Status,
    Rag? Rag,
    int? Limit,
    string? Cursor,
    // Parameters added after 1.0 come last: the generated clients pass parameters by position.
    FindingKind? FindingKind,
    AddresseeKind? AddresseeKind,
    BusinessArea? BusinessArea,
    Rag? DerivedRag,
    string? Owner,
    bool? Overdue,
    int? DueWithinDays,
    DateOnly? DueFrom,
    DateOnly? DueTo,
    string? Q,
    DateOnly? AsOf,
    ResponseSort? Sort,
    InspectorateStatus? InspectorateStatus,
    bool? DisagreesWithInspectorate,
    string[]? Tag) : IRequest<Page<ForceResponseView>>, IPagedQuery, IResponseFilterQuery;

/// <summary>The orders a list of responses can be sorted in.</summary>
public enum ResponseSort { Recorded, DueDate, DaysOverdue, Force, Inspection }

public sealed class ListForceResponsesValidator : AbstractValidator<ListForceResponsesQuery>
{
    public ListForceResponsesValidator()
    {
        this.ValidatesKeysetPaging(q => ResponseOrders.For(q.Sort, q.AsOf ?? DateOnly.MinValue));
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.InspectorateStatus).IsInEnum();
        this.ValidatesResponseFilters();
    }
}

public sealed class ListForceResponsesHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<ListForceResponsesQuery, Page<ForceResponseView>>
{
    public async Task<Page<ForceResponseView>> Handle(ListForceResponsesQuery query, CancellationToken cancellationToken)
    {
        var on = query.AsOf ?? clock.Today();
        var filter = new ResponseFilter(
            query.InspectionId, query.FindingId, query.FindingKind, query.AddresseeKind, query.BusinessArea,
            await db.ForceCodesMeantByAsync(query.ForceCode, "forceCode", cancellationToken),
            query.Status, query.Rag, query.DerivedRag, query.Owner, query.Overdue, query.DueWithinDays, query.DueFrom, query.DueTo, query.Q,
            query.InspectorateStatus, query.DisagreesWithInspectorate, query.Tag);
        var rows = filter.Apply(db, db.ResponsesAsOf(query.AsOf), on);
        return await ResponseOrders.For(query.Sort, on).ToPageAsync(rows, query, s => s.Id, s => ResponseOnDate.Of(s, on).Adapt<ForceResponseView>(mapping), cancellationToken);
    }
}
