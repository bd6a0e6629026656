namespace FlowViz.Generator.Load;

/// <summary>
/// Sends demo-model flows as real NetFlow v5/v9 or IPFIX datagrams at a target rate, round-robin over K exporters, on the
/// calling thread (one core), and reports exactly what it sent. Paced by a token bucket checked once per
/// batch of one datagram per exporter, so the clock is read far less often than a datagram is sent. The demo
/// model's day/night rhythm is not applied: a benchmark wants a flat offered rate.
/// </summary>
public sealed class LoadGenerator(LoadGeneratorOptions options)
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs until the flow budget is sent, the duration is over, or <paramref name="cancellationToken"/> fires.</summary>
    public LoadReport Run(CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Exporters, 1);
        var now = DateTime.UtcNow;
        var exporters = Enumerable.Range(0, options.Exporters).Select(i => new LoadExporter(i, options, now)).ToList();
        var bucket = new TokenBucket(options.FlowsPerSecond, options.Duration);
        var budget = options.FlowBudget;
        var batch = (long)options.Exporters * FlowsPerDatagram(options);
        long sent = 0;
        try
        {
            while (sent < budget && !cancellationToken.IsCancellationRequested)
            {
                // Read before the budget: the batch that notices the end still sends the budget's last flows.
                var expired = bucket.Expired;
                var allowed = Math.Min(budget, bucket.Allowed());
                // Wait for a full datagram per exporter (the end of the run excepted): sending whatever the bucket
                // holds each time would make datagrams of 2–3 flows, a packet rate no real exporter has.
                var wanted = Math.Min(budget, sent + batch);
                if (allowed < wanted && !expired)
                {
                    bucket.WaitFor(wanted);
                    continue;
                }
                if (allowed <= sent)
                {
                    break;
                }
                now = DateTime.UtcNow;
                foreach (var exporter in exporters)
                {
                    var room = allowed - sent;
                    if (room <= 0)
                    {
                        break;
                    }
                    sent += exporter.SendOne((int)Math.Min(room, int.MaxValue), now);
                }
                // A sender that fell behind catches up for at most 50 ms: the duration bounds every run.
                if (expired && bucket.Elapsed > options.Duration + CatchUp)
                {
                    break;
                }
            }
            return new LoadReport(Name(options.Protocol), options.Target.ToString(), bucket.Elapsed,
                [.. exporters.Select(e => e.Tally())]);
        }
        finally
        {
            exporters.ForEach(e => e.Dispose());
        }
    }

    /// <summary>IPv4 flows that fill one datagram (IPv6 records are larger: those datagrams carry fewer).</summary>
    internal static int FlowsPerDatagram(LoadGeneratorOptions options) => options.Protocol switch
    {
        LoadProtocol.NetFlowV5 => 30,
        // Header, a data FlowSet/Set header, then 85-byte v9 or 93-byte IPFIX IPv4 records.
        LoadProtocol.NetFlowV9 => Math.Max(1, (options.DatagramSize - 24) / 85),
        _ => Math.Max(1, (options.DatagramSize - 20) / 93),
    };

    /// <summary>The protocol's name as the command line spells it.</summary>
    public static string Name(LoadProtocol protocol) => protocol switch
    {
        LoadProtocol.NetFlowV5 => "netflow5",
        LoadProtocol.Ipfix => "ipfix",
        _ => "netflow9",
    };
}
