using FlowViz.Core.Flows;
using FlowViz.Protocols;

namespace FlowViz.Collector.Statistics;

/// <summary>
/// What one exporter has sent, in the spirit of <c>softflowctl statistics</c>. Updated by the one decoder
/// that owns the exporter and read by anyone, so fields are written with <see cref="Interlocked"/>.
/// </summary>
public sealed class ExporterCounters(FlowAddress exporter)
{
    private static readonly int StatusCount = Enum.GetValues<DecodeStatus>().Length;

    private readonly long[] _datagramsByStatus = new long[StatusCount];
    private long _flows;
    private long _missingTemplateSets;
    private long _lastSeenTicks;

    public FlowAddress Exporter { get; } = exporter;

    internal void Record(in DecodeResult result, DateTime receivedUtc)
    {
        Interlocked.Increment(ref _datagramsByStatus[(int)result.Status]);
        Interlocked.Add(ref _flows, result.FlowCount);
        Interlocked.Add(ref _missingTemplateSets, result.MissingTemplateSets);
        Interlocked.Exchange(ref _lastSeenTicks, receivedUtc.Ticks);
    }

    public ExporterSnapshot Snapshot()
    {
        var byStatus = new Dictionary<DecodeStatus, long>();
        foreach (var status in Enum.GetValues<DecodeStatus>())
        {
            byStatus[status] = Interlocked.Read(ref _datagramsByStatus[(int)status]);
        }
        var lastSeen = Interlocked.Read(ref _lastSeenTicks);
        return new ExporterSnapshot(
            Exporter,
            byStatus.Values.Sum(),
            Interlocked.Read(ref _flows),
            Interlocked.Read(ref _missingTemplateSets),
            byStatus,
            lastSeen == 0 ? null : new DateTime(lastSeen, DateTimeKind.Utc));
    }
}
