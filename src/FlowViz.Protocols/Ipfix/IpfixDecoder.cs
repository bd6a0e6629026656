using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;
using FlowViz.Protocols.OptionsData;

namespace FlowViz.Protocols.Ipfix;

/// <summary>
/// Decodes IPFIX Messages (RFC 7011): Template and Options Template Sets go to the shared
/// <see cref="TemplateCache"/> (keyed with <see cref="Core.Flows.FlowProtocol.Ipfix"/>), Data Sets are
/// decoded with them into flow records, options data feeds the <see cref="ExporterOptionsCache"/>.
/// Thread-safe as long as each exporter's messages arrive on one thread at a time. Allocates only when
/// a template is new or changed, or when an options record names an interface.
/// </summary>
public sealed partial class IpfixDecoder
{
    /// <summary>RFC 7011 §3.1: version, length, export time, sequence number, observation domain ID.</summary>
    public const int HeaderLength = 16;

    public const ushort Version = 10;

    private const ushort TemplateSetId = 2;
    private const ushort OptionsTemplateSetId = 3;
    private const ushort MinDataSetId = 256;

    private readonly TemplateCache _templates;
    private readonly ExporterOptionsCache _options;

    /// <param name="templates">Where templates are kept (may be shared with the v9 decoder).</param>
    /// <param name="options">Where sampler rates and init times from options data are kept.</param>
    public IpfixDecoder(TemplateCache templates, ExporterOptionsCache options)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(options);
        _templates = templates;
        _options = options;
    }

    public TemplateCache Templates => _templates;

    public ExporterOptionsCache Options => _options;

    /// <summary>
    /// Decodes one IPFIX Message. The message length in the header bounds the Sets (RFC 7011 §3.1);
    /// each Set is read with a reader bounded by its own length (§3.3.2). On a malformed or truncated Set
    /// the rest of the message is abandoned; flows already emitted stay emitted.
    /// </summary>
    public DecodeResult Decode(ReadOnlySpan<byte> datagram, in DatagramContext context, IFlowRecordSink sink)
    {
        var header = new FlowReader(datagram);
        if (!header.TryReadUInt16(out var version)
            | !header.TryReadUInt16(out var length)
            | !header.TryReadUInt32(out var exportSeconds)
            | !header.TryReadUInt32(out var sequenceNumber)
            | !header.TryReadUInt32(out var observationDomainId))
        {
            return DecodeResult.Failed(DecodeStatus.Truncated);
        }
        if (version != Version)
        {
            return DecodeResult.Failed(DecodeStatus.UnsupportedVersion);
        }
        if (length < HeaderLength)
        {
            return DecodeResult.Failed(DecodeStatus.Malformed);
        }
        if (length > datagram.Length)
        {
            return DecodeResult.Failed(DecodeStatus.Truncated);
        }

        var message = new IpfixMessage(context, ExportClock.FromUnixSeconds(exportSeconds), observationDomainId);
        var lookups = new DatagramLookups(_templates, _options, _templates.NowTicks);
        var reader = new FlowReader(datagram[HeaderLength..length]);
        var status = DecodeStatus.Ok;
        var flows = 0;
        var missing = 0;
        var records = 0;
        while (reader.Remaining > 0 && status is DecodeStatus.Ok or DecodeStatus.MissingTemplate)
        {
            status = DecodeStatusOrder.Worst(status, ReadSet(ref reader, message, ref lookups, sink, ref flows, ref missing, ref records));
        }
        // §3.1: the sequence number counts Data Records per observation domain. Records in a Set whose
        // template is unknown cannot be counted, so such a message leaves the increment unknown.
        var increment = missing == 0 && status == DecodeStatus.Ok ? (uint)records : ExportSequence.UnknownIncrement;
        return new DecodeResult(status, flows, missing)
        {
            Sequence = new ExportSequence(FlowProtocol.Ipfix, observationDomainId, sequenceNumber, increment),
        };
    }

    private DecodeStatus ReadSet(ref FlowReader reader, in IpfixMessage message, ref DatagramLookups lookups,
        IFlowRecordSink sink, ref int flows, ref int missing, ref int records)
    {
        if (!reader.TryReadUInt16(out var setId) | !reader.TryReadUInt16(out var length))
        {
            return DecodeStatus.Truncated;
        }
        if (length < 4)
        {
            return DecodeStatus.Malformed; // the length includes the 4-byte Set Header (§3.3.2)
        }
        if (!reader.TryReadReader(length - 4, out var set))
        {
            return DecodeStatus.Truncated;
        }
        switch (setId)
        {
            case TemplateSetId or OptionsTemplateSetId:
                lookups.Forget();
                return ReadTemplateSet(ref set, message, isOptions: setId == OptionsTemplateSetId);
            case >= MinDataSetId when lookups.Template(message.KeyFor(setId)) is { } template:
                return ReadDataSet(ref set, template, message, ref lookups, sink, ref flows, ref records);
            case >= MinDataSetId:
                missing++; // exporters resend templates (UDP, RFC 7011 §8.4); data first is expected
                return DecodeStatus.MissingTemplate;
            case 0 or 1:
                return DecodeStatus.Malformed; // "not used, for historical reasons" (§3.3.2)
            default:
                return DecodeStatus.Ok; // 4..255 are reserved for future use: skip, as §3.3.2 intends
        }
    }
}
