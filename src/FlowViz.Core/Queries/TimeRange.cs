namespace FlowViz.Core.Queries;

/// <summary>A half-open interval [From, To) in UTC.</summary>
public readonly record struct TimeRange
{
    public TimeRange(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw new ArgumentException($"'to' ({to:O}) must be after 'from' ({from:O}).", nameof(to));
        }
        From = from.ToUniversalTime();
        To = to.ToUniversalTime();
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public TimeSpan Duration => To - From;

    public static TimeRange Last(TimeSpan span, DateTimeOffset now) => new(now - span, now);
}
