using System.Collections.Concurrent;
using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;

namespace FlowViz.Protocols.OptionsData;

/// <summary>
/// Sampler rates and clock facts learnt from options data, per (exporter, protocol, observation domain),
/// shared by the v9 and IPFIX decoders. Thread-safe. Like templates (<see cref="TemplateCache"/>), a
/// domain's options are forgotten when no options record refreshed them within <see cref="Expiry"/>:
/// exporters resend options data on a timer (Cisco Flexible NetFlow every 10 minutes by default,
/// softflowd with its templates), so options that stop coming describe a sampler that was reconfigured
/// or an exporter that went away, and a collector must not apply a stale rate forever. Expired domains
/// are removed when looked up, and swept whenever the number of domains has doubled since the last sweep,
/// so addresses that send options once cannot grow the cache without bound.
/// </summary>
public sealed class ExporterOptionsCache
{
    private const int FirstSweepAt = 64;

    private readonly ConcurrentDictionary<DomainKey, ExporterDomainOptions> _domains = new();
    private readonly TimeProvider _timeProvider;
    private long _changes;
    private int _count;
    private int _sweepAt = FirstSweepAt;

    /// <summary>A cache on the system clock with the templates' default expiry (<see cref="TemplateCache.DefaultExpiry"/>).</summary>
    public ExporterOptionsCache()
        : this(TimeProvider.System)
    {
    }

    /// <param name="timeProvider">The clock options age by.</param>
    /// <param name="expiry">How long options stay known without being resent; <see cref="TemplateCache.DefaultExpiry"/> by default.</param>
    public ExporterOptionsCache(TimeProvider timeProvider, TimeSpan? expiry = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (expiry is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(expiry));
        }
        _timeProvider = timeProvider;
        Expiry = expiry ?? TemplateCache.DefaultExpiry;
    }

    public TimeSpan Expiry { get; }

    /// <summary>How many times options data changed a sampler rate or a system init time (see <see cref="NetFlow9.TemplateCache.Changes"/>).</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>Domains that have sent sampler or clock options, expired ones included until they are looked up or swept.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The options known for a domain, or null when none arrived or they expired; does not allocate.</summary>
    public ExporterDomainOptions? Find(FlowAddress exporter, FlowProtocol protocol, uint observationDomainId) =>
        Find(exporter, protocol, observationDomainId, null);

    /// <summary>
    /// As <see cref="Find(FlowAddress, FlowProtocol, uint)"/>, against a clock reading the caller took for its
    /// datagram when it reads the same clock (<see cref="Clock"/>). Most exporters send no sampler options:
    /// then nothing is hashed and the clock is not read.
    /// </summary>
    internal ExporterDomainOptions? Find(FlowAddress exporter, FlowProtocol protocol, uint observationDomainId, long? nowTicks)
    {
        if (Volatile.Read(ref _count) == 0)
        {
            return null;
        }
        var key = new DomainKey(exporter, protocol, observationDomainId);
        if (!_domains.TryGetValue(key, out var options))
        {
            return null;
        }
        if (IsExpired(options, nowTicks ?? NowTicks))
        {
            Remove(key, options);
            return null;
        }
        return options;
    }

    /// <summary>
    /// The options of a domain, created on first use and replaced when expired; called when an options
    /// record arrives, so it also marks them as refreshed.
    /// </summary>
    public ExporterDomainOptions GetOrAdd(FlowAddress exporter, FlowProtocol protocol, uint observationDomainId)
    {
        var now = NowTicks;
        var key = new DomainKey(exporter, protocol, observationDomainId);
        if (_domains.TryGetValue(key, out var known) && !IsExpired(known, now))
        {
            known.Refresh(now);
            return known;
        }
        var created = new ExporterDomainOptions(this);
        created.Refresh(now);
        if (known is not null && _domains.TryUpdate(key, created, known))
        {
            return created; // an expired domain starts again from nothing
        }
        var options = _domains.GetOrAdd(key, created);
        if (ReferenceEquals(options, created) && Interlocked.Increment(ref _count) >= Volatile.Read(ref _sweepAt))
        {
            Sweep(now);
        }
        return options;
    }

    /// <summary>Forgets expired domains; a collector may call this periodically, as it does <see cref="TemplateCache.RemoveExpired"/>.</summary>
    public int RemoveExpired() => Sweep(NowTicks);

    /// <summary>The clock options age by; decoders share one reading per datagram when the template cache reads the same.</summary>
    internal TimeProvider Clock => _timeProvider;

    internal void NoteChange() => Interlocked.Increment(ref _changes);

    private long NowTicks => _timeProvider.GetUtcNow().UtcTicks;

    private bool IsExpired(ExporterDomainOptions options, long nowTicks) => nowTicks - options.RefreshedTicks > Expiry.Ticks;

    private int Sweep(long nowTicks)
    {
        var removed = 0;
        foreach (var pair in _domains)
        {
            if (IsExpired(pair.Value, nowTicks) && Remove(pair.Key, pair.Value))
            {
                removed++;
            }
        }
        // Next sweep when the live domains have doubled: amortised O(1) per added domain.
        Volatile.Write(ref _sweepAt, Math.Max(FirstSweepAt, 2 * Volatile.Read(ref _count)));
        return removed;
    }

    private bool Remove(DomainKey key, ExporterDomainOptions options)
    {
        if (!_domains.TryRemove(new KeyValuePair<DomainKey, ExporterDomainOptions>(key, options)))
        {
            return false;
        }
        Interlocked.Decrement(ref _count);
        return true;
    }

    private readonly record struct DomainKey(FlowAddress Exporter, FlowProtocol Protocol, uint ObservationDomainId);
}
