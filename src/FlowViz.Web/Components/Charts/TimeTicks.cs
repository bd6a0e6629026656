using System.Globalization;

namespace FlowViz.Web.Components.Charts;

/// <summary>One labelled tick of a static chart axis: where it sits (0 to 1 along the axis) and what it says.</summary>
public sealed record AxisTick(double Position, string Label);

/// <summary>
/// The time axis of the static chart picture: ticks on round local times of the chart's time zone (every 1, 2, 5, 10, 15,
/// 30 minutes, 1, 2, 3, 6, 12 hours, 1, 2 days or a week, the finest that gives at most <see cref="MaxTicks"/>), labelled
/// "HH:mm", or "d MMM" at local midnight and for steps of a day or more, like apexcharts' datetime axis.
/// </summary>
public static class TimeTicks
{
    public const int MaxTicks = 12;

    private static readonly TimeSpan[] Steps =
    [
        .. new[] { 1, 2, 5, 10, 15, 30 }.Select(m => TimeSpan.FromMinutes(m)),
        .. new[] { 1, 2, 3, 6, 12 }.Select(h => TimeSpan.FromHours(h)),
        TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7),
    ];

    public static IReadOnlyList<AxisTick> For(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var span = to - from;
        if (span <= TimeSpan.Zero)
        {
            return [];
        }
        var step = Steps.FirstOrDefault(s => span / s <= MaxTicks, Steps[^1]);
        var ticks = new List<AxisTick>();
        for (var local = FirstLocal(TimeZoneInfo.ConvertTime(from, zone).DateTime, step); ; local += step)
        {
            if (zone.IsInvalidTime(local))
            {
                continue; // skipped by a daylight-saving change
            }
            var at = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (at > to)
            {
                return ticks;
            }
            if (at >= from)
            {
                var label = step >= TimeSpan.FromDays(1) || local.TimeOfDay == TimeSpan.Zero
                    ? local.ToString("d MMM", CultureInfo.InvariantCulture)
                    : local.ToString("HH:mm", CultureInfo.InvariantCulture);
                ticks.Add(new AxisTick((at - from) / span, label));
            }
        }
    }

    /// <summary>The first local time at or after <paramref name="local"/> on the step's grid: from local midnight, weeks from Monday.</summary>
    private static DateTime FirstLocal(DateTime local, TimeSpan step)
    {
        var day = local.Date;
        if (step >= TimeSpan.FromDays(7))
        {
            day = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        }
        var steps = Math.Ceiling((local - day) / step);
        return day + steps * step;
    }
}
