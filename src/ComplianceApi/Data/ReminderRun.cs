namespace ComplianceApi.Data;

/// <summary>
/// A day the daily reminders ran for. The day is the key: the instance whose transaction inserts it runs
/// the job; another instance on the same database meets the row (or waits for it and then fails on the
/// key) and leaves the day alone.
/// </summary>
public sealed class ReminderRun
{
    private ReminderRun() { }

    public ReminderRun(DateOnly day, DateTimeOffset ranAt)
    {
        Day = day;
        RanAt = ranAt;
    }

    /// <summary>The service's day (England and Wales) the reminders were raised for.</summary>
    public DateOnly Day { get; private set; }

    public DateTimeOffset RanAt { get; private set; }

    /// <summary>How many reminder events the run raised.</summary>
    public int Raised { get; set; }
}
