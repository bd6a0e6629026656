using FlowViz.Web.Components.Filtering;

namespace FlowViz.Web.Tests.Filtering;

public class FilterBoxTests : WebTestContext
{
    private readonly List<string?> _applied = [];

    [Fact]
    public void Input_BadPortName_MarksTheTokenAtItsPosition()
    {
        var box = RenderBox();

        box.Find("[data-testid=filter-input]").Input("proto tcp and dst port https and proto udp");

        var error = box.Find("[data-testid=filter-error]");
        Assert.Equal("23", error.GetAttribute("data-position"));
        Assert.Equal("5", error.GetAttribute("data-length"));
        Assert.Equal("https", box.Find("[data-testid=filter-bad]").TextContent);
        Assert.Equal("proto tcp and dst port https and proto udp", box.Find("[data-testid=filter-echo]").TextContent);
        Assert.StartsWith("proto tcp and dst port ", box.Find("[data-testid=filter-echo]").FirstChild!.TextContent, StringComparison.Ordinal);
        Assert.Contains("'https'", box.Find(".filter-message").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("(at character 24)", box.Find(".filter-message").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", box.Find("[data-testid=filter-input]").GetAttribute("aria-invalid"));
        Assert.Equal("flow-filter-error", box.Find("[data-testid=filter-input]").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void Input_EndsEarly_MarksTheEndOfTheText()
    {
        var box = RenderBox();

        box.Find("[data-testid=filter-input]").Input("dst port");

        Assert.Equal("8", box.Find("[data-testid=filter-error]").GetAttribute("data-position"));
        Assert.Equal(" ", box.Find("[data-testid=filter-bad]").TextContent);
        Assert.Contains("end of filter", box.Find(".filter-message").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_FixedAfterError_ClearsTheError()
    {
        var box = RenderBox();
        var input = box.Find("[data-testid=filter-input]");

        input.Input("proto tcp and");
        Assert.Single(box.FindAll("[data-testid=filter-error]"));
        box.Find("[data-testid=filter-input]").Input("proto tcp and port 443");

        Assert.Empty(box.FindAll("[data-testid=filter-error]"));
        Assert.Equal("false", box.Find("[data-testid=filter-input]").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Submit_GoodFilter_EmitsIt()
    {
        var box = RenderBox();

        box.Find("[data-testid=filter-input]").Input("  proto udp and port 53 ");
        box.Find("form").Submit();

        Assert.Equal(["proto udp and port 53"], _applied);
    }

    [Fact]
    public void Submit_BadFilter_EmitsNothingAndApplyIsDisabled()
    {
        var box = RenderBox();

        box.Find("[data-testid=filter-input]").Input("port 99999999999");
        box.Find("form").Submit();

        Assert.Empty(_applied);
        Assert.True(box.Find("[data-testid=filter-apply]").HasAttribute("disabled"));
    }

    [Fact]
    public void Submit_Emptied_EmitsNull()
    {
        var box = RenderBox("proto tcp");

        box.Find("[data-testid=filter-input]").Input("   ");
        box.Find("form").Submit();

        Assert.Equal([null], _applied);
    }

    [Fact]
    public void Render_BadValueFromUrl_ShowsItsError()
    {
        var box = RenderBox("src host 300.1.2.3");

        Assert.Equal("src host 300.1.2.3", box.Find("[data-testid=filter-input]").GetAttribute("value"));
        Assert.Equal("300.1.2.3", box.Find("[data-testid=filter-bad]").TextContent);
    }

    [Fact]
    public void ClickClear_AppliedFilter_EmitsNull()
    {
        var box = RenderBox("proto tcp");

        box.Find("[data-testid=filter-clear]").Click();

        Assert.Equal([null], _applied);
    }

    [Fact]
    public void Render_NoValue_HasLabelledInputAndNoClearButton()
    {
        var box = RenderBox();

        Assert.Equal("flow-filter", box.Find("label").GetAttribute("for"));
        Assert.Empty(box.FindAll("[data-testid=filter-clear]"));
    }

    private IRenderedComponent<FilterBox> RenderBox(string? value = null) =>
        Render<FilterBox>(p => p.Add(b => b.Value, value).Add(b => b.ValueChanged, (string? text) => _applied.Add(text)));
}
