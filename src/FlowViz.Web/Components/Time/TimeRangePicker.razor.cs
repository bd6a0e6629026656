using System.Globalization;
using FlowViz.Core.Queries;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Time;

/// <summary>
/// Presets (1h … 30d) and a custom from/to. The datetime-local inputs are in <see cref="TimeZone"/>
/// (the browser's zone); the emitted selection is always UTC.
/// </summary>
public partial class TimeRangePicker
{
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    private bool _customOpen;
    private string? _fromText;
    private string? _toText;
    private string? _error;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Parameter] public RangeSelection Value { get; set; } = RangeSelection.Default;

    [Parameter] public EventCallback<RangeSelection> ValueChanged { get; set; }

    [Parameter] public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    protected override void OnParametersSet()
    {
        if (!Value.IsRelative)
        {
            _customOpen = true;
        }
        if (!_customOpen || _fromText is null)
        {
            var range = Value.Resolve(Clock.GetUtcNow());
            _fromText = ToLocalText(range.From);
            _toText = ToLocalText(range.To);
        }
    }

    private Task ChoosePresetAsync(RangePreset preset)
    {
        _customOpen = false;
        _error = null;
        return ValueChanged.InvokeAsync(RangeSelection.Relative(preset));
    }

    private void ToggleCustom() => _customOpen = !_customOpen;

    private async Task ApplyCustomAsync()
    {
        if (!TryFromLocalText(_fromText, out var from) || !TryFromLocalText(_toText, out var to))
        {
            _error = "Enter both times.";
            return;
        }
        if (to <= from)
        {
            _error = "'To' must be after 'From'.";
            return;
        }
        _error = null;
        await ValueChanged.InvokeAsync(RangeSelection.Fixed(new TimeRange(from, to)));
    }

    private string ToLocalText(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, TimeZone).ToString(LocalFormat, CultureInfo.InvariantCulture);

    private bool TryFromLocalText(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(wall))
        {
            wall = wall.AddHours(1); // a wall time skipped by a DST change: take the hour after
        }
        utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wall, TimeZone), TimeSpan.Zero);
        return true;
    }
}
