using System.Runtime.CompilerServices;
using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;
using FlowViz.Protocols.OptionsData;

namespace FlowViz.Protocols.Ipfix;

/// <summary>
/// One IPFIX data record while it is read: the flow fields go straight into <see cref="Flow"/>; fields
/// that need the whole record (times in several encodings, delta vs total counters, sampling, the
/// reverse direction of a biflow) are kept aside and resolved by <see cref="Finish"/>.
/// </summary>
internal struct IpfixRecord
{
    public FlowRecord Flow;
    private SamplingFields _sampling;
    private ulong _samplerId;
    private ulong _bytesTotal, _packetsTotal, _reverseBytes, _reversePackets, _reverseBytesTotal, _reversePacketsTotal;
    private IpfixRecordTimes _times;
    private Has _has;
    private ushort _icmp;
    private byte _reverseTcpFlags;

    /// <summary>Clears what the previous record left and sets what every record of the message shares.</summary>
    public void Start(in IpfixMessage message)
    {
        this = default;
        Flow.TimeReceived = message.ReceivedUtc;
        Flow.Exporter = message.Exporter;
        Flow.ObservationDomainId = message.ObservationDomainId;
        Flow.FlowProtocol = FlowProtocol.Ipfix;
        Flow.Direction = FlowDirection.Unknown;
    }

    /// <summary>
    /// Stores one field. One switch over the kind: the IPFIX kinds and the v9 kinds whose meaning depends on
    /// other fields of the record (counters: delta vs total, biflow; times; ICMP type vs ports; sampling) are
    /// kept aside for <see cref="Finish"/>, the rest go into <see cref="Flow"/> as v9 stores them. Integer
    /// lengths are 1..8, checked by <see cref="IpfixFieldCompiler"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Read(TemplateFieldKind kind, ReadOnlySpan<byte> value)
    {
        var number = NetFlowV9FieldReader.Number(value);
        switch (kind)
        {
            case TemplateFieldKind.Skip or TemplateFieldKind.InterfaceName or TemplateFieldKind.InterfaceDescription
                or TemplateFieldKind.SamplerMode:
                return;
            case TemplateFieldKind.Bytes: Flow.Bytes = number; _has |= Has.Bytes; return;
            case TemplateFieldKind.Packets: Flow.Packets = number; _has |= Has.Packets; return;
            case TemplateFieldKind.BytesTotal: _bytesTotal = number; return;
            case TemplateFieldKind.PacketsTotal: _packetsTotal = number; return;
            case TemplateFieldKind.ReverseBytes: _reverseBytes = number; _has |= Has.Reverse | Has.ReverseBytes; return;
            case TemplateFieldKind.ReversePackets: _reversePackets = number; _has |= Has.Reverse | Has.ReversePackets; return;
            case TemplateFieldKind.ReverseBytesTotal: _reverseBytesTotal = number; _has |= Has.Reverse; return;
            case TemplateFieldKind.ReversePacketsTotal: _reversePacketsTotal = number; _has |= Has.Reverse; return;
            case TemplateFieldKind.ReverseTcpFlags: _reverseTcpFlags = (byte)number; _has |= Has.ReverseTcpFlags; return;
            case TemplateFieldKind.IcmpType: _icmp = (ushort)number; return;
            case TemplateFieldKind.SamplerId: _samplerId = number; _has |= Has.SamplerId; return;
            case TemplateFieldKind.SamplingInterval or TemplateFieldKind.SamplingPacketInterval
                or TemplateFieldKind.SamplingPacketSpace or TemplateFieldKind.SamplingSize or TemplateFieldKind.SamplingPopulation:
                _sampling.TryRead(kind, number);
                return;
            case TemplateFieldKind.FirstSwitched or TemplateFieldKind.LastSwitched
                or >= TemplateFieldKind.StartSeconds and <= TemplateFieldKind.SystemInitTime:
                _times.TryRead(kind, number);
                return;
            default:
                NetFlowV9FieldReader.Store(kind, value, number, ref Flow); // stored as v9 stores them
                return;
        }
    }

