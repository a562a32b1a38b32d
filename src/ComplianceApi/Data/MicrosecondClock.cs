namespace ComplianceApi.Data;

/// <summary>
/// The service's clock, to the microsecond: PostgreSQL keeps instants to the microsecond, so an instant kept
/// finer would read back different from what a write answered, and the answer's entity tag would not match
/// the record's when it is read again.
/// </summary>
public sealed class MicrosecondClock(TimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;
}
