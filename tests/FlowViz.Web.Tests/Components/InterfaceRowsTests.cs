using System.Net;
using FlowViz.Core.Counters;
using FlowViz.Core.Interfaces;
using FlowViz.Web.Components.Interfaces;

namespace FlowViz.Web.Tests.Components;

public class InterfaceRowsTests
{
    private static readonly InterfaceClass Transit = new("transit", "ntt", "external");

    private static ClassifiedInterface Known(long ifIndex, string? name, InterfaceClass? classes, long? speed, params string[] sources) =>
        new(new KnownInterface(IPAddress.Parse("192.0.2.1"), ifIndex, name, null, speed, sources, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), classes);

    [Fact]
    public void Build_KnownAndTrafficOnly_OneRowEachWithRatesAndUtilization()
    {
        var known = new Dictionary<string, ClassifiedInterface>
        {
            ["192.0.2.1/1"] = Known(1, "et-0/0/1", Transit, 1_000, "configuration", "flows"),
            ["192.0.2.1/2"] = Known(2, "ae2", null, null, "options"),
        };
        var input = new TopResult([new TopRow("192.0.2.1/1", "x", 1, 1, 45_000), new TopRow("192.0.2.1/0", "x", 1, 1, 900)], TrafficTotals.Zero);
        var output = new TopResult([new TopRow("192.0.2.1/1", "x", 1, 1, 9_000)], TrafficTotals.Zero);

        var rows = InterfaceRows.Build(known, input, output, TimeSpan.FromHours(1)).ToDictionary(r => r.Key);

        Assert.Equal(3, rows.Count);
        var one = rows["192.0.2.1/1"];
        Assert.Equal((45_000, 9_000), (one.InBytes, one.OutBytes));
        Assert.Equal(100, one.InBitsPerSecond, 6);        // 45 000 B × 8 / 3600 s
        Assert.Equal(0.1, one.InUtilization!.Value, 6);   // of 1000 bit/s
        Assert.Equal(0.02, one.OutUtilization!.Value, 6);
        Assert.Equal("configured", one.SpeedSource);
        Assert.False(one.NeedsClass);
        Assert.Equal("no speed known: configure it or send sFlow counters", rows["192.0.2.1/2"].NoUtilizationReason);
        Assert.False(rows["192.0.2.1/2"].CarriesTraffic);
        var zero = rows["192.0.2.1/0"];
        Assert.False(zero.Known);
        Assert.True(zero.NeedsClass);
        Assert.Equal("index 0: the exporter did not say which interface", zero.NoUtilizationReason);
    }

    [Theory]
    [InlineData(new[] { "sflow", "flows" }, "sFlow ifSpeed")]
    [InlineData(new[] { "configuration", "sflow" }, "configured or sFlow ifSpeed")]
    [InlineData(new[] { "options" }, "options data")]
    public void SpeedSourceOf_Sources_SaysWhichGaveTheSpeed(string[] sources, string expected) =>
        Assert.Equal(expected, InterfaceRows.SpeedSourceOf(sources));

    [Fact]
    public void Build_WithCounters_RatesAndSpeedFromThemOthersFromFlows()
    {
        var known = new Dictionary<string, ClassifiedInterface>
        {
            ["192.0.2.1/1"] = Known(1, "et-0/0/1", Transit, 1_000, "configuration"),
            ["192.0.2.1/2"] = Known(2, "ae2", null, 4_000, "configuration"),
            ["192.0.2.1/3"] = Known(3, "ae3", null, 8_000, "configuration"),
        };
        var input = new TopResult([new TopRow("192.0.2.1/1", "x", 1, 1, 45_000), new TopRow("192.0.2.1/2", "x", 1, 1, 45_000)], TrafficTotals.Zero);
        InterfaceCounterRates[] counters =
        [
            new(IPAddress.Parse("192.0.2.1"), 1, 600, 300, 900, 800, 2_000, 12, 1),
            new(IPAddress.Parse("192.0.2.1"), 3, 800, 80, 800, 80, 0, 3, 0),   // the agent knows no speed: the configured one
            new(IPAddress.Parse("192.0.2.9"), 5, 10, 20, 10, 20, 100, 1, 0),  // counters only: a row of its own
        ];

        var rows = InterfaceRows.Build(known, input, new TopResult([], TrafficTotals.Zero), TimeSpan.FromHours(1), counters).ToDictionary(r => r.Key);

        var one = rows["192.0.2.1/1"];
        Assert.Equal((RateSource.Counters, 600.0, 300.0, 2_000L, "sFlow ifSpeed"), (one.Source, one.InBitsPerSecond, one.OutBitsPerSecond, one.SpeedBps, one.SpeedSource));
        Assert.Equal((0.3, 0.15), (one.InUtilization, one.OutUtilization));
        Assert.Equal(45_000, one.InBytes); // the flows' bytes stay: the traffic columns equal the API's
        var two = rows["192.0.2.1/2"];
        Assert.Equal((RateSource.Flows, 100.0, 0.025), (two.Source, two.InBitsPerSecond, two.InUtilization));
        var three = rows["192.0.2.1/3"];
        Assert.Equal((RateSource.Counters, 8_000L, "configured", 0.1), (three.Source, three.SpeedBps, three.SpeedSource, three.InUtilization));
        var only = rows["192.0.2.9/5"];
        Assert.Equal((RateSource.Counters, false, 0.1), (only.Source, only.Known, only.InUtilization));
    }
}
