using FlowViz.Core.Flows;

namespace FlowViz.Protocols.Tests;

/// <summary>
/// The hot path must not allocate per datagram or record (CONVENTIONS.md): checked with the thread's
/// allocation counter, which is exact for the current thread. A BenchmarkDotNet [MemoryDiagnoser]
/// benchmark would give the same answer with timings; this keeps the guarantee in the test suite.
/// </summary>
public class AllocationTests
{
    private sealed class CountingSink : IFlowRecordSink
    {
        public ulong Bytes;

        public void Add(in FlowRecord flow) => Bytes += flow.Bytes;
    }

    [Theory]
    [InlineData("netflow5/softflowd-bulk-1.bin")]
    [InlineData("netflow9/softflowd-bulk-1.bin")] // templates unchanged since warm-up: refreshed, not compiled
    [InlineData("netflow9/softflowd-bulk-2.bin")]
    [InlineData("netflow9/softflowd-mixed-1.bin")] // options data too: sampler and interface name (no options sink)
    [InlineData("netflow9/pmacct-sampled-bulk-2.bin")] // FLOW_SAMPLER_ID looked up in the options cache
    [InlineData("ipfix/softflowd-mixed-1.bin")] // templates, options data (init time, sampler) and data
    [InlineData("ipfix/softflowd-bulk-2.bin")]
    [InlineData("ipfix/pmacct-mixed-2.bin")]
    public void Decode_KnownTemplates_AllocatesNothing(string file)
    {
        var decoder = new FlowDatagramDecoder(TimeProvider.System);
        var sink = new CountingSink();
        var payload = Fixture.Payload(file);
        foreach (var templates in Fixture.All("netflow9").Concat(Fixture.All("ipfix")))
        {
            decoder.Decode(Fixture.Payload(templates), Fixture.Context, sink);
        }
        decoder.Decode(payload, Fixture.Context, sink); // JIT and first-use allocations

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            decoder.Decode(payload, Fixture.Context, sink);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
