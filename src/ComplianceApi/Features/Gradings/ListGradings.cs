using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;

namespace ComplianceApi.Features.Gradings;

/// <summary>Gradings in the order they were recorded.</summary>
/// <param name="InspectionId">Only gradings given by this inspection.</param>
/// <param name="ForceCode">Only gradings of this force.</param>
/// <param name="Grade">Only gradings with this grade.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListGradingsQuery(
    Guid? InspectionId,
    string? ForceCode,
    Grade? Grade,
    int? Limit,
    string? Cursor) : IRequest<Page<GradingView>>, IPagedQuery;

public sealed class ListGradingsValidator : AbstractValidator<ListGradingsQuery>
{
    public ListGradingsValidator()
    {
        this.ValidatesPaging();
        RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
    }
}

public sealed class ListGradingsHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListGradingsQuery, Page<GradingView>>
{
    public Task<Page<GradingView>> Handle(ListGradingsQuery query, CancellationToken cancellationToken) =>
        db.Gradings
            .Where(g => query.InspectionId == null || g.InspectionId == query.InspectionId)
            .Where(g => query.ForceCode == null || g.ForceCode == query.ForceCode)
            .Where(g => query.Grade == null || g.Grade == query.Grade)
            .ToPageByIdAsync(query, g => g.Id, mapping.ProjectionOf<Grading, GradingView>(), v => v.Id, cancellationToken);
}
