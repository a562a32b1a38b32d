using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.Committees;

/// <summary>Committees in the order they were recorded; a force-scoped key sees only its force's.</summary>
/// <param name="ForceCode">Only this force's committees.</param>
/// <param name="Limit">Records per page, 1 to 200; 50 when omitted.</param>
/// <param name="Cursor">The nextCursor of the previous page; omit for the first page.</param>
public sealed record ListCommitteesQuery(string? ForceCode, int? Limit, string? Cursor) : IRequest<Page<CommitteeView>>, IPagedQuery;

public sealed class ListCommitteesValidator : AbstractValidator<ListCommitteesQuery>
{
    public ListCommitteesValidator()
    {
        this.ValidatesPaging();
        RuleFor(q => q.ForceCode).MaximumLength(Lengths.Code);
    }
}

public sealed class ListCommitteesHandler(ComplianceDbContext db, TypeAdapterConfig mapping) : IRequestHandler<ListCommitteesQuery, Page<CommitteeView>>
{
    public Task<Page<CommitteeView>> Handle(ListCommitteesQuery query, CancellationToken cancellationToken) =>
        db.Committees
            .Where(c => query.ForceCode == null || c.ForceCode == query.ForceCode)
            .ToPageByIdAsync(query, c => c.Id, mapping.ProjectionOf<Committee, CommitteeView>(), v => v.Id, cancellationToken);
}
