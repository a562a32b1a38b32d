namespace ComplianceApi.Domain;

/// <summary>
/// The service's day is the day in England and Wales, where the forces work: at 00:30 in British Summer
/// Time the UTC date is still yesterday, and flags judged on it would be a day late.
/// </summary>
public static class ServiceDay
{
    private static readonly TimeZoneInfo EnglandAndWales = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Today in England and Wales: the date every flag without an <c>asOf</c> is judged on.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateAt(clock.GetUtcNow());

    /// <summary>The date in England and Wales at an instant.</summary>
    public static DateOnly DateAt(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, EnglandAndWales).DateTime);

    /// <summary>The instant a day begins in England and Wales (midnight there), for comparing with recorded times.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, EnglandAndWales.GetUtcOffset(midnight));
    }
}
