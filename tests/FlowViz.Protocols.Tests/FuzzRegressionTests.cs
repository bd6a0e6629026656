using FlowViz.Core.Flows;

namespace FlowViz.Protocols.Tests;

/// <summary>
/// Inputs AFL++ found (tests/FlowViz.Fuzzing, Fixtures/fuzz/README.md) that made a decoder emit flows
/// dated 1970 or 2106 from a header whose export time was 0 or near 2^32 s. The receive time now stands
/// in for an implausible export time, as IPFIX already did, so every flow lands near the receive time.
/// </summary>
public class FuzzRegressionTests
{
    private static readonly TimeSpan UptimeReach = TimeSpan.FromMilliseconds(int.MaxValue); // ±24.8 days

    [Theory]
    [InlineData("fuzz/v5-unix-secs-zero.bin", null)]
    [InlineData("fuzz/v9-export-1970.bin", "netflow9/softflowd-bulk-1.bin")]
    [InlineData("fuzz/v9-export-2106.bin", "netflow9/softflowd-bulk-1.bin")]
    public void Decode_ImplausibleExportTime_DatesFlowsFromReceiveTime(string file, string? templates)
    {
        var decoder = new FlowDatagramDecoder(TimeProvider.System);
        var sink = new RecordingSink();
        if (templates is not null)
        {
            decoder.Decode(Fixture.Payload(templates), Fixture.Context, sink);
            sink.Flows.Clear();
        }

        var result = decoder.Decode(Fixture.Payload(file), Fixture.Context, sink);

        Assert.True(result.FlowCount > 0);
        Assert.Equal(result.FlowCount, sink.Flows.Count);
        Assert.All(sink.Flows, flow =>
        {
            Assert.InRange(flow.TimeStart, Fixture.ReceivedUtc - UptimeReach, Fixture.ReceivedUtc + UptimeReach);
            Assert.InRange(flow.TimeEnd, Fixture.ReceivedUtc - UptimeReach, Fixture.ReceivedUtc + UptimeReach);
        });
    }

    [Fact]
    public void ToUtc_BeyondWindowEdge_FallsBackToExportTime()
    {
        // An export a day after the window opens: a flow "a week earlier" would be dated 1989.
        var export = new DateTime(1990, 1, 2, 0, 0, 0, DateTimeKind.Utc);
        var clock = new ExportClock(export, sysUptimeMs: 1_000_000_000);

        Assert.Equal(export, clock.ToUtc(1_000_000_000 - 7 * 86_400_000u));
    }
}
