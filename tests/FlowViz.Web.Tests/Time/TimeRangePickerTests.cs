using FlowViz.Web.Components.Time;
using FlowViz.Web.Tests.Fakes;

namespace FlowViz.Web.Tests.Time;

public class TimeRangePickerTests : WebTestContext
{
    private RangeSelection? _emitted;

    [Fact]
    public void ClickPreset_Emitted_RoundTripsItsUrlText()
    {
        var picker = RenderPicker(RangeSelection.Default);

        picker.Find("[data-testid=range-7d]").Click();

        Assert.Equal("range=7d", _emitted!.ToQueryString());
        Assert.Equal(_emitted, RangeSelection.ParseQueryString(_emitted.ToQueryString()));
    }

    [Fact]
    public void Render_Preset_MarksItPressed()
    {
        var picker = RenderPicker(RangeSelection.Parse("24h", null, null));

        Assert.Equal("true", picker.Find("[data-testid=range-24h]").GetAttribute("aria-pressed"));
        Assert.Equal("false", picker.Find("[data-testid=range-1h]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void ApplyCustom_LocalTimesInZone_EmitsUtc()
    {
        var picker = RenderPicker(RangeSelection.Default, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        picker.Find("[data-testid=range-custom]").Click();

        picker.Find("[data-testid=range-from]").Change("2026-11-23T06:00");
        picker.Find("[data-testid=range-to]").Change("2026-11-23T07:30");
        picker.Find("form").Submit();

        Assert.Equal("from=2026-11-23T05:00:00Z&to=2026-11-23T06:30:00Z", _emitted!.ToQueryString());
    }

    [Fact]
    public void ApplyCustom_ToBeforeFrom_ShowsErrorAndEmitsNothing()
    {
        var picker = RenderPicker(RangeSelection.Default);
        picker.Find("[data-testid=range-custom]").Click();

        picker.Find("[data-testid=range-from]").Change("2026-11-23T08:00");
        picker.Find("[data-testid=range-to]").Change("2026-11-23T07:00");
        picker.Find("form").Submit();

        Assert.Null(_emitted);
        Assert.Equal("'To' must be after 'From'.", picker.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void Render_CustomValue_PrefillsInputsInZone()
    {
        var fixedRange = RangeSelection.Parse(null, "2026-11-23T05:00:00Z", "2026-11-23T06:00:00Z");

        var picker = RenderPicker(fixedRange, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        Assert.Equal("2026-11-23T06:00", picker.Find("[data-testid=range-from]").GetAttribute("value"));
        Assert.Equal("2026-11-23T07:00", picker.Find("[data-testid=range-to]").GetAttribute("value"));
    }

    private IRenderedComponent<TimeRangePicker> RenderPicker(RangeSelection value, TimeZoneInfo? zone = null) =>
        Render<TimeRangePicker>(p => p
            .Add(c => c.Value, value)
            .Add(c => c.TimeZone, zone ?? TimeZoneInfo.Utc)
            .Add(c => c.ValueChanged, (RangeSelection s) => _emitted = s));
}
