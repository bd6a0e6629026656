using FlowViz.Web.Components.Time;
using FlowViz.Web.Tests.Fakes;

namespace FlowViz.Web.Tests.Time;

public class RangeSelectionTests
{
    [Theory]
    [InlineData("range=1h")]
    [InlineData("range=6h")]
    [InlineData("range=24h")]
    [InlineData("range=7d")]
    [InlineData("range=30d")]
    [InlineData("from=2026-11-23T05:00:00Z&to=2026-11-23T06:30:00Z")]
    public void ParseQueryString_OwnOutput_RoundTrips(string text) =>
        Assert.Equal(text, RangeSelection.ParseQueryString(text).ToQueryString());

    [Fact]
    public void Parse_FromAndTo_WinOverRange()
    {
        var selection = RangeSelection.Parse("1h", "2026-11-23T05:00:00Z", "2026-11-23T06:00:00Z");

        Assert.False(selection.IsRelative);
        Assert.Equal(TimeSpan.FromHours(1), selection.Custom!.Value.Duration);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("13h", null, null)]
    [InlineData(null, "2026-11-23T06:00:00Z", "2026-11-23T05:00:00Z")]
    [InlineData(null, "yesterday", "2026-11-23T05:00:00Z")]
    public void Parse_Invalid_GivesDefault(string? range, string? from, string? to) =>
        Assert.Equal(RangeSelection.Default, RangeSelection.Parse(range, from, to));

    [Fact]
    public void Parse_OffsetTimes_NormalisedToUtc() =>
        Assert.Equal("from=2026-11-23T04:00:00Z&to=2026-11-23T05:00:00Z",
            RangeSelection.Parse(null, "2026-11-23T05:00:00+01:00", "2026-11-23T06:00:00+01:00").ToQueryString());

    [Fact]
    public void Resolve_Preset_EndsNow()
    {
        var range = RangeSelection.Parse("6h", null, null).Resolve(Sample.Now);

        Assert.Equal(new TimeRange(Sample.Now.AddHours(-6), Sample.Now), range);
    }

    [Fact]
    public void ToQueryParameters_Preset_RemovesFromAndTo()
    {
        var parameters = RangeSelection.Relative(RangePreset.All[0]).ToQueryParameters();

        Assert.Equal("1h", parameters["range"]);
        Assert.Null(parameters["from"]);
        Assert.Null(parameters["to"]);
    }
}
