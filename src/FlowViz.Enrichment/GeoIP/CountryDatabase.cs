using System.Net;
using FlowViz.Core.Flows;
using MaxMind.Db;
using Microsoft.Extensions.Logging;

namespace FlowViz.Enrichment.GeoIP;

/// <summary>A GeoLite2/GeoIP2 Country or City database; values are countries packed by <see cref="CountryCodes"/>.</summary>
internal sealed class CountryDatabase(string? path, ILogger logger)
    : MmdbDatabase($"{EnrichmentOptions.SectionName}:GeoIP:CountryDatabase", path, logger)
{
    protected override uint Read(Reader reader, IPAddress address, out int prefixLength)
    {
        var data = reader.Find<CountryData>(address, out prefixLength);
        return CountryCodes.Pack((data?.Country?.IsoCode ?? data?.RegisteredCountry?.IsoCode).AsSpan());
    }
}
