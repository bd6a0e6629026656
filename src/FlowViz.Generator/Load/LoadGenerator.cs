namespace FlowViz.Generator.Load;

/// <summary>
/// Sends demo-model flows as real NetFlow v5/v9 or IPFIX datagrams at a target rate, round-robin over K exporters, on the
/// calling thread (one core), and reports exactly what it sent. Paced by a token bucket checked once per
/// batch of one datagram per exporter, so the clock is read far less often than a datagram is sent. The demo
/// model's day/night rhythm is not applied: a benchmark wants a flat offered rate.
/// </summary>
public sealed class LoadGenerator(LoadGeneratorOptions options)
{
    /// <summary>Runs until the flow budget is sent, the duration is over, or <paramref name="cancellationToken"/> fires.</summary>
    public LoadReport Run(CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Exporters, 1);
        var now = DateTime.UtcNow;
        var exporters = Enumerable.Range(0, options.Exporters).Select(i => new LoadExporter(i, options, now)).ToList();
        var bucket = new TokenBucket(options.FlowsPerSecond, options.Duration);
        var budget = options.FlowBudget;
        long sent = 0;
        try
        {
            while (sent < budget && !cancellationToken.IsCancellationRequested)
            {
                // Read before the budget: the batch that notices the end still sends the budget's last flows.
                var expired = bucket.Expired;
                var allowed = Math.Min(budget, bucket.Allowed());
                if (allowed <= sent)
                {
                    if (expired)
                    {
                        break;
                    }
                    bucket.WaitFor(sent + 1);
                    continue;
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
                // A sender that fell behind does not run over time to catch up: the duration bounds every run.
                if (expired)
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

    /// <summary>The protocol's name as the command line spells it.</summary>
    public static string Name(LoadProtocol protocol) => protocol switch
    {
        LoadProtocol.NetFlowV5 => "netflow5",
        LoadProtocol.Ipfix => "ipfix",
        _ => "netflow9",
    };
}
