using System.Text;
using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;

namespace FlowViz.Protocols.OptionsData;

/// <summary>
/// The fields FlowViz reads from one options data record (v9 RFC 3954 §6.2, IPFIX RFC 7011 §3.4.2.2),
/// collected field by field and then applied: a sampler rate and system init time go to the
/// <see cref="ExporterOptionsCache"/>, an interface name to the sink if it is an <see cref="IExporterOptionsSink"/>.
/// </summary>
internal ref struct OptionsRecord
{
    private SamplingFields _sampling;
    private ulong _samplerId;
    private ulong _systemInitTimeMs;
    private bool _hasSystemInitTime;
    private uint _ifIndex;
    private bool _hasIfIndex;
    private ReadOnlySpan<byte> _name;
    private ReadOnlySpan<byte> _description;

    public void Read(TemplateFieldKind kind, ReadOnlySpan<byte> value)
    {
        switch (kind)
        {
            case TemplateFieldKind.InterfaceName: _name = value; return;
            case TemplateFieldKind.InterfaceDescription: _description = value; return;
        }
        if (value.Length is 0 or > 8)
        {
            return;
        }
        var number = FlowReader.ReadUnsigned(value);
        if (_sampling.TryRead(kind, number))
        {
            return;
        }
        switch (kind)
        {
            case TemplateFieldKind.SamplerId: _samplerId = number; break;
            case TemplateFieldKind.SystemInitTime: _systemInitTimeMs = number; _hasSystemInitTime = true; break;
            // v9 scope "Interface" (RFC 3954 §6.1 scope type 2) and IPFIX ingressInterface (10) as scope.
            case TemplateFieldKind.InputInterface: _ifIndex = (uint)number; _hasIfIndex = true; break;
        }
    }

    /// <summary>
    /// Records what this options record announced. A sampler without an ID (v9 scope System or
    /// Interface with SAMPLING_INTERVAL) is kept as sampler 0.
    /// </summary>
    public readonly void Apply(ExporterOptionsCache cache, IFlowRecordSink sink, FlowAddress exporter,
        FlowProtocol protocol, uint observationDomainId)
    {
        var rate = _sampling.Rate;
        if (rate > 0 || _hasSystemInitTime)
        {
            var domain = cache.GetOrAdd(exporter, protocol, observationDomainId);
            if (rate > 0)
            {
                domain.SetSampler(_samplerId, rate);
            }
            if (_hasSystemInitTime)
            {
                domain.SetSystemInitTime(_systemInitTimeMs);
            }
        }
        if (_hasIfIndex && !_name.IsEmpty && sink is IExporterOptionsSink options)
        {
            var description = Text(_description);
            options.InterfaceName(exporter, observationDomainId, _ifIndex, Text(_name),
                description.Length > 0 ? description : null);
        }
    }

    // v9 strings are fixed-length and NUL-padded; IPFIX strings are UTF-8 (RFC 7011 §6.1.6).
    private static string Text(ReadOnlySpan<byte> value)
    {
        var end = value.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end >= 0 ? value[..end] : value);
    }
}
