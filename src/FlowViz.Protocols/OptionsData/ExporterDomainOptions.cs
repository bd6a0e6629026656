using System.Collections.Concurrent;

namespace FlowViz.Protocols.OptionsData;

/// <summary>
/// What options data told us about one exporter's observation domain (v9 source ID): its samplers'
/// rates and its system init time. Looked up once per datagram, then read per record without allocating.
/// </summary>
public sealed class ExporterDomainOptions(ExporterOptionsCache? owner = null)
{
    /// <summary>
    /// Samplers remembered per domain. A router has a handful (Cisco allows one per interface and direction);
    /// the bound keeps an exporter that sends ever new sampler IDs from growing the cache. Beyond it a new
    /// sampler's rate is still the domain's latest rate, which records without a known sampler ID take.
    /// </summary>
    public const int MaxSamplers = 1024;

    private readonly ConcurrentDictionary<ulong, uint> _samplers = new();
    private long _systemInitTimeMs = -1;
    private long _refreshedTicks;
    private uint _latestRate;

    /// <summary>The rate of the sampler most recently announced; 0 when none was.</summary>
    public uint LatestSamplingRate => Volatile.Read(ref _latestRate);

    /// <summary>Samplers whose rates are remembered (at most <see cref="MaxSamplers"/>).</summary>
    public int SamplerCount => _samplers.Count;

    /// <summary>
    /// systemInitTimeMilliseconds (IPFIX IE 160), the base of flowStart/EndSysUpTime, when an options
    /// record carried it (softflowd sends it this way); null otherwise.
    /// </summary>
    public long? SystemInitTimeMs => Volatile.Read(ref _systemInitTimeMs) is >= 0 and var ms ? ms : null;

    /// <summary>
    /// The rate for a data record: its sampler's when it names one we know, otherwise the most recent
    /// sampler's (an exporter with one sampler rarely names it in every record); 0 when unknown.
    /// </summary>
    public uint RateFor(bool hasSamplerId, ulong samplerId) =>
        hasSamplerId && _samplers.TryGetValue(samplerId, out var rate) ? rate : LatestSamplingRate;

    /// <summary>When an options record last announced something for this domain (UTC ticks of the cache's clock).</summary>
    internal long RefreshedTicks => Volatile.Read(ref _refreshedTicks);

    internal void Refresh(long nowTicks) => Volatile.Write(ref _refreshedTicks, nowTicks);

    internal void SetSampler(ulong samplerId, uint rate)
    {
        var known = _samplers.TryGetValue(samplerId, out var knownRate);
        if (!known || knownRate != rate)
        {
            owner?.NoteChange();
        }
        if (known || _samplers.Count < MaxSamplers)
        {
            _samplers[samplerId] = rate;
        }
        Volatile.Write(ref _latestRate, rate);
    }

    internal void SetSystemInitTime(ulong milliseconds)
    {
        var value = (long)Math.Min(milliseconds, long.MaxValue);
        if (Interlocked.Exchange(ref _systemInitTimeMs, value) != value)
        {
            owner?.NoteChange();
        }
    }
}
