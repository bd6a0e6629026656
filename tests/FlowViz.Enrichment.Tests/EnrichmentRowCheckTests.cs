namespace FlowViz.Enrichment.Tests;

/// <summary>Row-by-row checks of edited networks and rules: each mistake at its row and field.</summary>
public sealed class EnrichmentRowCheckTests
{
    [Fact]
    public void Applications_BadRows_NamesRowAndField()
    {
        var errors = EnrichmentRowCheck.Applications(
        [
            new() { Name = "fine", Protocol = "tcp", Ports = "443" },
            new() { Name = "Bad Name", Protocol = "tcp", Ports = "443" },
            new() { Name = "proto", Protocol = "tcpx", Ports = "1" },
            new() { Name = "port", Protocol = "udp", Ports = "70000" },
            new() { Name = "range", Protocol = "udp", Ports = "20-10" },
            new() { Name = "portless", Protocol = "gre", Ports = "1" },
        ]);

        Assert.Equal([(1, "name"), (2, "protocol"), (3, "ports"), (4, "ports"), (5, "ports")], errors.Select(e => (e.Row, e.Field)));
        Assert.Contains("tcpx", errors[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Enrichment:", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Networks_BadRows_NamesRowAndField()
    {
        var errors = EnrichmentRowCheck.Networks(
        [
            new() { Name = "ok", Prefix = "192.0.2.0/24" },
            new() { Name = "", Prefix = "198.51.100.0/24" },
            new() { Name = "hostbits", Prefix = "192.0.2.1/24" },
            new() { Name = "junk", Prefix = "not-a-prefix" },
        ]);

        Assert.Equal([(1, "name"), (2, "prefix"), (3, "prefix")], errors.Select(e => (e.Row, e.Field)));
    }

    [Fact]
    public void Both_GoodRows_NoErrors()
    {
        Assert.Empty(EnrichmentRowCheck.Networks([new() { Name = "v6", Prefix = "2001:db8::/32" }]));
        Assert.Empty(EnrichmentRowCheck.Applications([new() { Name = "x11", Protocol = "tcp", Ports = "6000-6063" }, new() { Name = "esp", Protocol = "esp" }]));
    }
}
