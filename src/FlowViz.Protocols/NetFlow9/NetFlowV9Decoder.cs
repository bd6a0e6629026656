using FlowViz.Core.Flows;
using FlowViz.Protocols.OptionsData;

namespace FlowViz.Protocols.NetFlow9;

/// <summary>
/// Decodes NetFlow v9 export packets (RFC 3954): templates and options templates go to the
/// <see cref="TemplateCache"/>, data FlowSets are decoded with them into flow records. One instance
/// serves all exporters; it is thread-safe as long as each exporter's packets arrive on one thread
/// at a time (template order within an exporter matters). Allocates only when a template is new or
/// changed.
/// </summary>
public sealed partial class NetFlowV9Decoder
{
    /// <summary>RFC 3954 §5.1: version, count, sysUptime, unix_secs, package sequence, source ID.</summary>
    public const int HeaderLength = 20;

    public const ushort Version = 9;

    private const ushort TemplateFlowSetId = 0;
    private const ushort OptionsTemplateFlowSetId = 1;
    private const ushort MinDataFlowSetId = 256;

    private readonly TemplateCache _templates;
    private readonly ExporterOptionsCache _options;

    public NetFlowV9Decoder(TemplateCache templates)
        : this(templates, new ExporterOptionsCache(templates?.Clock ?? TimeProvider.System, templates?.Expiry))
    {
    }

    /// <param name="templates">Where templates are kept.</param>
    /// <param name="options">Where sampler rates from options data are kept (shared with IPFIX).</param>
    public NetFlowV9Decoder(TemplateCache templates, ExporterOptionsCache options)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(options);
        _templates = templates;
        _options = options;
    }

    public TemplateCache Templates => _templates;

    /// <summary>Sampler rates learnt from options data.</summary>
    public ExporterOptionsCache Options => _options;

    /// <summary>
    /// Decodes one export packet. FlowSets are walked by their declared lengths, not by the header's
    /// count: exporters disagree on what count counts (softflowd 1.1.0 counts data records only, while
    /// RFC 3954 §5.1 says all records), so it is not trusted. On a malformed or truncated FlowSet the
    /// rest of the packet is abandoned; flows already emitted stay emitted.
    /// </summary>
    public DecodeResult Decode(ReadOnlySpan<byte> datagram, in DatagramContext context, IFlowRecordSink sink)
    {
        var reader = new FlowReader(datagram);
        if (!reader.TryReadUInt16(out var version)
            | !reader.TryReadUInt16(out _)
            | !reader.TryReadUInt32(out var sysUptime)
            | !reader.TryReadUInt32(out var unixSecs)
            | !reader.TryReadUInt32(out var packageSequence)
            | !reader.TryReadUInt32(out var sourceId))
        {
            return DecodeResult.Failed(DecodeStatus.Truncated);
        }
        if (version != Version)
        {
            return DecodeResult.Failed(DecodeStatus.UnsupportedVersion);
        }

        var packet = new NetFlowV9Packet(context, sourceId,
            ExportClock.ForHeader(ExportClock.FromUnixSeconds(unixSecs), sysUptime, context.ReceivedUtc));
        var lookups = new DatagramLookups(_templates, _options, _templates.NowTicks);
        var status = DecodeStatus.Ok;
        var flows = 0;
        var missing = 0;
        while (reader.Remaining > 0 && status is DecodeStatus.Ok or DecodeStatus.MissingTemplate)
        {
            var setStatus = ReadFlowSet(ref reader, packet, ref lookups, sink, ref flows, ref missing);
            status = DecodeStatusOrder.Worst(status, setStatus);
        }
        // §5.1: the package sequence counts export packets per source ID, whatever they carry.
        return new DecodeResult(status, flows, missing)
        {
            Sequence = new ExportSequence(FlowProtocol.NetFlowV9, sourceId, packageSequence, 1),
        };
    }

    private DecodeStatus ReadFlowSet(ref FlowReader reader, in NetFlowV9Packet packet, ref DatagramLookups lookups,
        IFlowRecordSink sink, ref int flows, ref int missing)
    {
        if (reader.Remaining < 4)
        {
            // Up to 3 zero bytes after the last FlowSet are padding some exporters add to the packet.
            return reader.UnreadSpan.ContainsAnyExcept((byte)0) ? DecodeStatus.Truncated : SkipRest(ref reader);
        }
        reader.TryReadUInt16(out var flowSetId);
        reader.TryReadUInt16(out var length);
        if (length < 4)
        {
            return DecodeStatus.Malformed; // the length includes the 4-byte FlowSet header (§5.2)
        }
        if (!reader.TryReadReader(length - 4, out var set))
        {
            return DecodeStatus.Truncated;
        }
        switch (flowSetId)
        {
            case TemplateFlowSetId:
                lookups.Forget();
                return ReadTemplateFlowSet(ref set, packet);
            case OptionsTemplateFlowSetId:
                lookups.Forget();
                return ReadOptionsTemplateFlowSet(ref set, packet);
            case >= MinDataFlowSetId when lookups.Template(packet.KeyFor(flowSetId)) is { } template:
                flows += ReadDataFlowSet(set.UnreadSpan, template, packet, ref lookups, sink);
                return DecodeStatus.Ok;
            case >= MinDataFlowSetId:
                missing++; // exporters resend templates; data first is expected after a restart
                return DecodeStatus.MissingTemplate;
            default:
                return DecodeStatus.Malformed; // 2..255 are reserved (§5.1)
        }
    }

    private static DecodeStatus SkipRest(ref FlowReader reader)
    {
        reader.TryReadSpan(reader.Remaining, out _);
        return DecodeStatus.Ok;
    }
}
