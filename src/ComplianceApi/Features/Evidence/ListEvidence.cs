using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;

namespace ComplianceApi.Features.Evidence;

/// <summary>Evidence in the order it was recorded; a force-scoped key sees only its own force's.</summary>
/// <param name="ResponseId">Only evidence backing this response.</param>
/// <param name="ActionId">Only evidence backing this action.</param>
/// <param name="ForceCode">Only this force's evidence.</param>
/// <param name="Kind">Only evidence of this kind.</param>
/// <param name="ReviewState">Only evidence in this review state, such as submitted evidence waiting for a reviewer.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListEvidenceQuery(
    Guid? ResponseId,
    Guid? ActionId,
    string? ForceCode,
    EvidenceKind? Kind,
    int? Limit,
    string? Cursor,
    EvidenceReviewState? ReviewState = null) : IRequest<Page<EvidenceView>>, IPagedQuery;

public sealed class ListEvidenceValidator : AbstractValidator<ListEvidenceQuery>
{
    public ListEvidenceValidator()
    {
        this.ValidatesPaging();
        RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
    }
}

public sealed class ListEvidenceHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListEvidenceQuery, Page<EvidenceView>>
{
    public Task<Page<EvidenceView>> Handle(ListEvidenceQuery query, CancellationToken cancellationToken) =>
        db.Evidence
            .Where(e => query.ResponseId == null || e.ResponseId == query.ResponseId)
            .Where(e => query.ActionId == null || e.ActionId == query.ActionId)
            .Where(e => query.ForceCode == null || e.ForceCode == query.ForceCode)
            .Where(e => query.Kind == null || e.Kind == query.Kind)
            .Where(e => query.ReviewState == null || e.ReviewState == query.ReviewState)
            .ToPageByIdAsync(query, e => e.Id, mapping.ProjectionOf<Domain.Evidence, EvidenceView>(), v => v.Id, cancellationToken);
}
