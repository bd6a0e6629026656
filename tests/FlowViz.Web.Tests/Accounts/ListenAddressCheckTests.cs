using FlowViz.Web.Accounts;
using Microsoft.Extensions.Configuration;

namespace FlowViz.Web.Tests.Accounts;

public sealed class ListenAddressCheckTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("https://192.0.2.10:443", false)]
    public void IsLoopback_Host(string url, bool loopback) => Assert.Equal(loopback, ListenAddressCheck.IsLoopback(url));

    [Fact]
    public void Refusal_NonLoopbackNoAccountNoAnonymousRead_SaysWhatToDo()
    {
        var refusal = ListenAddressCheck.Refusal(Config("http://127.0.0.1:8080;http://0.0.0.0:8081"), new AuthOptions(), anyAccount: false);
        Assert.NotNull(refusal);
        Assert.Contains("http://0.0.0.0:8081", refusal, StringComparison.Ordinal);
        Assert.Contains("Auth:AnonymousRead=true", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_KestrelEndpointBeyondLoopback_IsSeenToo() =>
        Assert.NotNull(ListenAddressCheck.Refusal(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = "http://192.0.2.10:80",
        }).Build(), new AuthOptions(), anyAccount: false));

    [Theory]
    [InlineData("http://0.0.0.0:8080", true, false)]
    [InlineData("http://0.0.0.0:8080", false, true)]
    [InlineData("http://127.0.0.1:8080", false, false)]
    public void Refusal_AccountAnonymousReadOrLoopback_Allows(string urls, bool anyAccount, bool anonymousRead) =>
        Assert.Null(ListenAddressCheck.Refusal(Config(urls), new AuthOptions { AnonymousRead = anonymousRead }, anyAccount));

    private static IConfiguration Config(string urls) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();
}
