using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.InspectorateAssessments;

/// <summary>The inspectorate's assessment of a response, oldest entry first.</summary>
/// <param name="Id">The response's id.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListInspectorateAssessmentsQuery(Guid Id, int? Limit, string? Cursor) : IRequest<Page<InspectorateAssessmentView>>, IPagedQuery;

public sealed class ListInspectorateAssessmentsValidator : AbstractValidator<ListInspectorateAssessmentsQuery>
{
    public ListInspectorateAssessmentsValidator() => this.ValidatesPaging();
}

public sealed class ListInspectorateAssessmentsHandler(ComplianceDbContext db, TypeAdapterConfig mapping)
    : IRequestHandler<ListInspectorateAssessmentsQuery, Page<InspectorateAssessmentView>>
{
    public async Task<Page<InspectorateAssessmentView>> Handle(ListInspectorateAssessmentsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.ForceResponses.AnyAsync(r => r.Id == query.Id, cancellationToken))
        {
            throw NotFoundException.For("response", query.Id);
        }

        // Entries are appended in date order, so the order they were recorded in (their ids) is the order they took effect in.
        return await db.InspectorateAssessments
            .Where(a => a.ResponseId == query.Id)
            .ToPageByIdAsync(query, a => a.Id, mapping.ProjectionOf<InspectorateAssessment, InspectorateAssessmentView>(), v => v.Id, cancellationToken);
    }
}
