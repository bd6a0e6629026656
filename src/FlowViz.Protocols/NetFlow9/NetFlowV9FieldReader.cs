using System.Runtime.CompilerServices;
using FlowViz.Core.Flows;

namespace FlowViz.Protocols.NetFlow9;

/// <summary>
/// Stores one data-record field into a flow record. Lengths were checked when the template was compiled
/// (<see cref="TemplateFieldCompiler"/>), so addresses here are exactly 4 or 16 bytes and integers 1 to 8.
/// Integers wider than their target are truncated, as the target is the widest value the column holds.
/// </summary>
internal static class NetFlowV9FieldReader
{
    /// <summary>
    /// The field as an unsigned integer, or 0 for fields longer than 8 bytes (IPv6 addresses, skipped
    /// fields). Read once, before the switch over the kind: one copy of the length switch instead of one
    /// per case keeps the inlined record loop small enough for the JIT to inline the rest.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Number(ReadOnlySpan<byte> value) => value.Length <= 8 ? FlowReader.ReadUnsigned(value) : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Read(TemplateFieldKind kind, ReadOnlySpan<byte> value, ref FlowRecord flow) =>
        Store(kind, value, Number(value), ref flow);

    /// <summary>Stores a field whose <see cref="Number"/> the caller already read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(TemplateFieldKind kind, ReadOnlySpan<byte> value, ulong number, ref FlowRecord flow)
    {
        switch (kind)
        {
            case TemplateFieldKind.Bytes: flow.Bytes = number; break;
            case TemplateFieldKind.Packets: flow.Packets = number; break;
            case TemplateFieldKind.Protocol: flow.Protocol = (byte)number; break;
            case TemplateFieldKind.Tos: flow.Tos = (byte)number; break;
            case TemplateFieldKind.TcpFlags: flow.TcpFlags = (byte)number; break;
            case TemplateFieldKind.SrcPort: flow.SrcPort = (ushort)number; break;
            case TemplateFieldKind.DstPort: flow.DstPort = (ushort)number; break;
            case TemplateFieldKind.SrcAddrV4: flow.SrcAddr = FlowAddress.FromIPv4((uint)number); break;
            case TemplateFieldKind.DstAddrV4: flow.DstAddr = FlowAddress.FromIPv4((uint)number); break;
            case TemplateFieldKind.NextHopV4: flow.NextHop = FlowAddress.FromIPv4((uint)number); break;
            case TemplateFieldKind.SrcAddrV6: flow.SrcAddr = FlowAddress.FromIPv6(value); break;
            case TemplateFieldKind.DstAddrV6: flow.DstAddr = FlowAddress.FromIPv6(value); break;
            case TemplateFieldKind.NextHopV6: flow.NextHop = FlowAddress.FromIPv6(value); break;
            case TemplateFieldKind.SrcMask: flow.SrcMask = (byte)number; break;
            case TemplateFieldKind.DstMask: flow.DstMask = (byte)number; break;
            case TemplateFieldKind.InputInterface: flow.InputInterface = (uint)number; break;
            case TemplateFieldKind.OutputInterface: flow.OutputInterface = (uint)number; break;
            case TemplateFieldKind.SrcAs: flow.SrcAs = (uint)number; break;
            case TemplateFieldKind.DstAs: flow.DstAs = (uint)number; break;
            case TemplateFieldKind.SamplingInterval: flow.SamplingRate = (uint)Math.Clamp(number, 1, uint.MaxValue); break;
            case TemplateFieldKind.SrcMac: flow.SrcMac = number; break;
            case TemplateFieldKind.DstMac: flow.DstMac = number; break;
            case TemplateFieldKind.SrcVlan: flow.SrcVlan = (ushort)number; break;
            case TemplateFieldKind.DstVlan: flow.DstVlan = (ushort)number; break;
            case TemplateFieldKind.Direction:
                flow.Direction = number switch
                {
                    0 => FlowDirection.Ingress,
                    1 => FlowDirection.Egress,
                    _ => FlowDirection.Unknown,
                };
                break;
            case TemplateFieldKind.MplsLabel:
                flow.MplsLabel = (uint)(number >> 4); // drop EXP and bottom-of-stack bits
                break;
        }
    }
}