    /// <summary>
    /// Resolves what needed the whole record. Counters: octetDeltaCount/packetDeltaCount (1/2) when
    /// present, else octetTotalCount/packetTotalCount (85/86): FlowViz stores per-flow counts, and an
    /// exporter that sends only totals (long-lived flows, RFC 7012 §5.10) gives the flow's count so far.
    /// Sampling: a rate in the record itself wins; else its sampler's from options data; else 1.
    /// </summary>
    public void Finish(in IpfixMessage message, ExporterDomainOptions? domain)
    {
        if ((_has & Has.Bytes) == 0) Flow.Bytes = _bytesTotal;
        if ((_has & Has.Packets) == 0) Flow.Packets = _packetsTotal;
        if ((_has & Has.ReverseBytes) == 0) _reverseBytes = _reverseBytesTotal;
        if ((_has & Has.ReversePackets) == 0) _reversePackets = _reversePacketsTotal;
        // Stored as bigint: a count beyond long.MaxValue is corrupt, not traffic.
        Flow.Bytes = Math.Min(Flow.Bytes, long.MaxValue);
        Flow.Packets = Math.Min(Flow.Packets, long.MaxValue);
        _reverseBytes = Math.Min(_reverseBytes, long.MaxValue);
        _reversePackets = Math.Min(_reversePackets, long.MaxValue);

        var rate = _sampling.Rate;
        if (rate == 0 && domain is not null)
        {
            rate = domain.RateFor((_has & Has.SamplerId) != 0, _samplerId);
        }
        Flow.SamplingRate = Math.Max(rate, 1u);

        _times.Resolve(message, domain?.SystemInitTimeMs, ref Flow);

        // icmpTypeCodeIPv4/IPv6 (32/139, type × 256 + code) goes where v5 and NfSen put it: the destination port.
        if (_icmp != 0 && Flow.SrcPort == 0 && Flow.DstPort == 0)
        {
            Flow.DstPort = _icmp;
        }
    }

    /// <summary>
    /// Emits the record. A biflow (RFC 5103 §6.1: reverse IEs present) becomes two directional records,
    /// the reverse one with sources and destinations swapped and the reverse counters; a direction with
    /// no bytes and no packets is left out (RFC 5103 §6.3 allows a biflow with one direction empty).
    /// </summary>
    public readonly int Emit(IFlowRecordSink sink)
    {
        if ((_has & Has.Reverse) == 0)
        {
            sink.Add(Flow);
            return 1;
        }
        var count = 0;
        if (Flow.Bytes != 0 || Flow.Packets != 0)
        {
            sink.Add(Flow);
            count++;
        }
        if (_reverseBytes != 0 || _reversePackets != 0)
        {
            var reverse = Reversed(Flow);
            reverse.Bytes = _reverseBytes;
            reverse.Packets = _reversePackets;
            if ((_has & Has.ReverseTcpFlags) != 0)
            {
                reverse.TcpFlags = _reverseTcpFlags;
            }
            sink.Add(reverse);
            count++;
        }
        return count;
    }

    private static FlowRecord Reversed(in FlowRecord forward)
    {
        var r = forward;
        (r.SrcAddr, r.DstAddr) = (forward.DstAddr, forward.SrcAddr);
        (r.SrcPort, r.DstPort) = (forward.DstPort, forward.SrcPort);
        (r.InputInterface, r.OutputInterface) = (forward.OutputInterface, forward.InputInterface);
        (r.SrcAs, r.DstAs) = (forward.DstAs, forward.SrcAs);
        (r.SrcMask, r.DstMask) = (forward.DstMask, forward.SrcMask);
        (r.SrcMac, r.DstMac) = (forward.DstMac, forward.SrcMac);
        (r.SrcVlan, r.DstVlan) = (forward.DstVlan, forward.SrcVlan);
        if (forward.Protocol is 1 or 58)
        {
            r.DstPort = forward.DstPort; // an ICMP type/code is not a port to swap
            r.SrcPort = 0;
        }
        return r;
    }

    [Flags]
    private enum Has : byte
    {
        Bytes = 1,
        Packets = 2,
        Reverse = 4,
        ReverseBytes = 8,
        ReversePackets = 16,
        ReverseTcpFlags = 32,
        SamplerId = 64,
    }
}
