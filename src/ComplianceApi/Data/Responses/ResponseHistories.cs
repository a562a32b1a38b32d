using System.Data.Common;
using System.Linq.Expressions;
using ComplianceApi.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ComplianceApi.Data.Responses;

/// <summary>A response folded to its state on a date, with what its caller asked to know about it.</summary>
public sealed record ResponseOnDate<T>(Guid Id, T Details, ResponseState State);

/// <summary>What the fold needs of a response besides its history, and the caller's details, in one row.</summary>
public sealed record ResponseToFold<T>(
    Guid Id, string ForceCode, DateOnly TrackedSince, DateOnly? FindingDueDate, DateOnly? LatestOn, ResponseStatus Status, Rag? Rag, string? Narrative, T Details);

public static class ResponseHistories
{
    /// <summary>
    /// Every response of the query folded to its state on a date, in memory, by <see cref="ResponseFold"/>;
    /// responses not yet tracked on the date are left out, as <see cref="ResponseSnapshots"/> leaves them out.
    /// Meant for many responses of a few forces (a force's summary or position statement): the responses
    /// come through EF, so query filters and the caller's scope apply, then each history table is read once
    /// for those forces with a plain data reader. Reading whole entities, or even EF projections, cost
    /// most of the time: ~19,000 progress updates a force, each with its narrative, of which the fold
    /// keeps one a response. Updates come latest first, so only the one that stands is read whole.
    /// </summary>
    /// <param name="db">The database.</param>
    /// <param name="responses">The responses to fold: every history of their forces is read, so keep it to a few forces.</param>
    /// <param name="details">What to read about each response alongside (its finding, its inspection), translated by EF.</param>
    /// <param name="on">The date.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <param name="counting">True when the caller only counts (a summary): the state then has no narrative and no owner,
    /// and its target date is the re-baselined one only. The update in effect is read from its index alone, without the row that holds the narrative,
    /// and the details revisions, whose scattered rows hold only the owner and the target, are not read.</param>
    public static async Task<List<ResponseOnDate<T>>> StatesOnAsync<T>(
        this ComplianceDbContext db,
        IQueryable<ForceResponse> responses,
        Expression<Func<ForceResponse, T>> details,
        DateOnly on,
        CancellationToken cancellationToken,
        bool counting = false)
    {
        var heads = await responses.AsNoTracking().Where(r => r.TrackedSince <= on).Select(ToFold(details, counting)).ToListAsync(cancellationToken);
        if (heads.Count == 0)
        {
            return [];
        }

        // A response whose latest update took effect by the date takes it from its own row; only the others
        // seek theirs, so the cost follows what changed since the date, not the length of the histories.
        var folds = heads.ToDictionary(h => h.Id, h => new ResponseFold(on, h.TrackedSince, h.FindingDueDate));
        foreach (var head in heads)
        {
            folds[head.Id].TakeLatest(head.LatestOn, head.Status, head.Rag, head.Narrative);
        }

        await ReadHistoriesAsync(db, [.. heads.Select(h => h.ForceCode).Distinct()], on, counting, folds, cancellationToken);
        return [.. heads.Select(h => new ResponseOnDate<T>(h.Id, h.Details, folds[h.Id].State!))];
    }

