using System.Net;
using FlowViz.Collector.Templates;
using FlowViz.Core.Flows;
using FlowViz.Protocols;

namespace FlowViz.Collector.Tests.Templates;

public sealed class TemplateJournalTests : IDisposable
{
    private static readonly FlowAddress Exporter = FlowAddress.Parse("192.0.2.1");
    private static readonly DateTime Now = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
    private readonly string _directory = Directory.CreateTempSubdirectory("fv-journal-").FullName;

    [Fact]
    public void Replay_AfterSaveAndLoad_TeachesANewDecoderTheTemplates()
    {
        var journal = new TemplateJournal();
        journal.Record(Exporter, Fixture("netflow9/softflowd-bulk-1.bin"), Now);
        var path = Path.Combine(_directory, "templates.journal");
        journal.Save(path);

        var decoder = new FlowDatagramDecoder(TimeProvider.System);
        var replayed = TemplateJournal.Load(path).Replay(decoder, Now.AddMinutes(5), TimeSpan.FromMinutes(30));
        var sink = new CountingSink();
        var result = decoder.Decode(Fixture("netflow9/softflowd-bulk-2.bin"), new DatagramContext(Exporter, Now.AddMinutes(5)), sink);

        Assert.Equal(1, replayed);
        Assert.Equal((DecodeStatus.Ok, 22), (result.Status, sink.Count));
    }

    [Fact]
    public void Replay_EntryOlderThanTemplateExpiry_IsSkipped()
    {
        var journal = new TemplateJournal();
        journal.Record(Exporter, Fixture("netflow9/softflowd-bulk-1.bin"), Now);
        var decoder = new FlowDatagramDecoder(TimeProvider.System);

        Assert.Equal(0, journal.Replay(decoder, Now.AddHours(1), TimeSpan.FromMinutes(30)));
        Assert.Equal(0, decoder.Templates.Count);
    }

    [Fact]
    public void Load_TornTail_KeepsTheCompleteEntries()
    {
        var journal = new TemplateJournal();
        journal.Record(Exporter, Fixture("netflow9/softflowd-bulk-1.bin"), Now);
        journal.Record(Exporter, Fixture("netflow9/softflowd-mixed-1.bin"), Now.AddSeconds(1));
        var path = Path.Combine(_directory, "templates.journal");
        journal.Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);

        var decoder = new FlowDatagramDecoder(TimeProvider.System);
        Assert.Equal(1, TemplateJournal.Load(path).Replay(decoder, Now, TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Record_ManyDatagramsFromOneExporter_KeepsOnlyTheNewest()
    {
        var journal = new TemplateJournal();
        for (var i = 0; i < TemplateJournal.PerExporter + 10; i++)
        {
            journal.Record(Exporter, Fixture("netflow9/softflowd-bulk-1.bin"), Now.AddSeconds(i));
        }

        Assert.Equal(TemplateJournal.PerExporter, journal.Replay(new FlowDatagramDecoder(TimeProvider.System), Now.AddMinutes(2), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public async Task Collector_RestartedWithItsJournal_DecodesDataAtOnceWithoutWaitingForTemplates()
    {
        var path = Path.Combine(_directory, "templates.journal");
        await using (var first = await RunningCollector.StartAsync(o => o.TemplateJournalFile = path))
        {
            await first.SendAsync(IPAddress.Loopback, Fixture("netflow9/softflowd-bulk-1.bin"));
            await first.Writer.WaitForAsync(17, TimeSpan.FromSeconds(15));
            await first.StopAsync();
        }

        await using var second = await RunningCollector.StartAsync(o => o.TemplateJournalFile = path);
        await second.SendAsync(IPAddress.Loopback, Fixture("netflow9/softflowd-bulk-2.bin"));

        var flows = await second.Writer.WaitForAsync(22, TimeSpan.FromSeconds(15));
        Assert.Equal(22, flows.Count);
        Assert.Equal(0, Assert.Single(second.Statistics.SnapshotExporters()).MissingTemplateSets);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private sealed class CountingSink : IFlowRecordSink
    {
        public int Count { get; private set; }

        public void Add(in FlowRecord flow) => Count++;
    }
}
