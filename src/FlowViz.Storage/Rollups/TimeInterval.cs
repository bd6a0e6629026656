namespace FlowViz.Storage.Rollups;

/// <summary>A half-open interval [From, To) of bucket starts; empty when To ≤ From.</summary>
public readonly record struct TimeInterval(DateTimeOffset From, DateTimeOffset To)
{
    public bool IsEmpty => To <= From;

    /// <summary>The same interval widened to whole buckets of <paramref name="resolution"/>.</summary>
    public TimeInterval Widen(RollupResolution resolution) => new(resolution.Floor(From), resolution.Ceiling(To));

    public TimeInterval Clip(DateTimeOffset from, DateTimeOffset to) =>
        new(From > from ? From : from, To < to ? To : to);

    /// <summary>Sorted, non-empty, with overlapping or touching intervals joined.</summary>
    public static List<TimeInterval> Merge(IEnumerable<TimeInterval> intervals)
    {
        var merged = new List<TimeInterval>();
        foreach (var interval in intervals.Where(i => !i.IsEmpty).OrderBy(i => i.From))
        {
            if (merged.Count > 0 && interval.From <= merged[^1].To)
            {
                var last = merged[^1];
                merged[^1] = last with { To = interval.To > last.To ? interval.To : last.To };
            }
            else
            {
                merged.Add(interval);
            }
        }
        return merged;
    }
}
