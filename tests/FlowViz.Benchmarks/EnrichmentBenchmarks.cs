using BenchmarkDotNet.Attributes;
using FlowViz.Core.Flows;
using FlowViz.Enrichment;
using FlowViz.Enrichment.GeoIP;
using FlowViz.Enrichment.Tests.MaxMindDb;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowViz.Benchmarks;

/// <summary>
/// <see cref="FlowEnricher.Enrich"/> per record (application, direction, and GeoIP country + ASN when on), over
/// GeoIP databases this benchmark writes itself (32,768 IPv4 /16 networks with a country and an AS each, plus IPv6).
/// Records/s per core = 1 s ÷ the mean (one operation is one record).
/// <list type="bullet">
/// <item><c>Off</c>: no GeoIP files; local networks and application rules only.</item>
/// <item><c>GeoIPRepeatedNetworks</c>: remote ends in 4,096 networks that recur, the steady state of a link (the
/// per-network cache answers).</item>
/// <item><c>GeoIPNewNetworks</c>: every record's remote end is in a /24 not seen recently, so nearly every
/// lookup goes to MaxMind's reader (the worst case: a scan, or a cache just emptied by a reload).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class EnrichmentBenchmarks : IDisposable
{
    public const int Records = 4_096;
    private readonly FlowRecord[] _flows = new FlowRecord[Records];
    private string _directory = "";
    private GeoIPDatabases? _geoIP;
    private FlowEnricher _enricher = null!;
    private uint _round;

    public enum Mode
    {
        Off,
        GeoIPRepeatedNetworks,
        GeoIPNewNetworks,
    }

    [Params(Mode.Off, Mode.GeoIPRepeatedNetworks, Mode.GeoIPNewNetworks)]
    public Mode Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = new EnrichmentOptions();
        if (Scenario != Mode.Off)
        {
            _directory = Directory.CreateTempSubdirectory("fv-enrich-bench-").FullName;
            options.GeoIP.CountryDatabase = Path.Combine(_directory, "country.mmdb");
            options.GeoIP.AsnDatabase = Path.Combine(_directory, "asn.mmdb");
            WriteDatabases(options.GeoIP.CountryDatabase, options.GeoIP.AsnDatabase);
        }
        var configuration = EnrichmentConfiguration.Build(options);
        _geoIP = new GeoIPDatabases(options.GeoIP, NullLogger<GeoIPDatabases>.Instance);
        _enricher = new FlowEnricher(configuration.Networks, configuration.Applications, _geoIP);
        for (var i = 0; i < Records; i++)
        {
            _flows[i] = new FlowRecord
            {
                SrcAddr = FlowAddress.FromIPv4(0xC0A8_0000u | (uint)(i & 0xFFFF)), // 192.168.0.0/16: local
                DstAddr = RemoteOf(i, 0),
                Protocol = (byte)(i % 3 == 0 ? 17 : 6),
                SrcPort = (ushort)(40_000 + i),
                DstPort = (ushort)(i % 5 == 0 ? 53 : 443),
                SrcAs = (uint)(i % 2 == 0 ? 64_512 : 0),
            };
        }
        Enrich(); // warm: the repeated networks are cached from here on
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public void Enrich()
    {
        var round = Scenario == Mode.GeoIPNewNetworks ? ++_round : 0;
        for (var i = 0; i < _flows.Length; i++)
        {
            ref var flow = ref _flows[i];
            // Reset what enrichment fills, so every operation does the whole work again.
            flow.Application = null;
            flow.TrafficDirection = TrafficDirection.Unknown;
            flow.SrcCountry = flow.DstCountry = 0;
            flow.DstAs = 0;
            if (round != 0)
            {
                flow.DstAddr = RemoteOf(i, round);
            }
            _enricher.Enrich(ref flow);
        }
    }

    /// <summary>Remote ends in 1.0.0.0–127.255.255.255: 4,096 /24s per round, a different set each round.</summary>
    private static FlowAddress RemoteOf(int i, uint round) =>
        FlowAddress.FromIPv4(0x0100_0000u + (((uint)i * 0x9E5u + round * Records * 0x9E5u) % 0x7F_0000u << 8) + 7);

    private static void WriteDatabases(string countryPath, string asnPath)
    {
        string[] countries = ["US", "DE", "JP", "FR", "GB", "BR", "IN", "CN", "NL", "SE", "AU", "CA"];
        var country = new List<(string, string)>();
        var asn = new List<(string, uint)>();
        for (var i = 0; i < 32_768; i++)
        {
            var cidr = $"{1 + i / 256}.{i % 256}.0.0/16";
            country.Add((cidr, countries[i % countries.Length]));
            asn.Add((cidr, (uint)(1_000 + i)));
        }
        country.Add(("2001:db8::/32", "FR"));
        asn.Add(("2001:db8::/32", 64_497));
        TestDatabases.Country([.. country]).WriteTo(countryPath);
        TestDatabases.Asn([.. asn]).WriteTo(asnPath);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _geoIP?.Dispose();
        if (_directory.Length > 0 && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
