using ComplianceApi.Data;
using ComplianceApi.Data.Responses;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Findings;

/// <summary>
/// Findings across inspections, filtered on themselves and on the responses forces made to them (as
/// those stood on <c>asOf</c>), sorted and paged. Filters on responses see only the responses the key
/// may see: a force-scoped key filters on its own force's.
/// </summary>
/// <param name="InspectionId">Only findings in this inspection report.</param>
/// <param name="Kind">Only findings of this kind.</param>
/// <param name="BusinessArea">Only findings touching this business area.</param>
/// <param name="AddresseeKind">Only findings with an addressee of this kind.</param>
/// <param name="ForceCode">Only findings that concern this force (addressed to it, or to chief constables in a report whose scope includes it); a collaboration's code means any of the collaboration and its members. Response filters then look at those forces' responses.</param>
/// <param name="Status">Only findings with a response whose status on asOf is this.</param>
/// <param name="Rag">Only findings with a response whose recorded RAG rating on asOf is this.</param>
/// <param name="DerivedRag">Only findings with a response whose rule-based RAG rating on asOf is this.</param>
/// <param name="Owner">Only findings with a response whose owner's name or role on asOf contains this text (any case).</param>
/// <param name="Overdue">true: only findings with a response overdue on asOf; false: only findings with a response that is not.</param>
/// <param name="DueWithinDays">Only findings with an open response due on asOf or within this many days after it (0 to 3650).</param>
/// <param name="DueFrom">Only findings due on or after this date.</param>
/// <param name="DueTo">Only findings due on or before this date.</param>
/// <param name="Q">Only findings whose text, or a response's position statement on asOf, contains this text (any case).</param>
/// <param name="AsOf">The date the response filters read responses as of; today when omitted.</param>
/// <param name="Sort">Recorded (the order findings were recorded in; the default), DueDate (earliest first, none last) or Inspection (by inspection reference, then finding reference).</param>
/// <param name="Tag">Only findings carrying this national tag (any case); repeat it for findings carrying every tag given.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page, asked for with the same sort; omit for the first page.</param>
public sealed record ListFindingsQuery(
    Guid? InspectionId,
    FindingKind? Kind,
    BusinessArea? BusinessArea,
    AddresseeKind? AddresseeKind,
    string? ForceCode,
    int? Limit,
    string? Cursor,
    // Parameters added after 1.0 come last: the generated clients pass parameters by position.
    ResponseStatus? Status,
    Rag? Rag,
    Rag? DerivedRag,
    string? Owner,
    bool? Overdue,
    int? DueWithinDays,
    DateOnly? DueFrom,
    DateOnly? DueTo,
    string? Q,
    DateOnly? AsOf,
    FindingSort? Sort,
    string[]? Tag) : IRequest<Page<FindingView>>, IPagedQuery, IResponseFilterQuery;

/// <summary>The orders a list of findings can be sorted in.</summary>
public enum FindingSort { Recorded, DueDate, Inspection }

public sealed class ListFindingsValidator : AbstractValidator<ListFindingsQuery>
{
    public ListFindingsValidator()
    {
        this.ValidatesKeysetPaging(q => FindingOrders.For(q.Sort));
        RuleFor(q => q.Sort).IsInEnum();
        this.ValidatesResponseFilters();
    }
}

public sealed class ListFindingsHandler(ComplianceDbContext db, TimeProvider clock, TypeAdapterConfig mapping) : IRequestHandler<ListFindingsQuery, Page<FindingView>>
{
    // Text filters run in the database as lower() and a substring search; see ResponseFilter.
#pragma warning disable CA1304, CA1311, CA1862
    public async Task<Page<FindingView>> Handle(ListFindingsQuery query, CancellationToken cancellationToken)
    {
        var on = query.AsOf ?? clock.Today();
        var codes = await db.ForceCodesMeantByAsync(query.ForceCode, "forceCode", cancellationToken);
        var findings = db.Findings.AsNoTracking()
            .Where(f => query.InspectionId == null || f.InspectionId == query.InspectionId)
            .Where(f => query.Kind == null || f.Kind == query.Kind)
            .Where(f => query.BusinessArea == null || f.BusinessArea == query.BusinessArea)
            .Where(f => query.AddresseeKind == null || f.Addressees.Any(a => a.Kind == query.AddresseeKind))
            .Where(f => query.DueFrom == null || f.DueDate >= query.DueFrom)
            .Where(f => query.DueTo == null || f.DueDate <= query.DueTo);
        findings = findings.CarryingEveryTag(f => f.TagKeys, ResponseFilterValidation.TagFilterKeys(query.Tag));

        if (codes is not null)
        {
            findings = findings.Where(f => f.Addressees.Any(a =>
                (a.Kind == Domain.AddresseeKind.Force && codes.Contains(a.ForceCode!))
                || (a.Kind == Domain.AddresseeKind.ChiefConstables
                    && (f.Inspection.AllForcesInScope || f.Inspection.ForcesInScope.Any(s => codes.Contains(s.ForceCode))))));
        }

        var responseFilter = new ResponseFilter(
            ForceCodes: codes, Status: query.Status, Rag: query.Rag, DerivedRag: query.DerivedRag, Owner: query.Owner,
            Overdue: query.Overdue, DueWithinDays: query.DueWithinDays);
        if (responseFilter with { ForceCodes = null } != new ResponseFilter())
        {
            var matching = responseFilter.Apply(db, db.ResponsesAsOf(query.AsOf), on);
            findings = findings.Where(f => matching.Any(s => s.FindingId == f.Id));
        }

        if (query.Q is { } text)
        {
            var lower = text.ToLowerInvariant();
            var stated = new ResponseFilter(ForceCodes: codes, Text: null).Apply(db, db.ResponsesAsOf(query.AsOf), on)
                .Where(s => s.PositionStatement != null && s.PositionStatement.ToLower().Contains(lower));
            findings = findings.Where(f => f.Text.ToLower().Contains(lower) || stated.Any(s => s.FindingId == f.Id));
        }

        return await FindingOrders.For(query.Sort).ToPageAsync(findings, query, f => f.Id, f => f.Adapt<FindingView>(mapping), cancellationToken);
    }
#pragma warning restore CA1304, CA1311, CA1862
}

public static class FindingOrders
{
    public static KeysetOrder<Finding> For(FindingSort? sort) => sort switch
    {
        FindingSort.DueDate => new KeysetOrder<Finding>(nameof(FindingSort.DueDate))
            .Ascending(f => f.DueDate ?? DateOnly.MaxValue).Ascending(f => f.Id),
        FindingSort.Inspection => new KeysetOrder<Finding>(nameof(FindingSort.Inspection))
            .Ascending(f => f.Inspection.Reference).Ascending(f => f.Reference).Ascending(f => f.Id),
        _ => new KeysetOrder<Finding>(nameof(FindingSort.Recorded)).Ascending(f => f.Id),
    };
}
