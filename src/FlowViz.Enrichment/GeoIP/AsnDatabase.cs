using System.Net;
using MaxMind.Db;
using Microsoft.Extensions.Logging;

namespace FlowViz.Enrichment.GeoIP;

/// <summary>A GeoLite2/GeoIP2 ASN database; values are AS numbers.</summary>
internal sealed class AsnDatabase(string? path, ILogger logger)
    : MmdbDatabase($"{EnrichmentOptions.SectionName}:GeoIP:AsnDatabase", path, logger)
{
    protected override uint Read(Reader reader, IPAddress address, out int prefixLength)
    {
        var data = reader.Find<AsnData>(address, out prefixLength);
        return data?.AutonomousSystemNumber is { } asn and >= 0 and <= uint.MaxValue ? (uint)asn : 0;
    }
}
