using FlowViz.Web.Components.Traffic;
using FlowViz.Web.Tests.Fakes;

namespace FlowViz.Web.Tests.Components;

public class TotalsSummaryTests : BunitContext
{
    [Fact]
    public void Render_Totals_HumanTextAndExactValues()
    {
        var summary = Render<TotalsSummary>(p => p.Add(s => s.Totals, Sample.Totals).Add(s => s.Duration, TimeSpan.FromSeconds(100)));

        var flows = summary.Find("[data-testid=total-flows]");
        Assert.Equal("12.3k", flows.TextContent);
        Assert.Equal("12345", flows.GetAttribute("data-value"));
        Assert.Equal("12,345 flows", flows.GetAttribute("title"));
        Assert.Equal("67890", summary.Find("[data-testid=total-packets]").GetAttribute("data-value"));
        Assert.Equal("10.0 kB", summary.Find("[data-testid=total-bytes]").TextContent);
    }

    [Fact]
    public void Render_Duration_AverageBitRate() =>
        Assert.Equal("800 bit/s", Render<TotalsSummary>(p => p
            .Add(s => s.Totals, Sample.Totals).Add(s => s.Duration, TimeSpan.FromSeconds(100)))
            .Find("[data-testid=total-average]").TextContent);
}
