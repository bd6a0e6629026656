namespace FlowViz.Protocols.Tests.SFlow;

/// <summary>
/// Builds sFlow v5 datagrams by hand (sflow_version_5.txt, XDR: big-endian 32-bit words, variable-length
/// opaque data prefixed by its length and padded to a multiple of 4) for cases the pmacct fixtures do
/// not cover. Lengths are computed unless a test overrides them to break the datagram on purpose.
/// </summary>
internal sealed class SFlowDatagramBuilder
{
    private readonly List<byte> _samples = [];
    private readonly byte[] _agent;
    private readonly uint _subAgentId;
    private int _count;

    /// <param name="agent">4 bytes (IPv4), 16 (IPv6) or none (address type UNKNOWN).</param>
    /// <param name="subAgentId">The header's sub_agent_id.</param>
    public SFlowDatagramBuilder(byte[] agent, uint subAgentId = 3)
    {
        _agent = agent;
        _subAgentId = subAgentId;
    }

    public static readonly byte[] Agent = [192, 0, 2, 77];

    public SFlowDatagramBuilder() : this(Agent)
    {
    }

    /// <summary>"struct flow_sample" (0:1): compact source_id and interfaces (2 format bits over 30 bits).</summary>
    public SFlowDatagramBuilder FlowSample(uint samplingRate, uint input, uint output, params byte[][] records) =>
        Sample(1, [.. U32(1), .. U32(input), .. U32(samplingRate), .. U32(1000), .. U32(0), .. U32(input),
            .. U32(output), .. U32((uint)records.Length), .. records.SelectMany(r => r)]);

    /// <summary>"struct flow_sample_expanded" (0:3): source_id, input and output as (type/format, index/value) pairs.</summary>
    public SFlowDatagramBuilder ExpandedFlowSample(uint samplingRate, (uint Format, uint Value) input,
        (uint Format, uint Value) output, params byte[][] records) =>
        Sample(3, [.. U32(1), .. U32(0), .. U32(input.Value), .. U32(samplingRate), .. U32(1000), .. U32(0),
            .. U32(input.Format), .. U32(input.Value), .. U32(output.Format), .. U32(output.Value),
            .. U32((uint)records.Length), .. records.SelectMany(r => r)]);

    /// <summary>"struct counters_sample" (0:2), or counters_sample_expanded (0:4).</summary>
    public SFlowDatagramBuilder CounterSample(bool expanded, params byte[][] records) =>
        Sample(expanded ? 4u : 2u, [.. U32(1), .. U32(7), .. (expanded ? U32(7) : []),
            .. U32((uint)records.Length), .. records.SelectMany(r => r)]);

    /// <summary>Any "sample_record { data_format sample_type; opaque sample_data&lt;&gt;; }".</summary>
    public SFlowDatagramBuilder Sample(uint format, byte[] data, uint? declaredLength = null)
    {
        _samples.AddRange([.. U32(format), .. U32(declaredLength ?? (uint)data.Length), .. data]);
        _count++;
        return this;
    }

    /// <summary>The header: version 5, agent address, sub_agent_id, sequence_number, uptime, samples&lt;&gt;.</summary>
    public byte[] Build(uint? declaredSampleCount = null)
    {
        byte[] agent = _agent.Length switch { 4 => [.. U32(1), .. _agent], 16 => [.. U32(2), .. _agent], _ => U32(0) };
        return [.. U32(5), .. agent, .. U32(_subAgentId), .. U32(42), .. U32(123_456),
            .. U32(declaredSampleCount ?? (uint)_count), .. _samples];
    }

    /// <summary>"flow_record"/"counter_record": data_format, then the opaque data with its length, padded.</summary>
    public static byte[] Record(uint format, byte[] data) => [.. U32(format), .. Opaque(data)];

    /// <summary>"struct sampled_header" (0:1): protocol 1 = ETHERNET-ISO88023, frame_length, stripped, header&lt;&gt;.</summary>
    public static byte[] SampledHeader(uint frameLength, byte[] header, uint protocol = 1, uint stripped = 4) =>
        Record(1, [.. U32(protocol), .. U32(frameLength), .. U32(stripped), .. Opaque(header)]);

    /// <summary>"struct sampled_ipv4" (0:3).</summary>
    public static byte[] SampledIPv4(uint length, byte protocol, byte[] src, byte[] dst, ushort srcPort,
        ushort dstPort, byte tcpFlags, byte tos) =>
        Record(3, [.. U32(length), .. U32(protocol), .. src, .. dst, .. U32(srcPort), .. U32(dstPort),
            .. U32(tcpFlags), .. U32(tos)]);

    /// <summary>"struct extended_switch" (0:1001): src_vlan, src_priority, dst_vlan, dst_priority.</summary>
    public static byte[] ExtendedSwitch(uint srcVlan, uint dstVlan) =>
        Record(1001, [.. U32(srcVlan), .. U32(0), .. U32(dstVlan), .. U32(0)]);

    /// <summary>"struct extended_router" (0:1002): next_hop address, src_mask_len, dst_mask_len.</summary>
    public static byte[] ExtendedRouter(byte[] nextHop, uint srcMask, uint dstMask) =>
        Record(1002, [.. Address(nextHop), .. U32(srcMask), .. U32(dstMask)]);

    /// <summary>
    /// "struct extended_gateway" (0:1003): nexthop, as, src_as, src_peer_as, dst_as_path&lt;&gt; of
    /// (type, as_number&lt;&gt;) segments, communities&lt;&gt;, localpref.
    /// </summary>
    public static byte[] ExtendedGateway(byte[] nextHop, uint routerAs, uint srcAs, uint srcPeerAs,
        params (uint Type, uint[] Asns)[] path) =>
        Record(1003, [.. Address(nextHop), .. U32(routerAs), .. U32(srcAs), .. U32(srcPeerAs),
            .. U32((uint)path.Length),
            .. path.SelectMany(s => (byte[])[.. U32(s.Type), .. U32((uint)s.Asns.Length), .. s.Asns.SelectMany(U32)]),
            .. U32(1), .. U32(0xFDE8_0001), .. U32(100)]);

    /// <summary>"struct if_counters" (0:1), 88 bytes, with distinct values per field.</summary>
    public static byte[] InterfaceCounters(uint ifIndex) =>
        Record(1, [.. U32(ifIndex), .. U32(6), .. U64(10_000_000_000), .. U32(1), .. U32(3),
            .. U64(5_000_000_000_123), .. U32(1001), .. U32(1002), .. U32(1003), .. U32(1004), .. U32(1005),
            .. U32(1006), .. U64(7_000_000_000_456), .. U32(2001), .. U32(2002), .. U32(2003), .. U32(2004),
            .. U32(2005), .. U32(0)]);

    public static byte[] Address(byte[] ip) =>
        ip.Length == 16 ? [.. U32(2), .. ip] : ip.Length == 4 ? [.. U32(1), .. ip] : U32(0);

    public static byte[] Opaque(byte[] data) =>
        [.. U32((uint)data.Length), .. data, .. new byte[(4 - data.Length % 4) % 4]];

    public static byte[] U32(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    public static byte[] U64(ulong value) => [.. U32((uint)(value >> 32)), .. U32((uint)value)];
}
