using FlowViz.Core.Flows;
using FlowViz.Protocols.NetFlow9;
using Microsoft.Extensions.Time.Testing;

namespace FlowViz.Protocols.Tests.NetFlow9;

public class TemplateCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
    private readonly RecordingSink _sink = new();
    private readonly FlowDatagramDecoder _decoder;

    public TemplateCacheTests() => _decoder = new FlowDatagramDecoder(_time);

    private DecodeResult Decode(string file) => _decoder.Decode(Fixture.Payload(file), Fixture.Context, _sink);

    [Fact]
    public void Decode_TemplateNotRefreshedWithinExpiry_ReportsMissingTemplate()
    {
        Decode("netflow9/softflowd-bulk-1.bin");
        _time.Advance(TemplateCache.DefaultExpiry + TimeSpan.FromSeconds(1));

        Assert.Equal(new DecodeResult(DecodeStatus.MissingTemplate, 0, 22), (Decode("netflow9/softflowd-bulk-2.bin")).WithoutSequence());
    }

    [Fact]
    public void Decode_TemplateRefreshedBeforeExpiry_SurvivesPastFirstExpiry()
    {
        Decode("netflow9/softflowd-bulk-1.bin");
        _time.Advance(TimeSpan.FromMinutes(20));
        Decode("netflow9/softflowd-bulk-1.bin"); // the exporter resends its templates
        _time.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(new DecodeResult(DecodeStatus.Ok, 22, 0), (Decode("netflow9/softflowd-bulk-2.bin")).WithoutSequence());
    }

    [Fact]
    public void RemoveExpired_AfterExpiry_ForgetsAllTemplates()
    {
        Decode("netflow9/softflowd-bulk-1.bin");
        var held = _decoder.Templates.Count;
        _time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(held, _decoder.Templates.RemoveExpired());
        Assert.Equal(0, _decoder.Templates.Count);
    }

    [Fact]
    public void Find_ConcurrentExporters_KeepTheirOwnTemplates()
    {
        var payload = Fixture.Payload("netflow9/softflowd-bulk-1.bin");
        Parallel.For(0, 64, i =>
        {
            var context = Fixture.Context with { Exporter = FlowAddress.FromIPv4(0x0A00_0000u + (uint)i) };
            _decoder.Decode(payload, context, new RecordingSink());
        });

        Assert.Equal(64 * 5, _decoder.Templates.Count);
        Assert.NotNull(_decoder.Templates.Find(new TemplateKey(FlowAddress.FromIPv4(0x0A00_0000u + 63), FlowProtocol.NetFlowV9, 0, 1024)));
    }
}
