using MaxMind.Db;

namespace FlowViz.Enrichment.GeoIP;

/// <summary>
/// The part of a GeoIP2/GeoLite2 Country or City record FlowViz reads: only the ISO codes, so a database miss
/// deserialises two short strings instead of every localised name.
/// </summary>
public sealed class CountryData
{
    [Constructor]
    public CountryData([MapKey("country")] IsoCodeData? country = null, [MapKey("registered_country")] IsoCodeData? registeredCountry = null)
    {
        Country = country;
        RegisteredCountry = registeredCountry;
    }

    public IsoCodeData? Country { get; }

    /// <summary>Where the network is registered; used when the database has no located country (anycast, satellite).</summary>
    public IsoCodeData? RegisteredCountry { get; }
}
