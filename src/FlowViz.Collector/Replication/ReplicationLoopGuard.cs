using System.Net;
using System.Net.NetworkInformation;

namespace FlowViz.Collector.Replication;

/// <summary>
/// Refuses a receiver that is one of the collector's own listeners: every copy would be received, decoded and
/// replicated again, forever, multiplying the traffic until the queues drop it. (A loop through another
/// collector that replicates back cannot be seen from here.)
/// </summary>
internal static class ReplicationLoopGuard
{
    public static void Check(string receiver, IPEndPoint target, IReadOnlyList<IPEndPoint> listening)
    {
        var address = Normalize(target.Address);
        foreach (var listener in listening.Where(l => l.Port == target.Port))
        {
            var bound = Normalize(listener.Address);
            var any = bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any);
            if (bound.Equals(address) || (any && IsOwnAddress(address)))
            {
                throw new InvalidOperationException(
                    $"{CollectorOptions.SectionName}:Replicate entry '{receiver}' is the collector's own listener {listener}: " +
                    "every datagram would be replicated back to itself forever.");
            }
        }
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool IsOwnAddress(IPAddress address) =>
        IPAddress.IsLoopback(address)
        || NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Any(u => Normalize(u.Address).Equals(address));
}
