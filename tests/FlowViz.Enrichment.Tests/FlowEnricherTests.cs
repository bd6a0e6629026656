using FlowViz.Core.Flows;
using FlowViz.Enrichment.GeoIP;
using FlowViz.Enrichment.Tests.MaxMindDb;

namespace FlowViz.Enrichment.Tests;

public sealed class FlowEnricherTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Theory]
    [InlineData("192.168.1.10", "10.0.0.1", TrafficDirection.Internal)]
    [InlineData("192.168.1.10", "8.8.8.8", TrafficDirection.Out)]
    [InlineData("8.8.8.8", "192.168.1.10", TrafficDirection.In)]
    [InlineData("8.8.8.8", "1.1.1.1", TrafficDirection.Transit)]
    [InlineData("fd00::1", "2606:4700::1111", TrafficDirection.Out)]
    [InlineData("2606:4700::1111", "2001:db8::1", TrafficDirection.In)]
    [InlineData("fe80::1", "fd00::2", TrafficDirection.Internal)]
    [InlineData("2606:4700::1111", "2a00:1450::1", TrafficDirection.Transit)]
    public void Enrich_DefaultNetworks_SetsTheTrafficDirection(string source, string destination, TrafficDirection expected)
    {
        var flow = Enrich(Enricher(new EnrichmentOptions()), new FlowRecord { SrcAddr = FlowAddress.Parse(source), DstAddr = FlowAddress.Parse(destination) });

        Assert.Equal(expected, flow.TrafficDirection);
    }

    [Fact]
    public void Enrich_ConfiguredNetworks_DecideTheDirectionInsteadOfTheDefaults()
    {
        var enricher = Enricher(new EnrichmentOptions { Networks = [new() { Name = "ours", Prefix = "8.8.8.0/24" }] });

        var flow = Enrich(enricher, new FlowRecord { SrcAddr = FlowAddress.Parse("192.168.1.1"), DstAddr = FlowAddress.Parse("8.8.8.8") });

        Assert.Equal(TrafficDirection.In, flow.TrafficDirection);
    }

    [Fact]
    public void Enrich_EveryPart_FillsApplicationDirectionCountriesAndAs()
    {
        var options = new EnrichmentOptions { GeoIP = { CountryDatabase = _files.PathOf("c.mmdb"), AsnDatabase = _files.PathOf("a.mmdb") } };
        TestDatabases.Country(("93.184.216.0/24", "US")).WriteTo(options.GeoIP.CountryDatabase);
        TestDatabases.Asn(("93.184.216.0/24", 15133)).WriteTo(options.GeoIP.AsnDatabase);

        var flow = Enrich(Enricher(options), new FlowRecord
        {
            SrcAddr = FlowAddress.Parse("192.168.1.10"), DstAddr = FlowAddress.Parse("93.184.216.34"), Protocol = 6, SrcPort = 51_000, DstPort = 443,
        });

        Assert.Equal(("https", TrafficDirection.Out, (ushort)0, "US", 0u, 15133u),
            (flow.Application, flow.TrafficDirection, flow.SrcCountry, CountryCodes.Format(flow.DstCountry), flow.SrcAs, flow.DstAs));
    }

    [Fact]
    public void Enrich_FieldsAlreadySet_AreLeftAlone()
    {
        var flow = Enrich(Enricher(new EnrichmentOptions()), new FlowRecord
        {
            SrcAddr = FlowAddress.Parse("8.8.8.8"), DstAddr = FlowAddress.Parse("1.1.1.1"), Protocol = 6, DstPort = 443,
            Application = "custom", TrafficDirection = TrafficDirection.In,
        });

        Assert.Equal(("custom", TrafficDirection.In), (flow.Application, flow.TrafficDirection));
    }

    [Fact]
    public void Enrich_NoGeoIP_AllocatesNothing()
    {
        var enricher = Enricher(new EnrichmentOptions());
        var template = new FlowRecord { SrcAddr = FlowAddress.Parse("192.168.1.1"), DstAddr = FlowAddress.Parse("2606:4700::1"), Protocol = 17, SrcPort = 443, DstPort = 50_000 };
        Enrich(enricher, template);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            var flow = template;
            enricher.Enrich(ref flow);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private FlowEnricher Enricher(EnrichmentOptions options)
    {
        var configuration = EnrichmentConfiguration.Build(options);
        var geo = new GeoIPDatabases(options.GeoIP, new RecordingLogger<GeoIPDatabases>());
        return new FlowEnricher(configuration.Networks, configuration.Applications, geo);
    }

    private static FlowRecord Enrich(FlowEnricher enricher, FlowRecord flow)
    {
        enricher.Enrich(ref flow);
        return flow;
    }

    public void Dispose() => _files.Dispose();
}
