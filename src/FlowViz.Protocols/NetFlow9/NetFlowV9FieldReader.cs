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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Read(TemplateFieldKind kind, ReadOnlySpan<byte> value, ref FlowRecord flow)
    {
        switch (kind)
        {
            case TemplateFieldKind.Bytes: flow.Bytes = FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.Packets: flow.Packets = FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.Protocol: flow.Protocol = (byte)FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.Tos: flow.Tos = (byte)FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.TcpFlags: flow.TcpFlags = (byte)FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.SrcPort: flow.SrcPort = (ushort)FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.DstPort: flow.DstPort = (ushort)FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.SrcAddrV4: flow.SrcAddr = FlowAddress.FromIPv4(value); break;
            case TemplateFieldKind.DstAddrV4: flow.DstAddr = FlowAddress.FromIPv4(value); break;
            case TemplateFieldKind.NextHopV4: flow.NextHop = FlowAddress.FromIPv4(value); break;
            case TemplateFieldKind.SrcAddrV6: flow.SrcAddr = FlowAddress.FromIPv6(value); break;
            case TemplateFieldKind.DstAddrV6: flow.DstAddr = FlowAddress.FromIPv6(value); break;
            case TemplateFieldKind.NextHopV6: flow.NextHop = FlowAddress.FromIPv6(value); break;
            case TemplateFieldKind.SrcMask: flow.SrcMask = (byte)FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.DstMask: flow.DstMask = (byte)FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.InputInterface: flow.InputInterface = (uint)FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.OutputInterface: flow.OutputInterface = (uint)FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.SrcAs: flow.SrcAs = (uint)FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.DstAs: flow.DstAs = (uint)FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.SamplingInterval:
                flow.SamplingRate = (uint)Math.Clamp(FlowReader.ReadUnsigned(value), 1, uint.MaxValue);
                break;
            case TemplateFieldKind.SrcMac: flow.SrcMac = FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.DstMac: flow.DstMac = FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.SrcVlan: flow.SrcVlan = (ushort)FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.DstVlan: flow.DstVlan = (ushort)FlowReader.ReadUnsigned(value); break;
            case TemplateFieldKind.Direction:
                flow.Direction = FlowReader.ReadUnsigned(value) switch
                {
                    0 => FlowDirection.Ingress,
                    1 => FlowDirection.Egress,
                    _ => FlowDirection.Unknown,
                };
                break;
            case TemplateFieldKind.MplsLabel:
                flow.MplsLabel = (uint)(FlowReader.ReadUnsigned(value) >> 4); // drop EXP and bottom-of-stack bits
                break;
        }
    }
}
