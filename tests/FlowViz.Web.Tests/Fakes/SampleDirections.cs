namespace FlowViz.Web.Tests.Fakes;

/// <summary>
/// A series answer split by direction, hand-checkable with a 60 s step (total = rate sum × 60):
/// dns out 100 + 300 → 24 000, dns in 50 + 50 → 6 000; ssh out 0, in 200 + 0 → 12 000, internal 10 + 10 → 1 200;
/// Other out 25 + 25 → 3 000, in 0. All out 27 000, all in 18 000, internal 1 200, total 46 200.
/// </summary>
public static class SampleDirections
{
    public static SeriesResult Series() => new(60,
    [
        Split("dns", "dns", "out", 100, 300),
        Split("dns", "dns", "in", 50, 50),
        Split("ssh", "ssh", "out", 0, 0),
        Split("ssh", "ssh", "in", 200, 0),
        Split("ssh", "ssh", "other", 10, 10),
        Split(TrafficSeries.OtherKey, "Other", "out", 25, 25),
    ]);

    public static TrafficSeries Split(string key, string label, string direction, double first, double second) =>
        new(key, label, [new SeriesPoint(1_700_000_000, first), new SeriesPoint(1_700_000_060, second)], direction);
}
