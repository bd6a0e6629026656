using FlowViz.Core.Flows;
using FlowViz.Enrichment.GeoIP;
using FlowViz.Enrichment.Tests.MaxMindDb;
using Microsoft.Extensions.Logging;

namespace FlowViz.Enrichment.Tests.GeoIP;

public sealed class GeoIPDatabasesTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly RecordingLogger<GeoIPDatabases> _log = new();

    [Fact]
    public void Enrich_CountryDatabase_FillsBothCountriesOverIPv4AndIPv6()
    {
        using var geo = Open(country: TestDatabases.Country(("192.0.2.0/24", "JP"), ("198.51.100.0/24", "DE"), ("2001:db8:1::/48", "FR"), ("2001:db8:2::/48", "BR")));

        var v4 = Enrich(geo, new FlowRecord { SrcAddr = FlowAddress.Parse("192.0.2.10"), DstAddr = FlowAddress.Parse("198.51.100.20") });
        var v6 = Enrich(geo, new FlowRecord { SrcAddr = FlowAddress.Parse("2001:db8:1::10"), DstAddr = FlowAddress.Parse("2001:db8:2:3::20") });

        Assert.Equal(("JP", "DE"), (CountryCodes.Format(v4.SrcCountry), CountryCodes.Format(v4.DstCountry)));
        Assert.Equal(("FR", "BR"), (CountryCodes.Format(v6.SrcCountry), CountryCodes.Format(v6.DstCountry)));
    }

    [Fact]
    public void Enrich_AddressNotInTheDatabase_LeavesTheCountryUnknown()
    {
        using var geo = Open(country: TestDatabases.Country(("192.0.2.0/24", "JP")));

        var flow = Enrich(geo, new FlowRecord { SrcAddr = FlowAddress.Parse("10.1.2.3"), DstAddr = FlowAddress.Parse("2001:db8:9::1") });

        Assert.Equal((0, 0), (flow.SrcCountry, flow.DstCountry));
    }

    [Fact]
    public void Enrich_CityDatabase_GivesItsCountry()
    {
        using var geo = Open(country: TestDatabases.Country("GeoLite2-City", ("203.0.113.0/24", "KR")));

        var flow = Enrich(geo, new FlowRecord { SrcAddr = FlowAddress.Parse("203.0.113.1") });

        Assert.Equal("KR", CountryCodes.Format(flow.SrcCountry));
    }

    [Fact]
    public void Enrich_FlowFirst_KeepsTheExportersAsAndFillsOnlyZeros()
    {
        using var geo = Open(asn: TestDatabases.Asn(("192.0.2.0/24", 64496), ("2001:db8::/32", 64497)), order: AsOrder.FlowFirst);

        var flow = Enrich(geo, new FlowRecord { SrcAddr = FlowAddress.Parse("192.0.2.1"), SrcAs = 65001, DstAddr = FlowAddress.Parse("2001:db8::1") });

        Assert.Equal((65001u, 64497u), (flow.SrcAs, flow.DstAs));
    }

    [Fact]
    public void Enrich_GeoIPFirst_TheDatabaseWinsWhereItKnowsTheAddress()
    {
        using var geo = Open(asn: TestDatabases.Asn(("192.0.2.0/24", 64496)), order: AsOrder.GeoIPFirst);

        var known = Enrich(geo, new FlowRecord { SrcAddr = FlowAddress.Parse("192.0.2.1"), SrcAs = 65001, DstAddr = FlowAddress.Parse("198.51.100.1"), DstAs = 65002 });

        Assert.Equal((64496u, 65002u), (known.SrcAs, known.DstAs)); // 198.51.100.1 is not in the database: the flow's AS stays
    }

    [Fact]
    public void Enrich_NestedNetworksSharingACacheSet_EachAddressGetsItsOwnNetworksAnswer()
    {
        // Eight /27s of one /24 land in the same 4-way cache set (it is chosen by the /24): cycling through them
        // evicts entries all the time and must never return a neighbour's answer.
        string[] countries = ["CA", "MX", "BR", "AR", "CL", "PE", "CO", "UY"];
        var networks = countries.Select((code, i) => ($"10.9.9.{i * 32}/27", code)).Prepend(("10.0.0.0/8", "US")).ToArray();
        using var geo = Open(country: TestDatabases.Country(networks));

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < countries.Length; i++)
            {
                var flow = Enrich(geo, new FlowRecord { SrcAddr = FlowAddress.Parse($"10.9.9.{i * 32 + 5}"), DstAddr = FlowAddress.Parse("10.200.1.1") });
                Assert.Equal((countries[i], "US"), (CountryCodes.Format(flow.SrcCountry), CountryCodes.Format(flow.DstCountry)));
            }
        }
    }

    [Fact]
    public void Refresh_FileReplaced_AnswersFromTheNewFile()
    {
        var path = _files.PathOf("country.mmdb");
        TestDatabases.Country(("192.0.2.0/24", "JP")).WriteTo(path);
        using var geo = new GeoIPDatabases(new GeoIPOptions { CountryDatabase = path }, _log);
        var flow = new FlowRecord { SrcAddr = FlowAddress.Parse("192.0.2.1") };
        Assert.Equal("JP", CountryCodes.Format(Enrich(geo, flow).SrcCountry)); // now cached

        TestDatabases.Country(("192.0.2.0/24", "DE")).WriteTo(path);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5)); // a distinct stamp even on a coarse clock
        geo.Refresh();

        Assert.Equal("DE", CountryCodes.Format(Enrich(geo, flow).SrcCountry));
        Assert.Single(_log.Containing("replaced an earlier copy: True"));
    }

    [Fact]
    public void Refresh_MissingFile_DisablesTheLookupWithOneLogLineUntilItAppears()
    {
        var path = _files.PathOf("later.mmdb");
        using var geo = new GeoIPDatabases(new GeoIPOptions { CountryDatabase = path }, _log);
        geo.Refresh();
        geo.Refresh();

        Assert.False(geo.HasCountries);
        Assert.Equal(0, Enrich(geo, new FlowRecord { SrcAddr = FlowAddress.Parse("192.0.2.1") }).SrcCountry);
        Assert.Single(_log.Containing("does not exist"));

        TestDatabases.Country(("192.0.2.0/24", "JP")).WriteTo(path);
        geo.Refresh();

        Assert.True(geo.HasCountries);
        Assert.Equal("JP", CountryCodes.Format(Enrich(geo, new FlowRecord { SrcAddr = FlowAddress.Parse("192.0.2.1") }).SrcCountry));
    }

    [Fact]
    public void Refresh_FileReplacedByGarbage_KeepsTheLoadedCopyAndSaysSoOnce()
    {
        var path = _files.PathOf("country.mmdb");
        TestDatabases.Country(("192.0.2.0/24", "JP")).WriteTo(path);
        using var geo = new GeoIPDatabases(new GeoIPOptions { CountryDatabase = path }, _log);

        File.WriteAllBytes(path, new byte[4096]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        geo.Refresh();
        geo.Refresh();

        Assert.Equal("JP", CountryCodes.Format(Enrich(geo, new FlowRecord { SrcAddr = FlowAddress.Parse("192.0.2.1") }).SrcCountry));
        Assert.Single(_log.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public void Status_LoadReloadAndUnreadableFile_CountedPerDatabaseWithTheBuildDate()
    {
        var path = _files.PathOf("country.mmdb");
        TestDatabases.Country(("192.0.2.0/24", "JP")).WriteTo(path);
        using var geo = new GeoIPDatabases(new GeoIPOptions { CountryDatabase = path }, _log);
        var first = geo.Status();

        TestDatabases.Country(("192.0.2.0/24", "DE")).WriteTo(path);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        geo.Refresh();
        var reloaded = geo.Status();
        File.WriteAllBytes(path, new byte[4096]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(10));
        geo.Refresh();
        geo.Refresh();

        var built = DateTime.UnixEpoch.AddSeconds(new MmdbWriter("GeoLite2-Country").BuildEpoch);
        Assert.Equal(new GeoIPDatabaseStatus("country", true, built, 1, 0, 0), first[0]);
        Assert.Equal(new GeoIPDatabaseStatus("asn", false, null, 0, 0, 0), first[1]);
        Assert.Equal(new GeoIPDatabaseStatus("country", true, built, 2, 0, 0), reloaded[0]);
        Assert.Equal(new GeoIPDatabaseStatus("country", true, built, 2, 1, 0), geo.Status()[0]);
    }

    [Fact]
    public void Constructor_NothingConfigured_LeavesFlowsAsTheyAre()
    {
        using var geo = new GeoIPDatabases(new GeoIPOptions(), _log);
        var flow = new FlowRecord { SrcAddr = FlowAddress.Parse("192.0.2.1"), SrcAs = 65001 };

        Assert.Equal(flow, Enrich(geo, flow));
        Assert.Equal(2, _log.Containing("is not set").Count); // one line for each of the two databases
    }

    [Fact]
    public void Enrich_IPv4OnlyDatabase_AnswersIPv4AndLeavesIPv6Unknown()
    {
        var path = _files.PathOf("v4.mmdb");
        new MmdbWriter("GeoLite2-ASN", ipVersion: 4).Add("192.0.2.0/24", new Dictionary<string, object> { ["autonomous_system_number"] = 64500u }).WriteTo(path);
        using var geo = new GeoIPDatabases(new GeoIPOptions { AsnDatabase = path }, _log);

        var flow = Enrich(geo, new FlowRecord { SrcAddr = FlowAddress.Parse("192.0.2.1"), DstAddr = FlowAddress.Parse("2001:db8::1") });

        Assert.Equal((64500u, 0u, 0L), (flow.SrcAs, flow.DstAs, geo.LookupErrors));
    }

    [Fact]
    public void Enrich_WarmCache_AllocatesNothing()
    {
        using var geo = Open(
            country: TestDatabases.Country(("192.0.2.0/24", "JP"), ("2001:db8::/32", "FR")),
            asn: TestDatabases.Asn(("192.0.2.0/24", 64496), ("2001:db8::/32", 64497)),
            order: AsOrder.GeoIPFirst);
        var flows = new[]
        {
            new FlowRecord { SrcAddr = FlowAddress.Parse("192.0.2.1"), DstAddr = FlowAddress.Parse("2001:db8::1") },
            new FlowRecord { SrcAddr = FlowAddress.Parse("192.0.2.200"), DstAddr = FlowAddress.Parse("10.0.0.1") },
        };
        foreach (var warm in flows)
        {
            Enrich(geo, warm);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            var flow = flows[i % 2];
            geo.Enrich(ref flow);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Enrich_WhileTheFileIsReloaded_EveryAnswerIsTheOldOrTheNewOne()
    {
        var path = _files.PathOf("country.mmdb");
        TestDatabases.Country(("192.0.2.0/24", "JP")).WriteTo(path);
        using var geo = new GeoIPDatabases(new GeoIPOptions { CountryDatabase = path }, _log);
        var jp = CountryCodes.Pack("JP");
        var de = CountryCodes.Pack("DE");
        using var stop = new CancellationTokenSource();

        var workers = Enumerable.Range(0, 3).Select(worker => Task.Run(() =>
        {
            var seen = new HashSet<ushort>();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var flow = new FlowRecord { SrcAddr = FlowAddress.FromIPv4(0xC000_0200u | (uint)(i & 0xFF)) };
                geo.Enrich(ref flow);
                seen.Add(flow.SrcCountry);
            }
            return seen;
        })).ToArray();
        for (var reload = 0; reload < 20; reload++)
        {
            TestDatabases.Country(("192.0.2.0/24", reload % 2 == 0 ? "DE" : "JP")).WriteTo(path);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(reload + 1));
            geo.Refresh();
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
        await stop.CancelAsync();

        var seen = (await Task.WhenAll(workers)).SelectMany(s => s).ToHashSet();
        Assert.Subset(new HashSet<ushort> { jp, de }, seen);
        Assert.Equal(0, geo.LookupErrors);
    }

    private GeoIPDatabases Open(MmdbWriter? country = null, MmdbWriter? asn = null, AsOrder order = AsOrder.FlowFirst)
    {
        var options = new GeoIPOptions { AsOrder = order };
        if (country is not null)
        {
            options.CountryDatabase = _files.PathOf("country.mmdb");
            country.WriteTo(options.CountryDatabase);
        }
        if (asn is not null)
        {
            options.AsnDatabase = _files.PathOf("asn.mmdb");
            asn.WriteTo(options.AsnDatabase);
        }
        return new GeoIPDatabases(options, _log);
    }

    private static FlowRecord Enrich(GeoIPDatabases geo, FlowRecord flow)
    {
        geo.Enrich(ref flow);
        return flow;
    }

    public void Dispose() => _files.Dispose();
}
