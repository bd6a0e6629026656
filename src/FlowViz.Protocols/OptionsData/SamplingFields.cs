using FlowViz.Protocols.NetFlow9;

namespace FlowViz.Protocols.OptionsData;

/// <summary>
/// The sampling information elements of one record (flow or options), collected while it is read and
/// turned into a "1 in N" rate once the record is complete, since some rates need two fields.
/// </summary>
internal struct SamplingFields
{
    private ulong _interval;
    private ulong _packetInterval;
    private ulong _packetSpace;
    private ulong _size;
    private ulong _population;

    /// <summary>Whether <paramref name="kind"/> is a sampling field; if so its value is kept.</summary>
    public bool TryRead(TemplateFieldKind kind, ulong value)
    {
        switch (kind)
        {
            // samplingInterval (34) and samplerRandomInterval (50): "one out of N" directly.
            case TemplateFieldKind.SamplingInterval: _interval = value; return true;
            case TemplateFieldKind.SamplingPacketInterval: _packetInterval = value; return true;
            case TemplateFieldKind.SamplingPacketSpace: _packetSpace = value; return true;
            case TemplateFieldKind.SamplingSize: _size = value; return true;
            case TemplateFieldKind.SamplingPopulation: _population = value; return true;
            default: return false;
        }
    }

    /// <summary>
    /// The rate N of "1 in N", or 0 when the record says nothing usable. RFC 5477 §8.2.2/§8.2.3:
    /// systematic count-based sampling selects samplingPacketInterval packets then skips
    /// samplingPacketSpace, so N = (interval + space) / interval; random n-out-of-N sampling selects
    /// samplingSize of samplingPopulation packets, so N = population / size.
    /// </summary>
    public readonly uint Rate
    {
        get
        {
            if (_interval > 0)
            {
                return Clamp(_interval);
            }
            if (_packetInterval > 0)
            {
                return Clamp((_packetInterval + Math.Min(_packetSpace, uint.MaxValue)) / _packetInterval);
            }
            if (_size > 0 && _population > 0)
            {
                return Clamp(_population / _size);
            }
            return 0;
        }
    }

    private static uint Clamp(ulong rate) => (uint)Math.Clamp(rate, 1UL, uint.MaxValue);
}
