using ComplianceApi.Common;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using FluentValidation;
using MediatR;

namespace ComplianceApi.Features.Responses;

/// <summary>Force responses in the order they were recorded; a force-scoped key sees only its own force's.</summary>
/// <param name="InspectionId">Only responses to findings of this inspection.</param>
/// <param name="FindingId">Only responses to this finding.</param>
/// <param name="ForceCode">Only this force's responses.</param>
/// <param name="Status">Only responses whose latest status is this.</param>
/// <param name="Rag">Only responses whose latest RAG rating is this.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListForceResponsesQuery(
    Guid? InspectionId,
    Guid? FindingId,
    string? ForceCode,
    ResponseStatus? Status,
    Rag? Rag,
    int? Limit,
    string? Cursor) : IRequest<Page<ForceResponseView>>, IPagedQuery;

public sealed class ListForceResponsesValidator : AbstractValidator<ListForceResponsesQuery>
{
    public ListForceResponsesValidator()
    {
        this.ValidatesPaging();
        RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
    }
}

public sealed class ListForceResponsesHandler(ComplianceDbContext db) : IRequestHandler<ListForceResponsesQuery, Page<ForceResponseView>>
{
    public Task<Page<ForceResponseView>> Handle(ListForceResponsesQuery query, CancellationToken cancellationToken) =>
        db.ForceResponses
            .Where(r => query.InspectionId == null || r.Finding.InspectionId == query.InspectionId)
            .Where(r => query.FindingId == null || r.FindingId == query.FindingId)
            .Where(r => query.ForceCode == null || r.ForceCode == query.ForceCode)
            .Where(r => query.Status == null || r.Status == query.Status)
            .Where(r => query.Rag == null || r.Rag == query.Rag)
            .ToPageByIdAsync(query, r => r.Id, ForceResponseView.Projection, v => v.Id, cancellationToken);
}
