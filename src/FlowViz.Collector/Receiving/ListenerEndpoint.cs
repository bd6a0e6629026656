using System.Globalization;
using System.Net;

namespace FlowViz.Collector.Receiving;

/// <summary>Parses the <c>Collector:Listen</c> entries ("[::]:2055", "0.0.0.0:9995", "2055").</summary>
public static class ListenerEndpoint
{
    public static bool TryParse(string text, out IPEndPoint endpoint)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= IPEndPoint.MaxPort)
        {
            endpoint = new IPEndPoint(IPAddress.IPv6Any, port);
            return true;
        }
        return IPEndPoint.TryParse(text, out endpoint!) && text.Contains(':', StringComparison.Ordinal);
    }

    public static IPEndPoint Parse(string text) =>
        TryParse(text, out var endpoint)
            ? endpoint
            : throw new FormatException($"Collector:Listen entry '{text}' is not an address:port such as '[::]:2055' or '0.0.0.0:2055'.");
}
