using FlowViz.Identity.Tenants;

namespace FlowViz.Identity.Tests.Administration;

public class ScopeTextCheckTests
{
    [Fact]
    public void Of_GoodAndBadEntries_ParsesTheGoodReportsEachBadAtItsPosition()
    {
        const string text = "as 64500; net 10.0.0.0/33\n\nout if 192.0.2.1 -4, src as 1";

        var check = ScopeTextCheck.Of(text);

        Assert.Equal("as 64500, src as 1", TenantScopeText.Format(check.Entries));
        Assert.Equal(2, check.Errors.Count);
        Assert.Equal((10, "net 10.0.0.0/33", 1, 11), (check.Errors[0].Start, text.Substring(check.Errors[0].Start, check.Errors[0].Length), check.Errors[0].Line, check.Errors[0].Column));
        Assert.Equal((27, "out if 192.0.2.1 -4", 3, 1), (check.Errors[1].Start, text.Substring(check.Errors[1].Start, check.Errors[1].Length), check.Errors[1].Line, check.Errors[1].Column));
        Assert.Contains("'-4' is not an interface index", check.Errors[1].Message, StringComparison.Ordinal);
        Assert.False(check.IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData(" ,\n; ")]
    public void Of_Blank_ValidAndEmpty(string? text)
    {
        var check = ScopeTextCheck.Of(text);

        Assert.True(check.IsValid);
        Assert.Empty(check.Entries);
    }

    [Fact]
    public void Of_AcceptsExactlyWhatTheParserAccepts()
    {
        const string text = "src as 64500, in if 192.0.2.1 3, out if 2001:db8::1 7, dst net 198.51.100.0/24, net 2001:db8:5::/48";

        Assert.Equal(TenantScopeText.Format(TenantScopeText.Parse(text)), TenantScopeText.Format(ScopeTextCheck.Of(text).Entries));
    }
}
