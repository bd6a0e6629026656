using System.Collections.Concurrent;
using FlowViz.Core.Flows;

namespace FlowViz.Protocols.OptionsData;

/// <summary>
/// Sampler rates and clock facts learnt from options data, per (exporter, protocol, observation domain),
/// shared by the v9 and IPFIX decoders. Thread-safe. Entries are few (one per exporter domain) and are
/// replaced, not accumulated, as exporters resend their options, so nothing expires them.
/// </summary>
public sealed class ExporterOptionsCache
{
    private readonly ConcurrentDictionary<DomainKey, ExporterDomainOptions> _domains = new();
    private long _changes;

    /// <summary>How many times options data changed a sampler rate or a system init time (see <see cref="NetFlow9.TemplateCache.Changes"/>).</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>Domains that have sent sampler or clock options.</summary>
    public int Count => _domains.Count;

    /// <summary>The options known for a domain, or null; does not allocate.</summary>
    public ExporterDomainOptions? Find(FlowAddress exporter, FlowProtocol protocol, uint observationDomainId) =>
        _domains.TryGetValue(new DomainKey(exporter, protocol, observationDomainId), out var options) ? options : null;

    /// <summary>The options of a domain, created on first use (when an options record arrives).</summary>
    public ExporterDomainOptions GetOrAdd(FlowAddress exporter, FlowProtocol protocol, uint observationDomainId) =>
        _domains.GetOrAdd(new DomainKey(exporter, protocol, observationDomainId), static (_, cache) => new ExporterDomainOptions(cache), this);

    internal void NoteChange() => Interlocked.Increment(ref _changes);

    private readonly record struct DomainKey(FlowAddress Exporter, FlowProtocol Protocol, uint ObservationDomainId);
}
