using System.ComponentModel.DataAnnotations;
using ComplianceApi.Data;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ComplianceApi.Features.PublicProgress;

/// <summary>A force's public page of progress on the inspectorate's findings.</summary>
/// <param name="Code">The force's code, such as "lancashire".</param>
public sealed record GetPublicProgressQuery([property: MaxLength(Lengths.Code)] string Code) : IRequest<PublicProgressView>;

/// <summary>
/// What a force publishes about its progress: for each published report (never a restricted one), each
/// finding that concerns it with its status, RAG and the public statement the force chose to publish.
/// Owners, the internal position, evidence and plans are never part of it.
/// </summary>
/// <param name="ForceCode">The force.</param>
/// <param name="ForceName">Its name.</param>
/// <param name="AsOf">The day the overdue days are counted on.</param>
/// <param name="Reports">Published reports with findings concerning the force, oldest first.</param>
public sealed record PublicProgressView(
    [property: MaxLength(Lengths.Code)] string ForceCode,
    [property: MaxLength(Lengths.Name)] string ForceName,
    DateOnly AsOf,
    [property: MaxLength(PublicProgressView.MostReports)] IReadOnlyList<PublicReportView> Reports)
{
    /// <summary>More reports than the national data set holds; a page never lists more.</summary>
    public const int MostReports = 10_000;
}

/// <summary>A published inspection report on a force's public page.</summary>
/// <param name="Reference">The report's reference.</param>
/// <param name="Title">Its title.</param>
/// <param name="PublishedOn">When it was published.</param>
/// <param name="Findings">Its findings that concern the force, in report order.</param>
public sealed record PublicReportView(
    [property: MaxLength(Lengths.Reference)] string Reference,
    [property: MaxLength(Lengths.Title)] string Title,
    DateOnly? PublishedOn,
    [property: MaxLength(PublicReportView.MostFindings)] IReadOnlyList<PublicFindingView> Findings)
{
    /// <summary>More findings than any one report carries.</summary>
    public const int MostFindings = 10_000;
}

/// <summary>One finding on a force's public page.</summary>
/// <param name="Reference">The finding's reference, such as "Recommendation 8".</param>
/// <param name="Kind">Recommendation, area for improvement, cause of concern or point of note.</param>
/// <param name="Text">The finding's text as the report wrote it.</param>
/// <param name="DeadlineText">The deadline as the report wrote it.</param>
/// <param name="Status">The force's status.</param>
/// <param name="Rag">The RAG rating the force recorded.</param>
/// <param name="DerivedRag">The RAG rating the rules give.</param>
/// <param name="DueDate">The finding's due date.</param>
/// <param name="RevisedDueDate">The force's revised target date, when it moved it.</param>
/// <param name="DaysOverdue">Days past the due date while open and overdue; 0 otherwise.</param>
/// <param name="PublicStatement">What the force publishes about its progress on this finding; absent until it sets it.</param>
public sealed record PublicFindingView(
    [property: MaxLength(Lengths.Reference)] string Reference,
    FindingKind Kind,
    [property: MaxLength(Lengths.LongText)] string Text,
    [property: MaxLength(Lengths.Title)] string? DeadlineText,
    ResponseStatus Status,
    Rag? Rag,
    Rag? DerivedRag,
    DateOnly? DueDate,
    DateOnly? RevisedDueDate,
    int DaysOverdue,
    [property: MaxLength(Lengths.LongText)] string? PublicStatement);

public sealed class GetPublicProgressHandler(ComplianceDbContext db, TimeProvider clock) : IRequestHandler<GetPublicProgressQuery, PublicProgressView>
{
    private static readonly StringComparer InReportOrder = StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, System.Globalization.CompareOptions.NumericOrdering);

    public async Task<PublicProgressView> Handle(GetPublicProgressQuery query, CancellationToken cancellationToken)
    {
        // The same answer for everyone: a force-scoped key's filter must not empty another force's page.
        var force = await db.Forces.AsNoTracking().Where(f => f.Code == query.Code && f.PublishesProgress)
                .Select(f => new { f.Code, f.Name }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Force '{query.Code}' does not publish its progress here.");
        var today = clock.Today();
        var rows = await db.ForceResponses.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.ForceCode == force.Code && r.Finding.Inspection.PublicationStatus == PublicationStatus.Published)
            .Select(r => new
            {
                r.Finding.Inspection.Reference,
                r.Finding.Inspection.Title,
                r.Finding.Inspection.PublishedOn,
                Finding = r.Finding.Reference,
                r.Finding.Kind,
                r.Finding.Text,
                r.Finding.DeadlineText,
                r.Status,
                r.Rag,
                r.Finding.DueDate,
                r.RevisedTargetDate,
                r.DueOn,
                r.PublicStatement,
                Rebaselined = r.RevisedTargetDate != null,
                HasEvidence = db.Evidence.IgnoreQueryFilters().Any(e => e.ResponseId == r.Id),
            })
            .ToListAsync(cancellationToken);

        var reports = rows.GroupBy(r => (r.Reference, r.Title, r.PublishedOn))
            .OrderBy(g => g.Key.PublishedOn ?? DateOnly.MaxValue).ThenBy(g => g.Key.Reference, StringComparer.Ordinal)
            .Select(g => new PublicReportView(g.Key.Reference, g.Key.Title, g.Key.PublishedOn, [.. g.OrderBy(r => r.Finding, InReportOrder).Select(r =>
            {
                var overdue = ResponseRules.IsOverdue(r.Status, r.DueOn, today);
                return new PublicFindingView(r.Finding, r.Kind, r.Text, r.DeadlineText, r.Status, r.Rag,
                    ResponseRules.DerivedRag(r.Status, overdue, r.Rebaselined, r.HasEvidence), r.DueDate, r.RevisedTargetDate,
                    overdue && r.DueOn is { } due ? today.DayNumber - due.DayNumber : 0, r.PublicStatement);
            })]))
            .ToList();
        return new PublicProgressView(force.Code, force.Name, today, reports);
    }
}
