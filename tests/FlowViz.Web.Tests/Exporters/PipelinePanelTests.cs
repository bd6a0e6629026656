using FlowViz.Web.Components.Exporters;
using FlowViz.Web.Exporters;

namespace FlowViz.Web.Tests.Exporters;

public class PipelinePanelTests : BunitContext
{
    private static readonly PipelineReport Clean = new(
        DatagramsReceived: 18_422, DatagramsDroppedQueueFull: 0, FlowsWritten: 250_000, WriteFailures: 3, FlowsSpooled: 4_000,
        FlowsReplayed: 4_000, SpoolBytes: 0, FlowsLostSpoolFull: 0, FlowsLostSpoolError: 0, SpoolFramesCorrupt: 0,
        FlowsLostSpoolCorrupt: 0, SpoolSegmentsUnreadable: 0, Replicas: [new ReplicaReport("192.0.2.7:2055", 18_422, 0, 0)]);

    [Fact]
    public void Render_NoLoss_SaysNothingLost_AndNoRowIsRed()
    {
        var panel = Render<PipelinePanel>(p => p.Add(x => x.Report, Clean));

        Assert.Equal("Nothing lost", panel.Find("[data-testid=pipeline-status]").TextContent);
        Assert.Empty(panel.FindAll("tr.silent"));
        Assert.Equal("250000", panel.Find("[data-testid=pipeline-flows-written] td").GetAttribute("data-value"));
        Assert.Equal("3", panel.Find("[data-testid=pipeline-write-failures] td").GetAttribute("data-value"));
        Assert.Equal("18422", panel.Find("[data-testid='pipeline-replica-192.0.2.7:2055'] td").GetAttribute("data-value"));
    }

    [Theory]
    [InlineData("datagrams-dropped-queue")]
    [InlineData("flows-lost-spool-full")]
    [InlineData("flows-lost-spool-error")]
    [InlineData("spool-frames-corrupt")]
    [InlineData("flows-lost-spool-corrupt")]
    [InlineData("spool-segments-unreadable")]
    public void Render_AnyLoss_MarksItsRowInWordsAndColour(string row)
    {
        var report = row switch
        {
            "datagrams-dropped-queue" => Clean with { DatagramsDroppedQueueFull = 5 },
            "flows-lost-spool-full" => Clean with { FlowsLostSpoolFull = 5 },
            "flows-lost-spool-error" => Clean with { FlowsLostSpoolError = 5 },
            "spool-frames-corrupt" => Clean with { SpoolFramesCorrupt = 5 },
            "flows-lost-spool-corrupt" => Clean with { FlowsLostSpoolCorrupt = 5 },
            _ => Clean with { SpoolSegmentsUnreadable = 5 },
        };

        var panel = Render<PipelinePanel>(p => p.Add(x => x.Report, report));

        Assert.Contains("lost", panel.Find("[data-testid=pipeline-status]").TextContent, StringComparison.Ordinal);
        var red = Assert.Single(panel.FindAll("tr.silent"));
        Assert.Equal($"pipeline-{row}", red.GetAttribute("data-testid"));
        Assert.StartsWith("⚠", red.QuerySelector("th")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReplicaDrops_AreALossRowForThatReceiver()
    {
        var panel = Render<PipelinePanel>(p => p.Add(x => x.Report, Clean with { Replicas = [new ReplicaReport("192.0.2.7:2055", 10, 2, 1)] }));

        var red = Assert.Single(panel.FindAll("tr.silent"));
        Assert.Equal("3", red.QuerySelector("td")!.GetAttribute("data-value"));
        Assert.Contains("2 queue full, 1 send errors", red.TextContent, StringComparison.Ordinal);
    }
}
