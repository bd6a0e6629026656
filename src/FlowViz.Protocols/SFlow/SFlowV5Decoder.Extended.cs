using FlowViz.Core.Flows;

namespace FlowViz.Protocols.SFlow;

public static partial class SFlowV5Decoder
{
    private const uint VlanMask = 0xFFF;

    /// <summary>
    /// "struct extended_switch { unsigned int src_vlan; unsigned int src_priority; unsigned int dst_vlan;
    /// unsigned int dst_priority; }" (0:1001). The switch's own view of the VLANs outranks a tag in the
    /// sampled header (which it may have stripped); 0 means "not known" and leaves the header's VLAN.
    /// </summary>
    private static bool ReadExtendedSwitch(ref FlowReader record, ref FlowRecord flow)
    {
        if (!record.TryReadUInt32(out var srcVlan)
            | !record.TryReadUInt32(out _)
            | !record.TryReadUInt32(out var dstVlan)
            | !record.TryReadUInt32(out _))
        {
            return false;
        }
        if ((srcVlan & VlanMask) != 0)
        {
            flow.SrcVlan = (ushort)(srcVlan & VlanMask);
        }
        if ((dstVlan & VlanMask) != 0)
        {
            flow.DstVlan = (ushort)(dstVlan & VlanMask);
        }
        return true;
    }

    /// <summary>
    /// "struct extended_router { next_hop nexthop; unsigned int src_mask_len; unsigned int dst_mask_len; }"
    /// (0:1002), next_hop being an address. The router's IP next hop outranks the BGP next hop of
    /// extended_gateway.
    /// </summary>
    private static bool ReadExtendedRouter(ref FlowReader record, ref FlowRecord flow)
    {
        if (TryReadAddress(ref record, out var nextHop) != DecodeStatus.Ok
            | !record.TryReadUInt32(out var srcMask)
            | !record.TryReadUInt32(out var dstMask))
        {
            return false;
        }
        var maxMask = nextHop.IsIPv4 ? 32u : 128u;
        flow.NextHop = nextHop;
        flow.SrcMask = (byte)Math.Min(srcMask, maxMask);
        flow.DstMask = (byte)Math.Min(dstMask, maxMask);
        return true;
    }

    /// <summary>
    /// "struct extended_gateway { next_hop nexthop; unsigned int as; unsigned int src_as; unsigned int
    /// src_peer_as; as_path_type dst_as_path&lt;&gt;; unsigned int communities&lt;&gt;; unsigned int
    /// localpref; }" (0:1003), with "as_path_type { as_path_segment_type type; unsigned int as_number&lt;&gt;; }"
    /// (type 1 AS_SET, 2 AS_SEQUENCE). The destination AS is the last AS of the path — the origin of
    /// the destination prefix; with an empty path the destination is in the router's own AS ("as").
    /// src_as 0 likewise means the source is local. Communities and local preference are not stored.
    /// </summary>
    private static bool ReadExtendedGateway(ref FlowReader record, ref FlowRecord flow)
    {
        if (TryReadAddress(ref record, out var nextHop) != DecodeStatus.Ok
            | !record.TryReadUInt32(out var routerAs)
            | !record.TryReadUInt32(out var srcAs)
            | !record.TryReadUInt32(out _) // src_peer_as
            | !record.TryReadUInt32(out var segments))
        {
            return false;
        }
        var dstAs = routerAs;
        for (var i = 0u; i < segments; i++)
        {
            if (!record.TryReadUInt32(out _) | !record.TryReadUInt32(out var count)
                || !record.TryReadSpan(checked((int)Math.Min(count, int.MaxValue / 4) * 4), out var asNumbers))
            {
                return false;
            }
            if (count > 0)
            {
                dstAs = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(asNumbers[^4..]);
            }
        }
        if (flow.NextHop.IsNone)
        {
            flow.NextHop = nextHop;
        }
        flow.SrcAs = srcAs != 0 ? srcAs : routerAs;
        flow.DstAs = dstAs;
        return true; // communities<> and localpref follow; a record cut short after the path still counts
    }
}
