using System.Net;
using FlowViz.Collector.Statistics;
using Microsoft.Extensions.Logging;

namespace FlowViz.Collector.Replication;

/// <summary>
/// Forwards every received datagram, byte for byte, to each configured receiver (pmacct's tee). The receive
/// loops call <see cref="Replicate"/>, which only copies and queues; the sending happens on one task per receiver.
/// </summary>
internal sealed class DatagramReplicator
{
    private readonly ReplicaSender[] _senders;

    private DatagramReplicator(ReplicaSender[] senders) => _senders = senders;

    /// <summary>Null when no receiver is configured, so the receive loop pays nothing for the feature.</summary>
    public static DatagramReplicator? Create(
        CollectorOptions options,
        IReadOnlyList<IPEndPoint> listening,
        Func<IPEndPoint, IReplicaTransport> connect,
        CollectorStatistics statistics,
        TimeProvider time,
        ILogger logger)
    {
        if (options.ReplicatePreserveExporterAddress)
        {
            throw new InvalidOperationException(
                $"{CollectorOptions.SectionName}:ReplicatePreserveExporterAddress is not supported: sending with the exporter's source " +
                "address needs raw sockets and CAP_NET_RAW (pmacct's tee_transparent). Replication sends from FlowViz's own address; " +
                "see Replication/README.md.");
        }
        var receivers = options.Replicate.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (receivers.Length == 0)
        {
            return null;
        }
        // Resolve every entry before opening any socket, so one bad entry fails start-up with nothing to clean up.
        var targets = receivers.Select(ReplicationTarget.Resolve).ToArray();
        for (var i = 0; i < receivers.Length; i++)
        {
            ReplicationLoopGuard.Check(receivers[i], targets[i], listening);
        }
        var senders = new List<ReplicaSender>(receivers.Length);
        for (var i = 0; i < receivers.Length; i++)
        {
            IReplicaTransport transport;
            try
            {
                transport = connect(targets[i]);
            }
            catch (System.Net.Sockets.SocketException e)
            {
                // E.g. an IPv6 receiver on a host without IPv6. The senders already started end with their empty queues.
                _ = new DatagramReplicator([.. senders]).StopAsync();
                throw new InvalidOperationException(
                    $"{CollectorOptions.SectionName}:Replicate entry '{receivers[i]}': cannot open a UDP socket to {targets[i]}: {e.Message}", e);
            }
            senders.Add(new ReplicaSender(transport, options.ReplicateQueueCapacity, statistics.Replica(receivers[i]), time, logger));
        }
        return new DatagramReplicator([.. senders]);
    }

    public void Replicate(ReadOnlySpan<byte> datagram)
    {
        foreach (var sender in _senders)
        {
            sender.Offer(datagram);
        }
    }

    /// <summary>After the receive loops have stopped: sends what is queued and closes the sockets.</summary>
    public Task StopAsync() => Task.WhenAll(_senders.Select(s => s.StopAsync()));
}
