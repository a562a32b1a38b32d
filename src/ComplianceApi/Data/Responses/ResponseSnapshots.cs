using System.Linq.Expressions;
using ComplianceApi.Domain;

namespace ComplianceApi.Data.Responses;

/// <summary>
/// A response as it stood on a date, as one row the database computes, so that lists can filter, sort,
/// count and page on the state of a past date. <see cref="ToState"/> turns it into the domain's
/// <see cref="ResponseState"/>, which derives the flags.
/// </summary>
public sealed class ResponseSnapshot
{
    public Guid Id { get; init; }
    public Guid FindingId { get; init; }
    public string FindingReference { get; init; } = "";
    public FindingKind FindingKind { get; init; }
    public BusinessArea BusinessArea { get; init; }
    public DateOnly? FindingDueDate { get; init; }
    public Guid InspectionId { get; init; }
    public string InspectionReference { get; init; } = "";
    public string ForceCode { get; init; } = "";
    public DateOnly TrackedSince { get; init; }
    public ResponseStatus Status { get; init; }
    public Rag? Rag { get; init; }
    public string? PositionStatement { get; init; }
    public DateOnly? StatusEffectiveOn { get; init; }
    public string? SignedOffBy { get; init; }

    /// <summary>Who requested closure, read beside the status: the request's entry records its requester.</summary>
    public string? SignOffRequestedBy { get; init; }
    public Guid? SupersededByFindingId { get; init; }
    public string? OwnerName { get; init; }
    public string? OwnerRole { get; init; }
    public string? GovernanceBoard { get; init; }
    public string? Constraints { get; init; }
    public DateOnly? NextReviewOn { get; init; }
    public DateOnly? TargetDate { get; init; }
    public DateOnly? RevisedTargetDate { get; init; }

    /// <summary>The due date the response is judged against: the re-baselined target, else the finding's due date.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary><see cref="DueDate"/> for sorting and cursors: never null, the latest date when there is none.</summary>
    public DateOnly DueKey { get; init; }

    public bool HasEvidence { get; init; }

    /// <summary>The inspectorate's latest assessment in effect on the date: its status, date and comment; null when none is recorded.</summary>
    public InspectorateStatus? InspectorateStatus { get; init; }
    public DateOnly? InspectorateAssessedOn { get; init; }
    public string? InspectorateComment { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }

    /// <summary>The response's tags as they are now (<see cref="Tags.Text"/>): tags have no history, so every date reads today's.</summary>
    public string TagText { get; init; } = "";

    /// <summary>The same tags folded for filters (<see cref="Tags.Keys"/>).</summary>
    public string TagKeys { get; init; } = "";

    public ResponseState ToState(DateOnly on) => new(
        on, Status, Rag, PositionStatement, StatusEffectiveOn, OwnerName, OwnerRole, TargetDate, RevisedTargetDate, FindingDueDate, HasEvidence);
}

/// <summary>
/// The query path of the as-of fold: the same folding as <see cref="ResponseHistory.StateOn"/>, written
/// so EF translates it to SQL (one correlated, indexed seek per history and column). The current state
/// reads the response's own columns, which every write keeps up to date, so it stays cheap.
/// </summary>
public static class ResponseSnapshots
{
    /// <summary>Every visible response as it stood on <paramref name="asOf"/>; today's state when null. Responses not yet tracked then are left out.</summary>
    public static IQueryable<ResponseSnapshot> ResponsesAsOf(this ComplianceDbContext db, DateOnly? asOf) =>
        asOf is { } on ? AsOf(db, on) : Current(db, db.Today);

    /// <summary>
    /// Evidence that counts on a date towards a rule-based green, as <see cref="Evidence.CountsOn"/> says: accepted
    /// and not expired on the date. Its own date is judged apart, since today's state counts evidence of any date.
    /// </summary>
    public static Expression<Func<Evidence, bool>> EvidenceCounts(DateOnly on) =>
        e => e.ReviewState == EvidenceReviewState.Accepted && (e.ExpiresOn == null || e.ExpiresOn > on);

