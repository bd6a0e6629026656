using FlowViz.Core.Filtering;
using FlowViz.Identity.Tenants;

namespace FlowViz.Identity.Tests;

public sealed class TenantScopeTextTests
{
    [Theory]
    [InlineData("as 64500", TenantScopeKind.As, FilterSide.Either)]
    [InlineData("dst as 64500", TenantScopeKind.As, FilterSide.Dst)]
    [InlineData("in if 192.0.2.1 3", TenantScopeKind.Interface, FilterSide.Src)]
    [InlineData("if ::ffff:192.0.2.1 3", TenantScopeKind.Interface, FilterSide.Either)]
    [InlineData("src net 10.0.0.0/8", TenantScopeKind.Prefix, FilterSide.Src)]
    public void Parse_OneEntry_KindAndSide(string text, TenantScopeKind kind, FilterSide side)
    {
        var entry = Assert.Single(TenantScopeText.Parse(text));
        Assert.Equal((kind, side), (entry.Kind, entry.Side));
    }

    [Fact]
    public void Parse_MappedExporter_IsStoredAsIPv4()
    {
        var entry = Assert.Single(TenantScopeText.Parse("if ::ffff:192.0.2.1 3"));
        Assert.Equal("if 192.0.2.1 3", TenantScopeText.Format(entry));
    }

    [Theory]
    [InlineData("as x", "not an AS number")]
    [InlineData("as 4294967296", "not an AS number")]
    [InlineData("in as 5", "expected")]
    [InlineData("src if 192.0.2.1 3", "expected")]
    [InlineData("if nowhere 3", "not an exporter address")]
    [InlineData("net 10.0.0.1/8", "host bits set")]
    [InlineData("host 10.0.0.1", "expected")]
    public void Parse_BadEntry_SaysWhy(string text, string why)
    {
        var error = Assert.Throws<AccountException>(() => TenantScopeText.Parse(text));
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }
}
