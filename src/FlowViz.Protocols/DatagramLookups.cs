using System.Runtime.CompilerServices;
using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;
using FlowViz.Protocols.OptionsData;

namespace FlowViz.Protocols;

/// <summary>
/// The template and options-domain lookups of one v9 packet or IPFIX message, remembered for the rest of
/// it. softflowd sends one record per set, so a datagram of 22 flows made 22 template and 22 options
/// lookups in concurrent dictionaries, each hashing a 24-byte key: more than decoding the record. Within
/// one datagram the exporter, protocol and domain are fixed and the expiry clock is read once, so a
/// template ID found once stays found; a template or options record in the same datagram may change
/// what is known, and the decoder calls <see cref="Forget"/> after one.
/// </summary>
internal struct DatagramLookups(TemplateCache templates, ExporterOptionsCache options, long templateClockTicks)
{
    private RecentTemplates _recent;
    private int _next;
    private ExporterDomainOptions? _domain;
    private bool _domainLooked;

    /// <summary>The template for <paramref name="key"/> (always of this datagram's exporter and domain), or null.</summary>
    public NetFlowV9Template? Template(in TemplateKey key)
    {
        // Four entries cover softflowd's templates (TCP/UDP and ICMP, each for IPv4 and IPv6) and a router's few.
        for (var i = 0; i < RecentTemplates.Length; i++)
        {
            if (_recent[i] is { } recent && recent.TemplateId == key.TemplateId)
            {
                return recent;
            }
        }
        var template = templates.Find(key, templateClockTicks);
        if (template is not null)
        {
            _recent[_next] = template;
            _next = (_next + 1) % RecentTemplates.Length;
        }
        return template;
    }

    /// <summary>The samplers and init time options data announced for the datagram's domain, or null.</summary>
    public ExporterDomainOptions? Domain(FlowAddress exporter, FlowProtocol protocol, uint observationDomainId)
    {
        if (!_domainLooked)
        {
            // The template clock reading serves when both caches age by the same clock (as FlowDatagramDecoder builds them).
            _domain = options.Find(exporter, protocol, observationDomainId,
                ReferenceEquals(options.Clock, templates.Clock) ? templateClockTicks : null);
            _domainLooked = true;
        }
        return _domain;
    }

    /// <summary>A (options) template set or options data record was read: look everything up again.</summary>
    public void Forget()
    {
        _recent = default;
        _next = 0;
        _domain = null;
        _domainLooked = false;
    }

    [InlineArray(Length)]
    private struct RecentTemplates
    {
        public const int Length = 4;
        private NetFlowV9Template? _element;
    }
}