    private static IQueryable<ResponseSnapshot> Current(ComplianceDbContext db, DateOnly today)
    {
        var counting = db.Evidence.Where(EvidenceCounts(today));
        var assessments = LatestAssessments(db, today);
        return db.ForceResponses.Select(r => new ResponseSnapshot
        {
            Id = r.Id,
            FindingId = r.FindingId,
            FindingReference = r.Finding.Reference,
            FindingKind = r.Finding.Kind,
            BusinessArea = r.Finding.BusinessArea,
            FindingDueDate = r.Finding.DueDate,
            InspectionId = r.Finding.InspectionId,
            InspectionReference = r.Finding.Inspection.Reference,
            ForceCode = r.ForceCode,
            TrackedSince = r.TrackedSince,
            Status = r.Status,
            Rag = r.Rag,
            PositionStatement = r.PositionStatement,
            StatusEffectiveOn = r.StatusEffectiveOn,
            SignedOffBy = r.ClosedBy,
            SignOffRequestedBy = r.SignOffRequestedByName,
            SupersededByFindingId = r.SupersededByFindingId,
            OwnerName = r.OwnerName,
            OwnerRole = r.OwnerRole,
            GovernanceBoard = r.GovernanceBoard,
            Constraints = r.Constraints,
            NextReviewOn = r.NextReviewOn,
            TargetDate = r.TargetDate,
            RevisedTargetDate = r.RevisedTargetDate,
            // The response's own copy (RevisedTargetDate ?? the finding's DueDate, kept by the domain): the
            // overdue and due-between filters then read the (ForceCode, DueOn, Status, Id) index, not every finding.
            DueDate = r.DueOn,
            DueKey = r.DueOn ?? DateOnly.MaxValue,
            HasEvidence = counting.Any(e => e.ResponseId == r.Id),
            InspectorateStatus = assessments.Where(a => a.ResponseId == r.Id).Select(a => (InspectorateStatus?)a.Status).FirstOrDefault(),
            InspectorateAssessedOn = assessments.Where(a => a.ResponseId == r.Id).Select(a => (DateOnly?)a.AssessedOn).FirstOrDefault(),
            InspectorateComment = assessments.Where(a => a.ResponseId == r.Id).Select(a => a.Comment).FirstOrDefault(),
            CreatedAt = r.CreatedAt,
            UpdatedAt = r.UpdatedAt,
            Version = r.Version,
            TagText = r.TagText,
            TagKeys = r.TagKeys,
        });
    }

    private static IQueryable<ResponseSnapshot> AsOf(ComplianceDbContext db, DateOnly on)
    {
        // Evidence without a date of its own counts from the day it was recorded.
        var nextDay = ServiceDay.StartOf(on.AddDays(1));
        var counting = db.Evidence.Where(EvidenceCounts(on));

        // Entries in effect on the date, latest first; mirrors ResponseHistory.StateOn.
        var updates = db.ProgressUpdates.Where(u => u.EffectiveOn <= on)
            .OrderByDescending(u => u.EffectiveOn).ThenByDescending(u => u.RecordedAt).AsQueryable();
        var revisions = db.ResponseRevisions.Where(v => v.EffectiveOn == null || v.EffectiveOn <= on)
            .OrderByDescending(v => v.EffectiveOn ?? DateOnly.MinValue).ThenByDescending(v => v.RecordedAt).AsQueryable();
        var changes = db.TargetDateChanges.Where(c => c.EffectiveOn <= on)
            .OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.RecordedAt).AsQueryable();
        var assessments = LatestAssessments(db, on);

