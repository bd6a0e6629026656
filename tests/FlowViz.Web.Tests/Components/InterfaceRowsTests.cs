using System.Net;
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
}