    /// <summary>
    /// Every response of the query in today's state, read from its own columns, which every write keeps equal to
    /// the fold on today (no entry may be dated later; evidence is judged on its date as the fold judges it). Reads only what counting needs (status, RAG, due dates,
    /// evidence), all of it held by indexes (migrations ComputedViewIndexes, ForceHistoryIndexes): the state has no narrative, owner
    /// or target date, so it is for counting, not for showing.
    /// </summary>
    /// <param name="db">The database.</param>
    /// <param name="responses">The responses.</param>
    /// <param name="forceCodes">The forces the responses are of: their evidence is read as one range a force.</param>
    /// <param name="details">What to read about each response alongside, translated by EF.</param>
    /// <param name="today">Today's date, on which evidence is judged.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<List<ResponseOnDate<T>>> StatesTodayAsync<T>(
        this ComplianceDbContext db,
        IQueryable<ForceResponse> responses,
        IReadOnlyCollection<string> forceCodes,
        Expression<Func<ForceResponse, T>> details,
        DateOnly today,
        CancellationToken cancellationToken)
    {
        // As the fold judges it: dated today or before (evidence may carry a later date), else recorded by today.
        // Read for the forces at once, not sought once a response: a force has far fewer accepted items than responses.
        var nextDay = ServiceDay.StartOf(today.AddDays(1));
        var withEvidence = (await db.Evidence.AsNoTracking().Where(ResponseSnapshots.EvidenceCounts(today))
                .Where(e => forceCodes.Contains(e.ForceCode) && e.ResponseId != null && (e.Date <= today || (e.Date == null && e.RecordedAt < nextDay)))
                .Select(e => e.ResponseId!.Value)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        Expression<Func<ForceResponse, T, StateToday<T>>> row = (r, d) => new StateToday<T>(r.Id, r.Status, r.Rag, r.RevisedTargetDate, r.Finding.DueDate, d);
        var response = row.Parameters[0];
        var projection = Expression.Lambda<Func<ForceResponse, StateToday<T>>>(
            new Substitution(row.Parameters[1], new Substitution(details.Parameters[0], response).Replace(details.Body)).Replace(row.Body), response);
        var rows = await responses.AsNoTracking().Select(projection).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ResponseOnDate<T>(r.Id, r.Details, new ResponseState(
            today, r.Status, r.Rag, null, null, null, null, null, r.RevisedTargetDate, r.FindingDueDate, withEvidence.Contains(r.Id))))];
    }

    /// <summary>
    /// <c>r => new ResponseToFold&lt;T&gt;(r.Id, r.ForceCode, r.TrackedSince, r.Finding.DueDate, r.StatusEffectiveOn, r.Status, r.Rag,
    /// r.PositionStatement, details(r))</c>, one projection EF translates; without the narrative when counting.
    /// </summary>
    private static Expression<Func<ForceResponse, ResponseToFold<T>>> ToFold<T>(Expression<Func<ForceResponse, T>> details, bool counting)
    {
        var response = details.Parameters[0];
        var finding = Expression.Property(response, nameof(ForceResponse.Finding));
        return Expression.Lambda<Func<ForceResponse, ResponseToFold<T>>>(
            Expression.New(
                typeof(ResponseToFold<T>).GetConstructors().Single(),
                Expression.Property(response, nameof(ForceResponse.Id)),
                Expression.Property(response, nameof(ForceResponse.ForceCode)),
                Expression.Property(response, nameof(ForceResponse.TrackedSince)),
                Expression.Property(finding, nameof(Finding.DueDate)),
                Expression.Property(response, nameof(ForceResponse.StatusEffectiveOn)),
                Expression.Property(response, nameof(ForceResponse.Status)),
                Expression.Property(response, nameof(ForceResponse.Rag)),
                counting ? Expression.Constant(null, typeof(string)) : Expression.Property(response, nameof(ForceResponse.PositionStatement)),
                details.Body),
            response);
    }

    /// <summary>
    /// Offers each fold its response's history rows, one command of four queries (one round trip on
    /// PostgreSQL). The rows are every response's of the forces; rows of responses not being folded (not
    /// tracked yet on the date, or hidden from the caller) are passed over.
    /// </summary>
    /// <remarks>
    /// Columns are read as EF stores them (Data/ComplianceDbContext.cs): enums as their names,
    /// DateTimeOffset as a UTC date and time, DateOnly as a date. Both providers read the same SQL.
    /// </remarks>
    private static async Task ReadHistoriesAsync(
        ComplianceDbContext db, List<string> forceCodes, DateOnly on, bool counting, Dictionary<Guid, ResponseFold> folds, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var codes = string.Join(", ", forceCodes.Select((code, i) => AddParameter(command, $"@force{i}", code)));
            AddParameter(command, "@on", on);
            // Every history row carries its response's force: the details, re-baselinings and evidence of the forces
            // are each one range of a (ForceCode, ResponseId, ...) index holding what the fold reads (migration
            // ForceHistoryIndexes). Seeking them by response id instead read a scattered page a response.
            var ofTheForces = $"""h."ForceCode" IN ({codes})""";
            // Of the updates only the one in effect on the date counts, and only responses whose latest update
            // took effect after the date need to look for it (the others took it from their own row; a row that
            // does not say, as rows written before the column was kept may not, seeks too): one seek
            // each, latest first through the same index, so the cost follows the responses shown, not the length
            // of their histories (reading every update, ten a response on the national data set, cost most of a
            // summary's time, and grew with each update recorded). The index holds the status and RAG, so
            // without the narrative no row is read; with it, one row a response. The rows are scattered over
            // the table, and reading each page of them, not the seeks, was most of the cost.
            var seeking = $"""r."ForceCode" IN ({codes}) AND (r."StatusEffectiveOn" IS NULL OR r."StatusEffectiveOn" > @on)""";
            var narrative = counting ? "" : """, h."Narrative" """;
            const string Latest = """
                FROM "ProgressUpdates" AS l WHERE l."ResponseId" = r."Id" AND l."EffectiveOn" <= @on
                  ORDER BY l."EffectiveOn" DESC, l."RecordedAt" DESC LIMIT 1
                """;
            // SQLite has no LATERAL: a row value seeks the index entry the subquery found.
            var updateInEffect = db.Database.IsNpgsql()
                ? $"""
                    SELECT h.* FROM "ForceResponses" AS r CROSS JOIN LATERAL (
                      SELECT l."ResponseId", l."EffectiveOn", l."RecordedAt", l."Status", l."Rag"{narrative.Replace("h.", "l.", StringComparison.Ordinal)} {Latest}) AS h
                      WHERE {seeking}
                    """
                : $"""
                    SELECT h."ResponseId", h."EffectiveOn", h."RecordedAt", h."Status", h."Rag"{narrative}
                      FROM "ForceResponses" AS r
                      JOIN "ProgressUpdates" AS h ON (h."ResponseId", h."EffectiveOn", h."RecordedAt") = (SELECT l."ResponseId", l."EffectiveOn", l."RecordedAt" {Latest})
                      WHERE {seeking}
                    """;
            command.CommandText = $"""
                {updateInEffect};
                {(counting ? "" : $"""
                    SELECT h."ResponseId", h."EffectiveOn", h."RecordedAt", h."OwnerName", h."OwnerRole", h."TargetDate" FROM "ResponseRevisions" AS h
                      WHERE {ofTheForces} AND (h."EffectiveOn" IS NULL OR h."EffectiveOn" <= @on);
                    """)}
                SELECT h."ResponseId", h."EffectiveOn", h."RecordedAt", h."NewTargetDate" FROM "TargetDateChanges" AS h
                  WHERE {ofTheForces} AND h."EffectiveOn" <= @on;
                SELECT h."ResponseId", h."Date", h."RecordedAt", h."ReviewState", h."ExpiresOn" FROM "Evidence" AS h WHERE {ofTheForces} AND h."ResponseId" IS NOT NULL;
                """;

            // One update a response, the one that stands (the fold still judges it).
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var decided = Guid.Empty;
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                if (id != decided && folds.TryGetValue(id, out var fold) && DateOn(reader, 1) is var effectiveOn
                    && RecordedAt(reader, 2) is var recordedAt && fold.TakesUpdate(effectiveOn, recordedAt))
                {
                    fold.Take(new UpdateInEffect(effectiveOn, recordedAt, Enum.Parse<ResponseStatus>(reader.GetString(3)),
                        reader.IsDBNull(4) ? null : Enum.Parse<Rag>(reader.GetString(4)), counting ? null : reader.GetString(5)));
                    decided = id;
                }
            }

            // A response has one to three revisions and re-baselinings: the fold judges each row. (Their
            // order would not do: a first details row has no date, and PostgreSQL sorts nulls first.)
            if (!counting)
            {
                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (folds.TryGetValue(reader.GetGuid(0), out var fold) && DateOrNull(reader, 1) is var effectiveOn
                        && RecordedAt(reader, 2) is var recordedAt && fold.TakesRevision(effectiveOn, recordedAt))
                    {
                        fold.Take(new RevisionInEffect(effectiveOn, recordedAt, StringOrNull(reader, 3), StringOrNull(reader, 4), DateOrNull(reader, 5)));
                    }
                }
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (folds.TryGetValue(reader.GetGuid(0), out var fold) && DateOn(reader, 1) is var effectiveOn
                    && RecordedAt(reader, 2) is var recordedAt && fold.TakesTargetChange(effectiveOn, recordedAt))
                {
                    fold.Take(new TargetChangeInEffect(effectiveOn, recordedAt, DateOn(reader, 3)));
                }
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (folds.TryGetValue(reader.GetGuid(0), out var fold))
                {
                    fold.TakeEvidence(new EvidenceInEffect(
                        reader.IsDBNull(1) ? ResponseHistory.EvidenceDate(null, RecordedAt(reader, 2)) : ResponseHistory.EvidenceDate(DateOn(reader, 1), default),
                        Enum.Parse<EvidenceReviewState>(reader.GetString(3)),
                        DateOrNull(reader, 4)));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return name;
    }

    private static DateOnly DateOn(DbDataReader reader, int column) => reader.GetFieldValue<DateOnly>(column);

    private static DateOnly? DateOrNull(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetFieldValue<DateOnly>(column);

    private static string? StringOrNull(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    // Stored as a UTC date and time (see ComplianceDbContext's UtcDateTimeConverter); SQLite's text carries no kind.
    private static DateTimeOffset RecordedAt(DbDataReader reader, int column) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(column), DateTimeKind.Utc));

    private sealed class Substitution(Expression from, Expression to) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);

        public Expression Replace(Expression node) => Visit(node)!;
    }
}

/// <summary>What today's state needs of a response's own columns, and the caller's details, in one row.</summary>
public sealed record StateToday<T>(Guid Id, ResponseStatus Status, Rag? Rag, DateOnly? RevisedTargetDate, DateOnly? FindingDueDate, T Details);