        return db.ForceResponses.Where(r => r.TrackedSince <= on).Select(r => new ResponseSnapshot
        {
            Id = r.Id,
            FindingId = r.FindingId,
            FindingReference = r.Finding.Reference,
            FindingKind = r.Finding.Kind,
            BusinessArea = r.Finding.BusinessArea,
            FindingDueDate = r.Finding.DueDate,
            InspectionId = r.Finding.InspectionId,
            InspectionReference = r.Finding.Inspection.Reference,
            ForceCode = r.ForceCode,
            TrackedSince = r.TrackedSince,
            Status = updates.Where(u => u.ResponseId == r.Id).Select(u => (ResponseStatus?)u.Status).FirstOrDefault() ?? ResponseStatus.NotAssessed,
            Rag = updates.Where(u => u.ResponseId == r.Id).Select(u => u.Rag).FirstOrDefault(),
            PositionStatement = updates.Where(u => u.ResponseId == r.Id).Select(u => u.Narrative).FirstOrDefault(),
            StatusEffectiveOn = updates.Where(u => u.ResponseId == r.Id).Select(u => (DateOnly?)u.EffectiveOn).FirstOrDefault(),
            SignedOffBy = updates.Where(u => u.ResponseId == r.Id).Select(u => u.SignedOffBy).FirstOrDefault(),
            SignOffRequestedBy = updates.Where(u => u.ResponseId == r.Id).Select(u => u.RecordedBy).FirstOrDefault(),
            SupersededByFindingId = updates.Where(u => u.ResponseId == r.Id).Select(u => u.SupersededByFindingId).FirstOrDefault(),
            OwnerName = revisions.Where(v => v.ResponseId == r.Id).Select(v => v.OwnerName).FirstOrDefault(),
            OwnerRole = revisions.Where(v => v.ResponseId == r.Id).Select(v => v.OwnerRole).FirstOrDefault(),
            GovernanceBoard = revisions.Where(v => v.ResponseId == r.Id).Select(v => v.GovernanceBoard).FirstOrDefault(),
            Constraints = revisions.Where(v => v.ResponseId == r.Id).Select(v => v.Constraints).FirstOrDefault(),
            NextReviewOn = revisions.Where(v => v.ResponseId == r.Id).Select(v => v.NextReviewOn).FirstOrDefault(),
            TargetDate = changes.Where(c => c.ResponseId == r.Id).Select(c => (DateOnly?)c.NewTargetDate).FirstOrDefault()
                ?? revisions.Where(v => v.ResponseId == r.Id).Select(v => v.TargetDate).FirstOrDefault(),
            RevisedTargetDate = changes.Where(c => c.ResponseId == r.Id).Select(c => (DateOnly?)c.NewTargetDate).FirstOrDefault(),
            DueDate = changes.Where(c => c.ResponseId == r.Id).Select(c => (DateOnly?)c.NewTargetDate).FirstOrDefault() ?? r.Finding.DueDate,
            DueKey = changes.Where(c => c.ResponseId == r.Id).Select(c => (DateOnly?)c.NewTargetDate).FirstOrDefault()
                ?? r.Finding.DueDate ?? DateOnly.MaxValue,
            HasEvidence = counting.Any(e => e.ResponseId == r.Id && (e.Date <= on || (e.Date == null && e.RecordedAt < nextDay))),
            InspectorateStatus = assessments.Where(a => a.ResponseId == r.Id).Select(a => (InspectorateStatus?)a.Status).FirstOrDefault(),
            InspectorateAssessedOn = assessments.Where(a => a.ResponseId == r.Id).Select(a => (DateOnly?)a.AssessedOn).FirstOrDefault(),
            InspectorateComment = assessments.Where(a => a.ResponseId == r.Id).Select(a => a.Comment).FirstOrDefault(),
            CreatedAt = r.CreatedAt,
            UpdatedAt = r.UpdatedAt,
            Version = r.Version,
            TagText = r.TagText,
            TagKeys = r.TagKeys,
        });
    }

    // The inspectorate's entries in effect on a date, latest first: an entry dated later has not yet been published
    // then. Both paths read it alike, since no column on the response keeps a copy. Read with the response's id.
    private static IQueryable<InspectorateAssessment> LatestAssessments(ComplianceDbContext db, DateOnly on) =>
        db.InspectorateAssessments.Where(a => a.AssessedOn <= on).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt);

    /// <summary>
    /// The force says implemented or closed and the inspectorate's latest assessment does not close it, as
    /// <see cref="InspectorateRules.Disagrees"/> says: the rule's one statement for SQL.
    /// </summary>
    public static Expression<Func<ResponseSnapshot, bool>> DisagreesWithInspectorate() =>
        s => s.InspectorateStatus != null && ResponseRules.Implemented.Contains(s.Status)
            && !InspectorateRules.Closes.Contains(s.InspectorateStatus.Value);

    /// <summary>
    /// Overdue on a date, as <see cref="ResponseRules.IsOverdue"/> says: the rule's one statement for SQL,
    /// from which the filters, the derived RAG and the overdue-first order below are built.
    /// </summary>
    public static Expression<Func<ResponseSnapshot, bool>> IsOverdue(DateOnly on) =>
        s => s.DueDate < on && !ResponseRules.Finished.Contains(s.Status);

    /// <summary>Not overdue on the date.</summary>
    public static Expression<Func<ResponseSnapshot, bool>> IsNotOverdue(DateOnly on)
    {
        var overdue = IsOverdue(on);
        return Expression.Lambda<Func<ResponseSnapshot, bool>>(Expression.Not(overdue.Body), overdue.Parameters);
    }

    /// <summary>Open, and due on the date or within the days after it.</summary>
    public static Expression<Func<ResponseSnapshot, bool>> IsDueWithin(DateOnly on, int days)
    {
        var last = on.AddDays(days);
        return s => s.DueDate >= on && s.DueDate <= last && !ResponseRules.Finished.Contains(s.Status);
    }

    /// <summary>The rule-based RAG on a date is <paramref name="rag"/>, as <see cref="ResponseRules.DerivedRag"/> says.</summary>
    public static Expression<Func<ResponseSnapshot, bool>> HasDerivedRag(Rag rag, DateOnly on) => rag switch
    {
        Rag.Red => IsOverdue(on),
        Rag.Green => s => ResponseRules.Implemented.Contains(s.Status) && s.HasEvidence,
        _ => Both(IsNotOverdue(on), s => (ResponseRules.Implemented.Contains(s.Status) && !s.HasEvidence)
            || (!ResponseRules.Implemented.Contains(s.Status) && !ResponseRules.Unrated.Contains(s.Status)
                && (s.Status == ResponseStatus.InProgress || s.RevisedTargetDate != null))),
    };

    /// <summary>Overdue first, most overdue first; then the rest by due date. Use with <see cref="ResponseSnapshot.DueKey"/> and the id.</summary>
    public static Expression<Func<ResponseSnapshot, int>> OverdueFirst(DateOnly on)
    {
        var overdue = IsOverdue(on);
        return Expression.Lambda<Func<ResponseSnapshot, int>>(
            Expression.Condition(overdue.Body, Expression.Constant(0), Expression.Constant(1)), overdue.Parameters);
    }

    private static Expression<Func<ResponseSnapshot, bool>> Both(Expression<Func<ResponseSnapshot, bool>> first, Expression<Func<ResponseSnapshot, bool>> second)
    {
        var row = first.Parameters[0];
        var secondBody = new Substitution(second.Parameters[0], row).Visit(second.Body);
        return Expression.Lambda<Func<ResponseSnapshot, bool>>(Expression.AndAlso(first.Body, secondBody), row);
    }

    private sealed class Substitution(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
