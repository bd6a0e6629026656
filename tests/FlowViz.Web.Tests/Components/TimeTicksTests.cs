using FlowViz.Web.Components.Charts;

namespace FlowViz.Web.Tests.Components;

/// <summary>The static chart's time axis: round local times of the chart's zone, as apexcharts labels them.</summary>
public class TimeTicksTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void TenHours_WholeLocalHours()
    {
        var from = new DateTimeOffset(2026, 11, 24, 10, 17, 0, TimeSpan.Zero); // 11:17 in Berlin (UTC+1)

        var ticks = TimeTicks.For(from, from.AddHours(10), Berlin);

        Assert.Equal(["12:00", "13:00", "14:00", "15:00", "16:00", "17:00", "18:00", "19:00", "20:00", "21:00"], ticks.Select(t => t.Label));
        Assert.Equal(43.0 / 600, ticks[0].Position, 9); // 12:00 is 43 minutes into the ten hours
    }

    [Fact]
    public void LocalMidnight_NamedByItsDate()
    {
        var from = new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.Zero); // 21:00 in Berlin

        var ticks = TimeTicks.For(from, from.AddHours(10), Berlin);

        Assert.Equal(["21:00", "22:00", "23:00", "25 Nov", "01:00", "02:00", "03:00", "04:00", "05:00", "06:00", "07:00"], ticks.Select(t => t.Label));
        Assert.Equal(0.3, ticks[3].Position, 9);
    }

    [Fact]
    public void SevenDays_DailyAtLocalMidnight()
    {
        var from = new DateTimeOffset(2026, 11, 17, 12, 0, 0, TimeSpan.Zero);

        var ticks = TimeTicks.For(from, from.AddDays(7), NewYork);

        Assert.Equal(["18 Nov", "19 Nov", "20 Nov", "21 Nov", "22 Nov", "23 Nov", "24 Nov"], ticks.Select(t => t.Label));
        Assert.Equal(17.0 / 168, ticks[0].Position, 9); // New York's midnight is 05:00 UTC, 17 hours in
    }

    [Fact]
    public void SpringForward_TheSkippedHourHasNoTick()
    {
        var from = new DateTimeOffset(2026, 3, 8, 5, 30, 0, TimeSpan.Zero); // 00:30 EST; at 02:00 clocks go to 03:00 EDT

        var ticks = TimeTicks.For(from, from.AddHours(10), NewYork);

        Assert.Equal(["01:00", "03:00", "04:00", "05:00", "06:00", "07:00", "08:00", "09:00", "10:00", "11:00"], ticks.Select(t => t.Label));
        Assert.Equal(1.5 / 10, ticks[1].Position, 9); // 03:00 EDT is 07:00 UTC
    }

    [Fact]
    public void EmptyRange_NoTicks() =>
        Assert.Empty(TimeTicks.For(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, Berlin));
}
