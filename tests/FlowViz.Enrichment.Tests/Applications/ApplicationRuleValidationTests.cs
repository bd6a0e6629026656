using FlowViz.Enrichment.Applications;

namespace FlowViz.Enrichment.Tests.Applications;

public sealed class ApplicationRuleValidationTests
{
    [Theory]
    [InlineData("HTTPS", "tcp", "443", "Enrichment:Applications:0 (\"HTTPS\"): Name \"HTTPS\" must be lower case (\"https\"), as filters and the database store it.")]
    [InlineData("web app", "tcp", "443", "Enrichment:Applications:0 (\"web app\"): Name \"web app\" must be 1 to 31 characters of lower-case letters, digits, '-', '_' and '.'.")]
    [InlineData("", "tcp", "443", "Enrichment:Applications:0 (\"\"): Name \"\" must be 1 to 31 characters of lower-case letters, digits, '-', '_' and '.'.")]
    [InlineData("a-name-that-is-thirty-two-bytes.", "tcp", "443", "Enrichment:Applications:0 (\"a-name-that-is-thirty-two-bytes.\"): Name \"a-name-that-is-thirty-two-bytes.\" is longer than 31 bytes.")]
    [InlineData("app", "", "443", "Enrichment:Applications:0 (\"app\"): Protocol is required (tcp, udp, tcp,udp, esp, a number…).")]
    [InlineData("app", "tpc", "443", "Enrichment:Applications:0 (\"app\"): Protocol \"tpc\" is neither a number from 0 to 255 nor one of")]
    [InlineData("app", "256", "443", "Enrichment:Applications:0 (\"app\"): Protocol \"256\" is neither a number from 0 to 255 nor one of")]
    [InlineData("app", "tcp", "65536", "Enrichment:Applications:0 (\"app\"): Ports \"65536\" is not a port (0 to 65535) or a range like 6000-6063.")]
    [InlineData("app", "tcp", "90-80", "Enrichment:Applications:0 (\"app\"): Ports \"90-80\" is not a port (0 to 65535) or a range like 6000-6063.")]
    [InlineData("app", "tcp", "http", "Enrichment:Applications:0 (\"app\"): Ports \"http\" is not a port (0 to 65535) or a range like 6000-6063.")]
    [InlineData("app", "esp", "500", "Enrichment:Applications:0 (\"app\"): protocol esp has no ports; leave Ports empty to match the whole protocol.")]
    public void Build_BadRule_IsRefusedWithAMessageNamingIt(string name, string protocol, string ports, string message)
    {
        var errors = new List<string>();

        ApplicationRules.Build([new ApplicationOptions { Name = name, Protocol = protocol, Ports = ports }], errors);

        Assert.StartsWith(message, Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ThirtyOneByteName_IsAccepted()
    {
        var errors = new List<string>();

        var rules = ApplicationRules.Build([new ApplicationOptions { Name = new string('a', 31), Protocol = "tcp", Ports = "1" }], errors);

        Assert.Empty(errors);
        Assert.Equal(new string('a', 31), rules.Match(6, 1, 50_000));
    }
}
