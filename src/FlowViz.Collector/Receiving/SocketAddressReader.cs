using System.Net;
using System.Net.Sockets;
using FlowViz.Core.Flows;

namespace FlowViz.Collector.Receiving;

/// <summary>
/// Reads the sender of a datagram out of a reused <see cref="SocketAddress"/> without allocating an
/// <see cref="System.Net.IPEndPoint"/> per datagram. Layouts are the OS sockaddr_in / sockaddr_in6:
/// family (2), port (2), then the IPv4 address at offset 4, or flowinfo (4) and the IPv6 address at offset 8.
/// </summary>
internal static class SocketAddressReader
{
    public static FlowAddress ReadAddress(SocketAddress address)
    {
        var bytes = address.Buffer.Span;
        return address.Family switch
        {
            AddressFamily.InterNetwork => FlowAddress.FromIPv4(bytes.Slice(4, 4)),
            AddressFamily.InterNetworkV6 => FlowAddress.FromIPv6(bytes.Slice(8, 16)),
            _ => FlowAddress.None,
        };
    }
}
