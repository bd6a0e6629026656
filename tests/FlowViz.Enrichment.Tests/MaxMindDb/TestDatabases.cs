namespace FlowViz.Enrichment.Tests.MaxMindDb;

/// <summary>Country and ASN databases in the shape of GeoLite2's, built by <see cref="MmdbWriter"/>.</summary>
internal static class TestDatabases
{
    public static MmdbWriter Country(params (string Cidr, string IsoCode)[] networks) => Country("GeoLite2-Country", networks);

    public static MmdbWriter Country(string databaseType, params (string Cidr, string IsoCode)[] networks)
    {
        var writer = new MmdbWriter(databaseType);
        foreach (var (cidr, isoCode) in networks)
        {
            writer.Add(cidr, new Dictionary<string, object>
            {
                ["continent"] = new Dictionary<string, object> { ["code"] = "XX", ["geoname_id"] = 1u },
                ["country"] = new Dictionary<string, object>
                {
                    ["geoname_id"] = 1_861_060u,
                    ["iso_code"] = isoCode,
                    ["names"] = new Dictionary<string, object> { ["en"] = $"Country {isoCode}" },
                },
                ["registered_country"] = new Dictionary<string, object> { ["iso_code"] = isoCode },
            });
        }
        return writer;
    }

    public static MmdbWriter Asn(params (string Cidr, uint Asn)[] networks)
    {
        var writer = new MmdbWriter("GeoLite2-ASN");
        foreach (var (cidr, asn) in networks)
        {
            writer.Add(cidr, new Dictionary<string, object>
            {
                ["autonomous_system_number"] = asn,
                ["autonomous_system_organization"] = $"Example AS{asn}",
            });
        }
        return writer;
    }
}
