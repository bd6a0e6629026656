using System.Net;
using FlowViz.Collector.Receiving;

namespace FlowViz.Collector.Tests;

public sealed class ListenerEndpointTests
{
    [Theory]
    [InlineData("[::]:2055", "[::]:2055")]
    [InlineData("0.0.0.0:9995", "0.0.0.0:9995")]
    [InlineData("2055", "[::]:2055")]
    [InlineData("127.0.0.1:0", "127.0.0.1:0")]
    public void Parse_ValidText_GivesEndpoint(string text, string expected) =>
        Assert.Equal(IPEndPoint.Parse(expected), ListenerEndpoint.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("localhost:2055")]
    [InlineData("70000")]
    [InlineData("1.2.3.4")]
    public void Parse_InvalidText_ThrowsNamingTheSetting(string text)
    {
        var error = Assert.Throws<FormatException>(() => ListenerEndpoint.Parse(text));
        Assert.Contains("Collector:Listen", error.Message, StringComparison.Ordinal);
    }
}
