using System.Buffers.Binary;
using FlowViz.Protocols.Ipfix;
using FlowViz.Protocols.NetFlow5;
using FlowViz.Protocols.NetFlow9;
using FlowViz.Protocols.SFlow;

namespace FlowViz.Protocols;

/// <summary>
/// The collector's entry point: reads the version in a datagram's first two bytes and hands the
/// datagram to that format's decoder: NetFlow v5, NetFlow v9, IPFIX (version 10) and sFlow v5 (whose
/// first 32-bit word is 5). Thread-safe for different exporters on different
/// threads; one exporter's datagrams must be decoded in order on one thread at a time.
/// </summary>
public sealed class FlowDatagramDecoder
{
    private readonly NetFlowV9Decoder _netFlowV9;
    private readonly IpfixDecoder _ipfix;
    private readonly OptionsData.ExporterOptionsCache _options;

    /// <summary>Creates a decoder with its own template cache, expiring templates by <paramref name="timeProvider"/>.</summary>
    public FlowDatagramDecoder(TimeProvider timeProvider)
        : this(new TemplateCache(timeProvider))
    {
    }

    /// <summary>Creates a decoder over a template cache, with an options cache on the same clock and expiry.</summary>
    public FlowDatagramDecoder(TemplateCache templates)
        : this(templates, OptionsFor(templates))
    {
    }

    /// <summary>Creates a decoder over shared caches: v9 and IPFIX keep their templates and options apart by protocol.</summary>
    public FlowDatagramDecoder(TemplateCache templates, OptionsData.ExporterOptionsCache options)
    {
        _options = options;
        _netFlowV9 = new NetFlowV9Decoder(templates, options);
        _ipfix = new IpfixDecoder(templates, options);
    }

    /// <summary>The templates received so far (v9 and IPFIX), for diagnostics and periodic purging.</summary>
    public TemplateCache Templates => _netFlowV9.Templates;

    /// <summary>Sampler rates and init times from v9/IPFIX options data, for diagnostics and periodic purging.</summary>
    public OptionsData.ExporterOptionsCache Options => _options;

    /// <summary>
    /// Grows whenever a datagram added, changed or withdrew a template or changed sampler/clock options:
    /// compare it before and after <see cref="Decode"/> to know that a datagram taught something.
    /// </summary>
    public long DefinitionChanges => _netFlowV9.Templates.Changes + _options.Changes;

    /// <summary>
    /// Decodes one datagram, passing each flow to <paramref name="sink"/> as it is decoded. Never throws
    /// on bad input: the result says what went wrong and how many flows were emitted before it. A sink
    /// that also implements <see cref="IExporterOptionsSink"/> receives interface names from options data.
    /// </summary>
    public DecodeResult Decode(ReadOnlySpan<byte> datagram, in DatagramContext context, IFlowRecordSink sink)
    {
        if (datagram.Length < 2)
        {
            return DecodeResult.Failed(DecodeStatus.Truncated);
        }
        return BinaryPrimitives.ReadUInt16BigEndian(datagram) switch
        {
            // sFlow's version is a 32-bit XDR word (00 00 00 05), so its first 16 bits are 0, a value no
            // NetFlow/IPFIX version takes; NetFlow v5 starts 00 05 (then a record count of 1..30).
            0 => SFlowV5Decoder.Decode(datagram, context, sink),
            NetFlowV5Layout.Version => NetFlowV5Decoder.Decode(datagram, context, sink),
            NetFlowV9Decoder.Version => _netFlowV9.Decode(datagram, context, sink),
            IpfixDecoder.Version => _ipfix.Decode(datagram, context, sink),
            _ => DecodeResult.Failed(DecodeStatus.UnsupportedVersion),
        };
    }

    private static OptionsData.ExporterOptionsCache OptionsFor(TemplateCache templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        return new OptionsData.ExporterOptionsCache(templates.Clock, templates.Expiry);
    }
}
