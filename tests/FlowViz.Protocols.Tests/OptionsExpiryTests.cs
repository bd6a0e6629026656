using System.Buffers.Binary;
using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;
using FlowViz.Protocols.OptionsData;
using FlowViz.Protocols.Tests.Ipfix;
using Microsoft.Extensions.Time.Testing;
using static FlowViz.Protocols.Tests.Ipfix.IpfixMessageBuilder;
using F = FlowViz.Protocols.Tests.Ipfix.IpfixMessageBuilder.Field;

namespace FlowViz.Protocols.Tests;

/// <summary>
/// Options data ages like templates: a domain's sampler rates and init time are forgotten when no options
/// record refreshed them within the expiry, and the cache cannot grow without bound.
/// </summary>
public class OptionsExpiryTests
{
    private static readonly TimeSpan Expiry = TemplateCache.DefaultExpiry;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
    private readonly RecordingSink _sink = new();
    private readonly FlowDatagramDecoder _decoder;

    public OptionsExpiryTests() => _decoder = new FlowDatagramDecoder(_time);

    private void Decode(byte[] datagram) => _decoder.Decode(datagram, Fixture.Context, _sink);

    // The Cisco FNF data carries its template, so only the options can have aged.
    private uint RateOfNextFlow()
    {
        _sink.Flows.Clear();
        Decode(OptionsSamplingTests.CiscoFnfData());
        return _sink.Flows.Single().SamplingRate;
    }

    [Fact]
    public void Decode_SamplerOptionsNotResentWithinExpiry_RateOneAndDomainForgotten()
    {
        Decode(OptionsSamplingTests.CiscoFnfOptions());
        _time.Advance(Expiry + TimeSpan.FromSeconds(1));

        Assert.Equal(1u, RateOfNextFlow());
        Assert.Equal(0, _decoder.Options.Count);
    }

    [Fact]
    public void Decode_SamplerOptionsAtExactlyExpiry_RateKept()
    {
        Decode(OptionsSamplingTests.CiscoFnfOptions());
        _time.Advance(Expiry);

        Assert.Equal(2u, RateOfNextFlow());
    }

    [Fact]
    public void Decode_SamplerOptionsResentBeforeExpiry_RateSurvivesPastFirstExpiry()
    {
        Decode(OptionsSamplingTests.CiscoFnfOptions());
        _time.Advance(TimeSpan.FromMinutes(20));
        Decode(OptionsSamplingTests.CiscoFnfOptions()); // the exporter resends its options on a timer
        _time.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(2u, RateOfNextFlow());
    }

    [Fact]
    public void Decode_SamplerOptionsAfterExpiry_LearntAgain()
    {
        Decode(OptionsSamplingTests.CiscoFnfOptions());
        _time.Advance(Expiry + TimeSpan.FromMinutes(1));
        Assert.Equal(1u, RateOfNextFlow());

        Decode(OptionsSamplingTests.CiscoFnfOptions());

        Assert.Equal(2u, RateOfNextFlow());
    }

    [Fact]
    public void Decode_SoftflowdIpfixInitTimeExpired_FlowsEndAtExportTime()
    {
        // softflowd announces systemInitTimeMilliseconds (160) in options data with its templates (bulk-1);
        // with the options cache expiring sooner than the templates, bulk-2's uptimes can no longer be placed
        // and each flow ends at the message's export time (IpfixRecordTimes.FromUptime).
        var decoder = new FlowDatagramDecoder(new TemplateCache(_time), new ExporterOptionsCache(_time, TimeSpan.FromMinutes(5)));
        decoder.Decode(Fixture.Payload("ipfix/softflowd-bulk-1.bin"), Fixture.Context, _sink);
        var data = Fixture.Payload("ipfix/softflowd-bulk-2.bin");
        var export = DateTime.UnixEpoch.AddSeconds(BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(4)));
        decoder.Decode(data, Fixture.Context, _sink);
        Assert.DoesNotContain(_sink.Flows.Skip(17), f => f.TimeEnd == export); // placed by the init time
        _sink.Flows.Clear();

