using System.Collections.Concurrent;

namespace FlowViz.Protocols.OptionsData;

/// <summary>
/// What options data told us about one exporter's observation domain (v9 source ID): its samplers'
/// rates and its system init time. Looked up once per data set, then read per record without allocating.
/// </summary>
public sealed class ExporterDomainOptions(ExporterOptionsCache? owner = null)
{
    private readonly ConcurrentDictionary<ulong, uint> _samplers = new();
    private long _systemInitTimeMs = -1;
    private uint _latestRate;

    /// <summary>The rate of the sampler most recently announced; 0 when none was.</summary>
    public uint LatestSamplingRate => Volatile.Read(ref _latestRate);

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

    internal void SetSampler(ulong samplerId, uint rate)
    {
        if (!_samplers.TryGetValue(samplerId, out var known) || known != rate)
        {
            owner?.NoteChange();
        }
        _samplers[samplerId] = rate;
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
