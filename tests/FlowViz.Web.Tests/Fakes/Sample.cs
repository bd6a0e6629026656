namespace FlowViz.Web.Tests.Fakes;

/// <summary>Small, hand-checkable traffic: TCP 6000 bytes, UDP 3000, other 1000 (total 10 000).</summary>
public static class Sample
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static readonly TrafficTotals Totals = new(12_345, 67_890, 10_000);

    public static readonly TopResult Top = new(
        [new TopRow("6", "TCP", 100, 400, 6_000), new TopRow("17", "UDP", 50, 200, 3_000)],
        new TrafficTotals(10, 40, 1_000));

    public static SeriesResult Series(double tcpRate = 8_000) => new(60,
    [
        new TrafficSeries("6", "TCP", [new SeriesPoint(1_700_000_000, tcpRate), new SeriesPoint(1_700_000_060, 2_000_000)]),
        new TrafficSeries(TrafficSeries.OtherKey, "Other", [new SeriesPoint(1_700_000_000, 10), new SeriesPoint(1_700_000_060, 0)]),
    ]);
}
