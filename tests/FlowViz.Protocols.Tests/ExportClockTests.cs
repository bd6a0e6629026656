namespace FlowViz.Protocols.Tests;

public class ExportClockTests
{
    private static readonly DateTime Export = new(2026, 11, 23, 7, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(10_000u, 9_000u, -1_000)]
    [InlineData(10_000u, 10_250u, 250)] // stamped after the header's uptime: lands after export, not 49 days ago
    [InlineData(1_000u, uint.MaxValue - 999u, -2_000)] // sysUptime wrapped between the flow and the export
    [InlineData(uint.MaxValue, 0u, 1)]
    public void ToUtc_UptimeRelativeTimestamp_OffsetFromExportTime(uint sysUptime, uint timestamp, int expectedOffsetMs)
    {
        var clock = new ExportClock(Export, sysUptime);

        Assert.Equal(Export.AddMilliseconds(expectedOffsetMs), clock.ToUtc(timestamp));
        Assert.Equal(timestamp, clock.ToUptime(clock.ToUtc(timestamp)));
    }

    [Fact]
    public void FromUnixSeconds_WithNanoseconds_KeepsTicks()
    {
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(1_700_000_000).AddTicks(1_234_567),
            ExportClock.FromUnixSeconds(1_700_000_000, 123_456_789));
    }
}
