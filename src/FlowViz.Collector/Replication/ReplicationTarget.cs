using System.Globalization;
using System.Net;

namespace FlowViz.Collector.Replication;

/// <summary>
/// Parses the <c>Collector:Replicate</c> entries: "192.0.2.7:2055", "[2001:db8::7]:2055" or "backup.example:2055".
/// A host name is resolved once, at start-up, so a typo fails start-up instead of every send.
/// </summary>
internal static class ReplicationTarget
{
    public static IPEndPoint Resolve(string text)
    {
        if (IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':', StringComparison.Ordinal) && endpoint.Port != 0)
        {
            return endpoint;
        }
        var colon = text.LastIndexOf(':');
        if (colon > 0 && text.IndexOf(':', StringComparison.Ordinal) == colon
            && ushort.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port != 0)
        {
            var host = text[..colon];
            var addresses = Dns.GetHostAddresses(host);
            if (addresses.Length > 0)
            {
                return new IPEndPoint(addresses[0], port);
            }
            throw new FormatException($"{CollectorOptions.SectionName}:Replicate entry '{text}': '{host}' has no address.");
        }
        throw new FormatException(
            $"{CollectorOptions.SectionName}:Replicate entry '{text}' is not a host:port such as '192.0.2.7:2055', '[2001:db8::7]:2055' or 'backup:2055'.");
    }
}
