using FlowViz.Core.Flows;
using System.Collections.Concurrent;

namespace FlowViz.Protocols.NetFlow9;

/// <summary>
/// Templates received from all exporters, keyed by <see cref="TemplateKey"/>. Thread-safe: different
/// exporters are decoded on different threads. A template not refreshed (resent) within
/// <see cref="Expiry"/> is forgotten, as RFC 3954 §5.2 expects collectors to do after an exporter
/// restart or reconfiguration; a template resent with different fields replaces the old one.
/// </summary>
public sealed class TemplateCache
{
    /// <summary>Default expiry: softflowd and most routers resend templates every few minutes at most.</summary>
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<TemplateKey, Entry> _entries = new();
    private readonly TimeProvider _timeProvider;
    private long _changes;

    public TemplateCache(TimeProvider timeProvider, TimeSpan? expiry = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        Expiry = expiry ?? DefaultExpiry;
    }

    public TimeSpan Expiry { get; }

    /// <summary>
    /// How many times a template was added, replaced or withdrawn: a datagram that moved it taught the
    /// collector something worth keeping across a restart (see the collector's template journal).
    /// </summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>Templates currently held, expired ones included until they are looked up or purged.</summary>
    public int Count => _entries.Count;

    /// <summary>Unexpired templates of one exporter (data and options, every protocol and domain); a scan, for reports.</summary>
    public int CountFor(FlowAddress exporter)
    {
        var now = Now;
        return _entries.Count(pair => pair.Key.Exporter == exporter && !IsExpired(pair.Value, now));
    }

    /// <summary>The template for <paramref name="key"/>, or null if none was received or it expired.</summary>
    public NetFlowV9Template? Find(in TemplateKey key) => Find(key, NowTicks);

    /// <summary>
    /// As <see cref="Find(in TemplateKey)"/>, against a clock reading the caller took once per datagram:
    /// TimeProvider.System costs ~160 ns a reading on our kvm-clock VMs, more than decoding a record, and
    /// softflowd sends one record per FlowSet.
    /// </summary>
    internal NetFlowV9Template? Find(in TemplateKey key, long nowTicks)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }
        if (IsExpired(entry, nowTicks))
        {
            _entries.TryRemove(new KeyValuePair<TemplateKey, Entry>(key, entry));
            return null;
        }
        return entry.Template;
    }

    /// <summary>
    /// Marks the template as resent when <paramref name="definition"/> matches the one held (the common
    /// case: exporters resend unchanged templates periodically). False when absent or changed: the caller
    /// compiles the new definition and calls <see cref="Set"/>.
    /// </summary>
    public bool TryRefresh(in TemplateKey key, ReadOnlySpan<byte> definition)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Template.Matches(definition))
        {
            Volatile.Write(ref entry.RefreshedTicks, Now);
            return true;
        }
        return false;
    }

    /// <summary>Adds or replaces the template for <paramref name="key"/>.</summary>
    public void Set(in TemplateKey key, NetFlowV9Template template)
    {
        _entries[key] = new Entry(template, Now);
        Interlocked.Increment(ref _changes);
    }

    /// <summary>Forgets one template (IPFIX Template Withdrawal, RFC 7011 §8.1).</summary>
    public bool Remove(in TemplateKey key)
    {
        var removed = _entries.TryRemove(key, out _);
        Interlocked.Add(ref _changes, removed ? 1 : 0);
        return removed;
    }

    /// <summary>
    /// Forgets every data template, or every options template, of one exporter's observation domain
    /// (IPFIX "All Data Templates Withdrawal", RFC 7011 §8.1). Rare, so a scan is fine.
    /// </summary>
    public int RemoveAll(FlowAddress exporter, FlowProtocol protocol, uint observationDomainId, bool options)
    {
        var removed = 0;
        foreach (var pair in _entries)
        {
            var key = pair.Key;
            if (key.Exporter == exporter && key.Protocol == protocol && key.ObservationDomainId == observationDomainId
                && pair.Value.Template.IsOptions == options && _entries.TryRemove(pair))
            {
                removed++;
            }
        }
        Interlocked.Add(ref _changes, removed);
        return removed;
    }

    /// <summary>Forgets expired templates; the collector may call this periodically to bound memory.</summary>
    public int RemoveExpired()
    {
        var now = Now;
        var removed = 0;
        foreach (var pair in _entries)
        {
            if (IsExpired(pair.Value, now) && _entries.TryRemove(pair))
            {
                removed++;
            }
        }
        return removed;
    }

    /// <summary>The expiry clock, in UTC ticks.</summary>
    internal long NowTicks => _timeProvider.GetUtcNow().UtcTicks;

    /// <summary>The clock templates age by (options data ages by the same one when the decoder built both caches).</summary>
    internal TimeProvider Clock => _timeProvider;

    private long Now => NowTicks;

    private bool IsExpired(Entry entry, long now) => now - Volatile.Read(ref entry.RefreshedTicks) > Expiry.Ticks;

    private sealed class Entry(NetFlowV9Template template, long refreshedTicks)
    {
        public readonly NetFlowV9Template Template = template;
        public long RefreshedTicks = refreshedTicks;
    }
}
