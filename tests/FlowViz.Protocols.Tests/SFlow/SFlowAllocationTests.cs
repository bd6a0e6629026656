using FlowViz.Core.Counters;
using FlowViz.Core.Flows;
using static FlowViz.Protocols.Tests.SFlow.PacketBytes;
using static FlowViz.Protocols.Tests.SFlow.SFlowDatagramBuilder;

namespace FlowViz.Protocols.Tests.SFlow;

/// <summary>Like <see cref="AllocationTests"/>: decoding sFlow allocates nothing per datagram, sample or counter record.</summary>
public class SFlowAllocationTests
{
    private sealed class CountingSink : IFlowRecordSink, IInterfaceCounterSink
    {
        public ulong Bytes;

        public void Add(in FlowRecord flow) => Bytes += flow.Bytes;

        public void Add(in InterfaceCounterRecord counters) => Bytes += counters.InOctets;
    }

    /// <summary>The benchmark case: 8 flow samples of a tagged IPv6/TCP frame with an extended_switch record.</summary>
    internal static byte[] EightSamples()
    {
        var builder = new SFlowDatagramBuilder();
        for (var i = 0; i < 8; i++)
        {
            builder.FlowSample(2048, 1, 2, ExtendedSwitch(10, 10), SampledHeader(1518,
                Ethernet(0x8100, [.. Tag(0x86DD, 10), .. IPv6("2001:db8::1", "2001:db8::2", 6, Tcp(50000, 443, 0x18))])));
        }
        return builder.Build();
    }

    [Theory]
    [InlineData("sflow/pmacct-mixed-1.bin")]
    [InlineData("sflow/pmacct-counters-2.bin")] // flow and counter samples
    [InlineData("")] // EightSamples()
    public void Decode_SFlow_AllocatesNothing(string file)
    {
        var decoder = new FlowDatagramDecoder(TimeProvider.System);
        var sink = new CountingSink();
        var payload = file.Length > 0 ? Fixture.Payload(file) : EightSamples();
        decoder.Decode(payload, Fixture.Context, sink); // JIT and first-use allocations

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            decoder.Decode(payload, Fixture.Context, sink);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(sink.Bytes > 0);
    }
}
