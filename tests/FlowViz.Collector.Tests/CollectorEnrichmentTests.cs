using System.Net;
using FlowViz.Core.Flows;
using FlowViz.Enrichment;
using FlowViz.Enrichment.GeoIP;
using FlowViz.Enrichment.Tests.MaxMindDb;
using FlowViz.Collector.Tests.Spooling;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowViz.Collector.Tests;

public sealed class CollectorEnrichmentTests
{
    [Fact]
    public async Task Collector_WithAnEnricher_WritesEveryDecodedFlowEnriched()
    {
        using var files = new TempDirectory();
        var options = new EnrichmentOptions
        {
            GeoIP = { CountryDatabase = Path.Combine(files.Path, "country.mmdb"), AsnDatabase = Path.Combine(files.Path, "asn.mmdb") },
            Networks = [new() { Name = "office", Prefix = "192.168.1.0/24" }],
        };
        // V5Datagrams' flows go from 192.168.1.0–29, port 40000+, to 198.51.100.1 port 443 over TCP.
        TestDatabases.Country(("198.51.100.0/24", "JP")).WriteTo(options.GeoIP.CountryDatabase);
        TestDatabases.Asn(("198.51.100.0/24", 64496)).WriteTo(options.GeoIP.AsnDatabase);
        var configuration = EnrichmentConfiguration.Build(options);
        using var geoIP = new GeoIPDatabases(options.GeoIP, NullLogger<GeoIPDatabases>.Instance);
        await using var collector = await RunningCollector.StartAsync(enricher: new FlowEnricher(configuration.Networks, configuration.Applications, geoIP));

        await collector.SendAsync(IPAddress.Loopback, V5Datagrams.Full(0), V5Datagrams.Full(1));

        var flows = await collector.Writer.WaitForAsync(2 * V5Datagrams.FlowsPerDatagram, TimeSpan.FromSeconds(15));
        Assert.Equal(2 * V5Datagrams.FlowsPerDatagram, flows.Count);
        Assert.All(flows, f => Assert.Equal(
            ("https", TrafficDirection.Out, (ushort)0, "JP", 0u, 64496u),
            (f.Application, f.TrafficDirection, f.SrcCountry, CountryCodes.Format(f.DstCountry), f.SrcAs, f.DstAs)));
    }

    [Fact]
    public async Task Collector_WithoutAnEnricher_WritesFlowsAsDecoded()
    {
        await using var collector = await RunningCollector.StartAsync();

        await collector.SendAsync(IPAddress.Loopback, V5Datagrams.Full(0));

        var flows = await collector.Writer.WaitForAsync(V5Datagrams.FlowsPerDatagram, TimeSpan.FromSeconds(15));
        Assert.All(flows, f => Assert.Equal(((string?)null, TrafficDirection.Unknown, 0u), (f.Application, f.TrafficDirection, f.DstAs)));
    }
}
