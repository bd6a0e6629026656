using FlowViz.Core.Counters;
using FlowViz.Core.Flows;
using FlowViz.Protocols;

namespace FlowViz.Collector.Statistics;

/// <summary>
/// What one exporter has sent, in the spirit of <c>softflowctl statistics</c>. Updated by the one decoder
/// that owns the exporter and read by anyone: plain counters use <see cref="Interlocked"/>, the sequence
/// trackers and sampling rates sit behind a lock that only that decoder and readers ever take.
/// </summary>
public sealed class ExporterCounters(FlowAddress exporter)
{
    private static readonly int StatusCount = Enum.GetValues<DecodeStatus>().Length;

    private readonly long[] _datagramsByStatus = new long[StatusCount];
    private readonly Lock _lock = new();
    private readonly Dictionary<(FlowProtocol Protocol, uint Domain, bool Samples), SequenceTracker> _sequences = [];
    private readonly Dictionary<uint, long> _flowsBySamplingRate = [];
    private readonly Dictionary<(uint Domain, uint IfIndex), InterfaceSnapshot> _interfaces = [];
    private long _counterSamples;
    private long _flows;
    private long _bytes;
    private long _packets;
    private long _missingTemplateSets;
    private long _lastSeenTicks;

    public FlowAddress Exporter { get; } = exporter;

    internal void Record(in DecodeResult result, DateTime receivedUtc, in DatagramTally tally)
    {
        Interlocked.Increment(ref _datagramsByStatus[(int)result.Status]);
        Interlocked.Add(ref _flows, result.FlowCount);
        Interlocked.Add(ref _bytes, (long)tally.Bytes);
        Interlocked.Add(ref _packets, (long)tally.Packets);
        Interlocked.Add(ref _missingTemplateSets, result.MissingTemplateSets);
        Interlocked.Exchange(ref _lastSeenTicks, receivedUtc.Ticks);
        if (!result.Sequence.IsPresent && tally.SamplingRate == 0)
        {
            return;
        }
        lock (_lock)
        {
            if (result.Sequence is { IsPresent: true } sequence)
            {
                Tracker((sequence.Protocol, sequence.ObservationDomainId, false)).Observe(sequence.Number, sequence.Increment);
            }
            if (tally.SamplingRate != 0)
            {
                _flowsBySamplingRate[tally.SamplingRate] = _flowsBySamplingRate.GetValueOrDefault(tally.SamplingRate) + result.FlowCount;
            }
        }
    }

    /// <summary>An sFlow flow sample's sequence number, per data source: one sample per step.</summary>
    internal void RecordSampleSequence(uint sourceId, uint number)
    {
        lock (_lock)
        {
            Tracker((FlowProtocol.SFlowV5, sourceId, true)).Observe(number, 1);
        }
    }

    private SequenceTracker Tracker((FlowProtocol, uint, bool) key)
    {
        if (!_sequences.TryGetValue(key, out var tracker))
        {
            _sequences[key] = tracker = new SequenceTracker();
        }
        return tracker;
    }

    /// <summary>An interface name from options data; rare, so a lock and an allocation are fine.</summary>
    internal void RecordInterfaceName(uint domain, uint ifIndex, string name, string? description)
    {
        lock (_lock)
        {
            var known = _interfaces.GetValueOrDefault((domain, ifIndex)) ?? Empty(domain, ifIndex);
            _interfaces[(domain, ifIndex)] = known with { Name = name, Description = description };
        }
    }

    /// <summary>An sFlow counter sample: the latest one per interface is kept.</summary>
    internal void RecordCounters(in InterfaceCounterRecord counters)
    {
        Interlocked.Increment(ref _counterSamples);
        lock (_lock)
        {
            var key = (counters.ObservationDomainId, counters.IfIndex);
            var known = _interfaces.GetValueOrDefault(key) ?? Empty(key.ObservationDomainId, key.IfIndex);
            _interfaces[key] = known with
            {
                SpeedBitsPerSecond = counters.IfSpeed,
                InOctets = counters.InOctets,
                OutOctets = counters.OutOctets,
                IsUp = counters.IsUp,
                CountersAtUtc = counters.TimeReceived,
            };
        }
    }

    private static InterfaceSnapshot Empty(uint domain, uint ifIndex) => new(domain, ifIndex, null, null, null, null, null, null, null);

    public ExporterSnapshot Snapshot()
    {
        var byStatus = Enum.GetValues<DecodeStatus>().ToDictionary(s => s, s => Interlocked.Read(ref _datagramsByStatus[(int)s]));
        var lastSeen = Interlocked.Read(ref _lastSeenTicks);
        List<SequenceSnapshot> sequences;
        Dictionary<uint, long> rates;
        List<InterfaceSnapshot> interfaces;
        lock (_lock)
        {
            interfaces = [.. _interfaces.Values.OrderBy(i => i.ObservationDomainId).ThenBy(i => i.IfIndex)];
            sequences = [.. _sequences.OrderBy(s => s.Key).Select(s => new SequenceSnapshot(
                s.Key.Protocol, s.Key.Domain, s.Key.Samples ? "samples" : ExportSequence.UnitOf(s.Key.Protocol),
                s.Value.Expected, s.Value.Received, s.Value.Lost, s.Value.LossRatio, s.Value.Reordered, s.Value.Resets))];
            rates = new Dictionary<uint, long>(_flowsBySamplingRate);
        }
        return new ExporterSnapshot(
            Exporter,
            byStatus.Values.Sum(),
            Interlocked.Read(ref _flows),
            Interlocked.Read(ref _packets),
            Interlocked.Read(ref _bytes),
            Interlocked.Read(ref _missingTemplateSets),
            byStatus,
            rates,
            sequences,
            Interlocked.Read(ref _counterSamples),
            interfaces,
            lastSeen == 0 ? null : new DateTime(lastSeen, DateTimeKind.Utc));
    }
}
