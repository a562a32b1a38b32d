namespace ComplianceApi.Domain;

/// <summary>Why a record is in an owner's reminders.</summary>
public enum ReminderReason { FallingDue, Overdue, ReviewDue }

/// <summary>A reminder the daily job raises: its reason and, for one falling due, the window it entered.</summary>
public sealed record Reminder(ReminderReason Reason, int? WithinDays)
{
    /// <summary>The event kind's verb: <c>response.falling_due</c>, <c>action.overdue</c>, <c>response.review_due</c>.</summary>
    public string Verb => Reason switch
    {
        ReminderReason.FallingDue => "falling_due",
        ReminderReason.Overdue => "overdue",
        _ => "review_due",
    };
}

/// <summary>
/// When a record is reminded of. The daily job raises a reminder when a record has crossed a line since the
/// last day the job ran (<c>since</c>): into a window before its due date, past its due date, or to its
/// next review date. Judging the crossing rather than the state means a record is reminded of once per
/// line, however often the job runs, and a day the job missed is caught up on the next. A record crosses a
/// line by time passing or by its due date moving (a re-baselining, an action's new due date): where it
/// stood is judged on the due date as the last run saw it, where it stands on the due date of today.
/// </summary>
public static class ReminderRules
{
    /// <summary>The windows before a due date an owner is reminded at, when none are configured: 45 and 7 days.</summary>
    public static readonly int[] DefaultWindows = [45, 7];

    /// <summary>
    /// The reminder about a due date crossed between <paramref name="since"/> (the last day the job ran) and
    /// <paramref name="today"/>: newly overdue; else newly inside a window, the narrowest one crossed, so a
    /// record entering two windows at once is reminded once, of the nearer deadline. <paramref name="dueAsSeen"/>
    /// is the due date as the last run saw it (<paramref name="dueOn"/> unless it has moved since); a record
    /// that then had no due date, or was then overdue, stood outside every window: its new deadline is news
    /// to its owner.
    /// </summary>
    public static Reminder? ForDueDate(DateOnly? dueOn, DateOnly? dueAsSeen, bool finished, DateOnly since, DateOnly today, IReadOnlyList<int> windows)
    {
        if (dueOn is not { } due || finished)
        {
            return null;
        }

        var wasOverdue = dueAsSeen < since;
        if (due < today)
        {
            return wasOverdue ? null : new Reminder(ReminderReason.Overdue, null);
        }

        var entered = windows
            .Where(w => due.DayNumber - today.DayNumber <= w && (dueAsSeen is not { } seen || wasOverdue || seen.DayNumber - since.DayNumber > w))
            .Order().ToList();
        return entered.Count > 0 ? new Reminder(ReminderReason.FallingDue, entered[0]) : null;
    }

    /// <summary>The reminder that a response's next review date has come since the last day the job ran.</summary>
    public static Reminder? ForReview(DateOnly? nextReviewOn, bool finished, DateOnly since, DateOnly today) =>
        nextReviewOn is { } review && !finished && review > since && review <= today ? new Reminder(ReminderReason.ReviewDue, null) : null;

    /// <summary>
    /// What an owner's digest lists a record for on <paramref name="asOf"/>: overdue, or falling due within
    /// <paramref name="withinDays"/>; and, separately, a review date that has come.
    /// </summary>
    public static ReminderReason? InDigest(DateOnly? dueOn, bool finished, DateOnly asOf, int withinDays) =>
        dueOn is not { } due || finished ? null
        : due < asOf ? ReminderReason.Overdue
        : due.DayNumber - asOf.DayNumber <= withinDays ? ReminderReason.FallingDue
        : null;

    public static bool IsFinished(ActionStatus status) => status is ActionStatus.Completed or ActionStatus.Cancelled;
}