        _time.Advance(TimeSpan.FromMinutes(6));
        var result = decoder.Decode(data, Fixture.Context, _sink);

        Assert.Equal((DecodeStatus.Ok, 22), (result.Status, result.FlowCount));
        Assert.All(_sink.Flows, f => Assert.Equal(export, f.TimeEnd));
    }

    [Fact]
    public void Decode_OptionsCacheOnItsOwnClock_AgesByThatClock()
    {
        var optionsTime = new FakeTimeProvider(_time.GetUtcNow());
        var decoder = new FlowDatagramDecoder(new TemplateCache(_time), new ExporterOptionsCache(optionsTime));
        decoder.Decode(OptionsSamplingTests.CiscoFnfOptions(), Fixture.Context, _sink);

        optionsTime.Advance(Expiry + TimeSpan.FromSeconds(1)); // the template cache's clock stands still
        decoder.Decode(OptionsSamplingTests.CiscoFnfData(), Fixture.Context, _sink);

        Assert.Equal(1u, _sink.Flows.Single().SamplingRate);
    }

    [Fact]
    public void RemoveExpired_AfterExpiry_ForgetsEveryDomain()
    {
        var cache = new ExporterOptionsCache(_time);
        for (uint domain = 0; domain < 3; domain++)
        {
            cache.GetOrAdd(Fixture.Exporter, FlowProtocol.NetFlowV9, domain);
        }
        _time.Advance(TimeSpan.FromMinutes(10));
        cache.GetOrAdd(Fixture.Exporter, FlowProtocol.NetFlowV9, 1); // refreshed: survives
        _time.Advance(Expiry - TimeSpan.FromMinutes(5));

        Assert.Equal(2, cache.RemoveExpired());
        Assert.Equal(1, cache.Count);
        Assert.NotNull(cache.Find(Fixture.Exporter, FlowProtocol.NetFlowV9, 1));
    }

    [Fact]
    public void GetOrAdd_ManyDomainsOverTime_SweepsExpiredOnesWithoutBeingAsked()
    {
        // Addresses that send options once and never again: the count doubling since the last sweep triggers
        // one, so the cache holds what is live, not everything ever seen.
        var cache = new ExporterOptionsCache(_time);
        for (uint i = 0; i < 1000; i++)
        {
            cache.GetOrAdd(FlowAddress.FromIPv4(0x0A00_0000u + i), FlowProtocol.Ipfix, 0);
            _time.Advance(TimeSpan.FromSeconds(10)); // 180 domains per expiry period
        }

        Assert.InRange(cache.Count, 180, 2 * 181);
    }

    [Fact]
    public void Decode_MoreSamplersThanTheBound_KeepsTheFirstAndGivesTheRestTheLatestRate()
    {
        // One options record per selector (scope selectorId 302, samplingInterval 34): selector i samples 1 in i + 2.
        var samplers = ExporterDomainOptions.MaxSamplers + 10;
        var records = Enumerable.Range(0, samplers).Select(i => (byte[])[.. Be((ulong)i, 4), .. Be((ulong)i + 2, 4)]).ToArray();
        Decode(new IpfixMessageBuilder().OptionsTemplate(256, 1, new F(302, 4), new F(34, 4)).Data(256, records).Build());
        var domain = _decoder.Options.Find(Fixture.Exporter, FlowProtocol.Ipfix, 5); // the builder's domain

        Assert.NotNull(domain);
        Assert.Equal(ExporterDomainOptions.MaxSamplers, domain.SamplerCount);
        Assert.Equal(7u, domain.RateFor(hasSamplerId: true, samplerId: 5));
        Assert.Equal((uint)samplers + 1, domain.RateFor(hasSamplerId: true, samplerId: (ulong)samplers - 1));
    }
}
