using System.Net;
using MaxMind.Db;
using MaxMind.GeoIP2;

namespace FlowViz.Enrichment.Tests.MaxMindDb;

/// <summary>The test databases must be real MaxMind DB files: MaxMind's own readers are the judges.</summary>
public sealed class MmdbWriterTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public void Country_WrittenDatabase_IsReadByGeoIP2OverIPv4AndIPv6()
    {
        var path = _files.PathOf("country.mmdb");
        TestDatabases.Country(("192.0.2.0/24", "JP"), ("198.51.100.0/25", "DE"), ("2001:db8:1::/48", "FR")).WriteTo(path);

        using var reader = new DatabaseReader(path);
        Assert.Equal("GeoLite2-Country", reader.Metadata.DatabaseType);
        Assert.Equal("JP", reader.Country(IPAddress.Parse("192.0.2.77")).Country.IsoCode);
        Assert.Equal("Country JP", reader.Country(IPAddress.Parse("192.0.2.77")).Country.Name);
        Assert.Equal("DE", reader.Country(IPAddress.Parse("198.51.100.127")).Country.IsoCode);
        Assert.Equal("FR", reader.Country(IPAddress.Parse("2001:db8:1:ffff::1")).Country.IsoCode);
        Assert.False(reader.TryCountry(IPAddress.Parse("198.51.100.128"), out _));
        Assert.False(reader.TryCountry(IPAddress.Parse("2001:db8:2::1"), out _));
    }

    [Fact]
    public void Asn_WrittenDatabase_IsReadByGeoIP2OverIPv4AndIPv6()
    {
        var path = _files.PathOf("asn.mmdb");
        TestDatabases.Asn(("203.0.113.0/24", 64496), ("2001:db8::/32", 4_200_000_000)).WriteTo(path);

        using var reader = new DatabaseReader(path);
        var v4 = reader.Asn(IPAddress.Parse("203.0.113.9"));
        Assert.Equal((64496L, "Example AS64496"), (v4.AutonomousSystemNumber, v4.AutonomousSystemOrganization));
        Assert.Equal(4_200_000_000L, reader.Asn(IPAddress.Parse("2001:db8:ffff::1")).AutonomousSystemNumber);
        Assert.False(reader.TryAsn(IPAddress.Parse("203.0.114.1"), out _));
    }

    [Fact]
    public void Find_NestedNetworks_AnswersTheMostSpecificWithTheLeafsPrefixLength()
    {
        var path = _files.PathOf("nested.mmdb");
        TestDatabases.Country(("10.0.0.0/8", "US"), ("10.1.2.0/24", "CA"), ("2001:db8::/32", "GB"), ("2001:db8:5::/48", "IE")).WriteTo(path);

        using var reader = new Reader(path);
        // The prefix length is the depth of the tree leaf that answered (IPv4 counted within the IPv4 tree): inside
        // the /8, the /24 split the tree, so 10.1.3.0/24 and 10.128.0.0/9 are leaves of their own.
        Assert.Equal(("CA", 24), FindCountry(reader, "10.1.2.3"));
        Assert.Equal(("US", 24), FindCountry(reader, "10.1.3.3"));
        Assert.Equal(("US", 9), FindCountry(reader, "10.200.0.1"));
        Assert.Equal(("IE", 48), FindCountry(reader, "2001:db8:5::9"));
        Assert.Equal(("GB", 47), FindCountry(reader, "2001:db8:6::9"));
        Assert.Equal(((string?)null, 1), FindCountry(reader, "128.0.0.1"));
    }

    [Fact]
    public void Metadata_IPv4Database_IsAcceptedByTheReader()
    {
        var path = _files.PathOf("v4.mmdb");
        var writer = new MmdbWriter("GeoLite2-Country", ipVersion: 4);
        writer.Add("192.0.2.0/24", new Dictionary<string, object> { ["country"] = new Dictionary<string, object> { ["iso_code"] = "NL" } });
        writer.WriteTo(path);

        using var reader = new DatabaseReader(path);
        Assert.Equal(4, reader.Metadata.IPVersion);
        Assert.Equal("NL", reader.Country(IPAddress.Parse("192.0.2.1")).Country.IsoCode);
    }

    private static (string?, int) FindCountry(Reader reader, string address)
    {
        var data = reader.Find<Dictionary<string, object>>(IPAddress.Parse(address), out var prefixLength);
        var country = (Dictionary<string, object>?)data?["country"];
        return ((string?)country?["iso_code"], prefixLength);
    }

    public void Dispose() => _files.Dispose();
}
