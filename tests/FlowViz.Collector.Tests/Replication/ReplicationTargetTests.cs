using System.Net;
using FlowViz.Collector.Replication;

namespace FlowViz.Collector.Tests.Replication;

public sealed class ReplicationTargetTests
{
    [Theory]
    [InlineData("192.0.2.7:2055", "192.0.2.7:2055")]
    [InlineData("[2001:db8::7]:9995", "[2001:db8::7]:9995")]
    [InlineData("localhost:2055", null)]
    public void Resolve_HostAndPort_GivesTheEndpoint(string text, string? expected)
    {
        var endpoint = ReplicationTarget.Resolve(text);

        Assert.Equal(expected ?? endpoint.ToString(), endpoint.ToString());
        Assert.True(IPAddress.IsLoopback(endpoint.Address) || expected is not null);
    }

    [Theory]
    [InlineData("2055")]
    [InlineData("192.0.2.7")]
    [InlineData("192.0.2.7:0")]
    [InlineData("2001:db8::7")]
    [InlineData("backup:port")]
    public void Resolve_NotHostAndPort_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => ReplicationTarget.Resolve(text));
}
