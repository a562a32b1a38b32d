using System.Globalization;
using ComplianceApi.Domain;
using ComplianceApi.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplianceApi.Data;

/// <summary>
/// Raises the day's reminders as audit events (so they reach the change feed like any change): responses,
/// actions and local policing bodies' unpublished responses to reports newly inside a window before their
/// due date (for the last, the s55 publication deadline), newly overdue, and responses whose next review
/// date has come. Every instance checks every quarter of an hour; one run a day per database happens,
/// recorded as a <see cref="ReminderRun"/> in the same transaction as its events.
/// </summary>
public sealed class DailyReminders(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<DailyReminders> logger) : BackgroundService
{
    /// <summary>The operation reminder events are recorded under.</summary>
    public const string Operation = "DailyReminders";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first round waits: at start-up the database may not be migrated yet (and the build starts the
        // host to write the contract, with no database at all).
        using var timer = new PeriodicTimer(options.Value.CheckEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await RunAsync(stoppingToken) is { } raised)
                {
                    logger.RemindersRaised(raised);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next round tries again; the day is not recorded as run, so nothing is lost.
                logger.RemindersFailed(exception);
            }
        }
    }

    /// <summary>
    /// Raises today's reminders unless they have been raised today, here or by another instance; answers how
    /// many were raised, or null when the day had already been run.
    /// </summary>
    public async Task<int?> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ServiceDay.DateAt(now);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
        var client = scope.ServiceProvider.GetRequiredService<Caller>().Client;
        if (await db.ReminderRuns.AnyAsync(r => r.Day == today, cancellationToken))
        {
            return null;
        }

        // Lines crossed since the last day run are reminded of; the first run ever looks back one day only,
        // so a new installation does not announce every record it already holds.
        var last = await db.ReminderRuns.Where(r => r.Day < today).OrderByDescending(r => r.Day)
            .Select(r => new { r.Day, r.RanAt }).FirstOrDefaultAsync(cancellationToken);
        var since = last?.Day ?? today.AddDays(-1);

        // Due dates are judged as the last run saw them, so a deadline moved straight into a window is
        // reminded of; the first run ever saw them as they stood at the start of today.
        var seenAt = last?.RanAt ?? ServiceDay.StartOf(today);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = new ReminderRun(today, now);
        db.ReminderRuns.Add(run);
        try
        {
            // On PostgreSQL a second instance inserting the same day waits here for the first to commit, then fails on the key.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return null;
        }

        var windows = options.Value.WindowsOrDefault;
        var horizon = today.AddDays(windows.Max());
        var finished = ResponseRules.Finished;
        var moved = await DueDatesMovedAsync(db, seenAt, cancellationToken);
        var rebaselined = await db.TargetDateChanges.Where(c => c.RecordedAt > seenAt).Select(c => c.ResponseId).Distinct().ToListAsync(cancellationToken);
        var movedFindings = moved.Where(m => m.Key.Type == "finding").Select(m => Guid.Parse(m.Key.Id)).ToList();
        var movedActions = moved.Where(m => m.Key.Type == "action").Select(m => Guid.Parse(m.Key.Id)).ToList();
        var movedReportResponses = moved.Where(m => m.Key.Type == "report_response").Select(m => Guid.Parse(m.Key.Id)).ToList();

        var responses = await db.ForceResponses.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => !finished.Contains(r.Status)
                && ((r.DueOn >= since && r.DueOn <= horizon) || (r.NextReviewOn > since && r.NextReviewOn <= today)
                    || rebaselined.Contains(r.Id) || movedFindings.Contains(r.FindingId)))
            .Select(r => new { r.Id, r.ForceCode, r.DueOn, r.NextReviewOn, r.Version, r.FindingId, FindingDueDate = r.Finding.DueDate })
            .ToListAsync(cancellationToken);
        var movedResponses = responses.Where(r => rebaselined.Contains(r.Id) || movedFindings.Contains(r.FindingId)).Select(r => r.Id).ToList();
        var targetsSeen = (await db.TargetDateChanges.AsNoTracking()
                .Where(c => movedResponses.Contains(c.ResponseId) && c.RecordedAt <= seenAt)
                .Select(c => new { c.ResponseId, c.RecordedAt, c.NewTargetDate })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.ResponseId)
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.RecordedAt)!.NewTargetDate);
        var actions = await db.PlanActions.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => a.Status != ActionStatus.Completed && a.Status != ActionStatus.Cancelled
                && ((a.DueOn >= since && a.DueOn <= horizon) || movedActions.Contains(a.Id)))
            .Select(a => new { a.Id, a.ForceCode, a.DueOn })
            .ToListAsync(cancellationToken);
        var reportResponses = await db.ReportResponses.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.PublishedOn == null && ((r.PublicationDueOn >= since && r.PublicationDueOn <= horizon) || movedReportResponses.Contains(r.Id)))
            .Select(r => new { r.Id, r.ForceCode, r.PublicationDueOn })
            .ToListAsync(cancellationToken);

        DateOnly? Seen(string type, Guid id, DateOnly? now) => moved.TryGetValue((type, id.ToString()), out var then) ? then : now;

        // A response's due date is its latest re-baselined target, else its finding's due date (ResponseRules.DueDate).
        DateOnly? ResponseDueAsSeen(Guid id, Guid findingId, DateOnly? now, DateOnly? findingDueNow) =>
            movedResponses.Contains(id)
                ? ResponseRules.DueDate(targetsSeen.TryGetValue(id, out var target) ? target : null, Seen("finding", findingId, findingDueNow))
                : now;

        var events = new List<AuditEvent>();
        foreach (var response in responses.OrderBy(r => r.Id))
        {
            foreach (var reminder in new[]
                     {
                         ReminderRules.ForDueDate(response.DueOn, ResponseDueAsSeen(response.Id, response.FindingId, response.DueOn, response.FindingDueDate), finished: false, since, today, windows),
                         ReminderRules.ForReview(response.NextReviewOn, finished: false, since, today),
                     })
            {
                if (reminder is not null)
                {
                    var date = reminder.Reason == ReminderReason.ReviewDue ? response.NextReviewOn : response.DueOn;
                    events.Add(Event(reminder, "response", response.Id, response.ForceCode, date, client, now, response.Version));
                }
            }
        }

        foreach (var action in actions.OrderBy(a => a.Id))
        {
            if (ReminderRules.ForDueDate(action.DueOn, Seen("action", action.Id, action.DueOn), finished: false, since, today, windows) is { } reminder)
            {
                events.Add(Event(reminder, "action", action.Id, action.ForceCode, action.DueOn, client, now, null));
            }
        }

        // A local policing body's unpublished response, against its 56-day publication deadline.
        foreach (var response in reportResponses.OrderBy(r => r.Id))
        {
            if (ReminderRules.ForDueDate(response.PublicationDueOn, Seen("report_response", response.Id, response.PublicationDueOn), finished: false, since, today, windows) is { } reminder)
            {
                events.Add(Event(reminder, "report_response", response.Id, response.ForceCode, response.PublicationDueOn, client, now, null));
            }
        }

        db.AuditEvents.AddRange(events);
        run.Raised = events.Count;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    // The records whose due dates are kept only as they stand now: the audit trail's field changes give
    // their due dates as the last run saw them (the old value of the first change after it).
    private static readonly Dictionary<string, string> DueDateFields = new()
    {
        ["finding"] = "dueDate",
        ["action"] = "dueOn",
        ["report_response"] = "publicationDueOn",
    };

    private static async Task<Dictionary<(string Type, string Id), DateOnly?>> DueDatesMovedAsync(ComplianceDbContext db, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var types = DueDateFields.Keys.ToList();
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.OccurredAt > seenAt && types.Contains(e.RecordType) && e.Operation != Operation)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var moved = new Dictionary<(string Type, string Id), DateOnly?>();
        foreach (var audit in events)
        {
            if (audit.Changes.FirstOrDefault(c => c.Field == DueDateFields[audit.RecordType]) is { } change && !moved.ContainsKey((audit.RecordType, audit.RecordId))
                && !audit.Kind.EndsWith(".created", StringComparison.Ordinal))
            {
                moved[(audit.RecordType, audit.RecordId)] = change.Old is null ? null : DateOnly.ParseExact(change.Old, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        return moved;
    }

    private static AuditEvent Event(Reminder reminder, string recordType, Guid id, string forceCode, DateOnly? date, AuditClient client, DateTimeOffset now, int? version)
    {
        var audit = new AuditEvent($"{recordType}.{reminder.Verb}", recordType, id.ToString(), forceCode, Operation, client, null, now, version);
        var field = new FieldChange(reminder.Reason == ReminderReason.ReviewDue ? "nextReviewOn" : "dueOn", null,
            date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        audit.Record(reminder.WithinDays is { } within
            ? [field, new FieldChange("withinDays", null, within.ToString(CultureInfo.InvariantCulture))]
            : [field]);
        return audit;
    }
}

/// <summary><c>Reminders:Windows</c> (days before a due date an owner is reminded at) and <c>Reminders:CheckEvery</c>.</summary>
public sealed class ReminderOptions
{
    /// <summary>Null until configured: binding a list onto a default one would add to it, not replace it.</summary>
    public int[]? Windows { get; set; }

    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(15);

    public IReadOnlyList<int> WindowsOrDefault => Windows is { Length: > 0 } windows ? windows : ReminderRules.DefaultWindows;
}
