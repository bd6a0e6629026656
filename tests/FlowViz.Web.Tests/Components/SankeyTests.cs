using System.Globalization;
using FlowViz.Web.Components.Charts;

namespace FlowViz.Web.Tests.Components;

public class SankeyTests : BunitContext
{
    // AS → transit 300, AS → ix 100; transit → if1 200, transit → if2 100, ix → if3 100.
    private static readonly SankeyNode[] Nodes =
    [
        new("as", "AS64500", 0), new("transit", "transit", 1), new("ix", "ix", 1),
        new("if1", "et-0/0/1", 2), new("if2", "et-0/0/2", 2), new("if3", "ae3", 2),
    ];

    private static readonly SankeyLink[] Links =
    [
        new("as", "transit", 300), new("as", "ix", 100),
        new("transit", "if1", 200), new("transit", "if2", 100), new("ix", "if3", 100),
    ];

    [Fact]
    public void Compute_NodeHeightsAndBandThicknesses_ProportionalToValues()
    {
        var geometry = SankeyLayout.Compute(Nodes, Links, 600, 220);

        var node = geometry.Nodes.ToDictionary(n => n.Node.Id);
        // The columns of three nodes have two gaps: (220 - 20) / 400 = 0.5 per unit, the tightest column's scale.
        Assert.Equal(200, node["as"].Height, 6);
        Assert.Equal(150, node["transit"].Height, 6);
        Assert.Equal(50, node["ix"].Height, 6);
        Assert.Equal(100, node["if1"].Height, 6);
        Assert.All(geometry.Links, l => Assert.Equal(l.Link.Value * 0.5, l.Thickness, 6));
        Assert.Equal(node["transit"].Y + node["transit"].Height + SankeyLayout.Gap, node["ix"].Y, 6);
    }

    [Fact]
    public void Compute_BandsStackInsideTheirNodes_WithoutOverlap()
    {
        var geometry = SankeyLayout.Compute(Nodes, Links, 600, 220);

        var node = geometry.Nodes.ToDictionary(n => n.Node.Id);
        foreach (var group in geometry.Links.GroupBy(l => l.Link.From))
        {
            var bands = group.OrderBy(l => l.Y0).ToList();
            var source = node[group.Key];
            Assert.Equal(source.Y + bands[0].Thickness / 2, bands[0].Y0, 6);
            for (var i = 1; i < bands.Count; i++)
            {
                Assert.Equal(bands[i - 1].Y0 + (bands[i - 1].Thickness + bands[i].Thickness) / 2, bands[i].Y0, 6);
            }
            Assert.Equal(source.X + source.Width, bands[0].X0, 6);
        }
        var intoIf2 = geometry.Links.Single(l => l.Link.To == "if2");
        Assert.Equal(node["if2"].Y + intoIf2.Thickness / 2, intoIf2.Y1, 6);
        Assert.Equal(node["if2"].X, intoIf2.X1, 6);
        Assert.Equal(600 - SankeyLayout.NodeWidth, node["if1"].X, 6);
    }

    [Fact]
    public void Render_NodesLinksLabelsAndTitles()
    {
        var sankey = Render<Sankey>(p => p.Add(s => s.Nodes, Nodes).Add(s => s.Links, Links)
            .Add(s => s.ValueText, v => $"{v.ToString(CultureInfo.InvariantCulture)} B").Add(s => s.Title, "AS 64500 by class")
            .Add(s => s.Width, 600).Add(s => s.Height, 220));

        Assert.Equal(6, sankey.FindAll("[data-testid=sankey-node]").Count);
        var links = sankey.FindAll("[data-testid=sankey-link]");
        Assert.Equal(5, links.Count);
        Assert.Equal("150", links.Single(l => l.GetAttribute("data-to") == "transit").GetAttribute("stroke-width"));
        Assert.Equal("AS64500 → transit: 300 B", links.Single(l => l.GetAttribute("data-to") == "transit").QuerySelector("title")!.TextContent);
        Assert.Equal(["AS64500", "transit", "ix", "et-0/0/1", "et-0/0/2", "ae3"], sankey.FindAll("text").Select(t => t.TextContent));
        Assert.Equal("end", sankey.FindAll("text").Last().GetAttribute("text-anchor"));
        var svg = sankey.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.StartsWith("AS 64500 by class: AS64500 to transit 300 B; AS64500 to ix 100 B;", svg.GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoLinks_SaysNothingToShow()
    {
        var sankey = Render<Sankey>(p => p.Add(s => s.Nodes, []).Add(s => s.Links, []).Add(s => s.ValueText, v => "").Add(s => s.Title, "Empty"));

        Assert.Equal("Empty: nothing to show", sankey.Find("svg").GetAttribute("aria-label"));
        Assert.Empty(sankey.FindAll("[data-testid=sankey-link]"));
    }
}
