using FlowViz.Core.Filtering;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.Time;
using Microsoft.AspNetCore.Components;

namespace FlowViz.Web.Components.Traffic;

/// <summary>
/// Asks <see cref="IAnswerCompleteness"/> (the viewer-scoped one, so a tenant's scope counts) from when the page's
/// query over <see cref="Selection"/> with <see cref="Filter"/> is complete, and shows that instant in
/// <see cref="TimeZone"/>; nothing when the answer is complete. Asked again only when the range, filter or dimension
/// changes: the edge moves by a day's retention, not by a refresh's 10 seconds.
/// </summary>
public sealed partial class CompletenessNote
{
    private DateTimeOffset? _completeFrom;
    private (RangeSelection, FilterExpression?, FlowDimension?)? _asked;

    [Inject] private IAnswerCompleteness Completeness { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<CompletenessNote> Logger { get; set; } = default!;

    [Parameter, EditorRequired] public RangeSelection Selection { get; set; } = RangeSelection.Default;
    [Parameter] public FilterExpression? Filter { get; set; }
    /// <summary>The dimension the page groups by (null: totals); it decides which rollup could answer.</summary>
    [Parameter] public FlowDimension? By { get; set; }
    [Parameter] public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    protected override async Task OnParametersSetAsync()
    {
        var asking = (Selection, Filter, By);
        if (_asked == asking)
        {
            return;
        }
        _asked = asking;
        try
        {
            _completeFrom = await Completeness.CompleteFromAsync(Selection.Resolve(Clock.GetUtcNow()), By, Filter, null, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The page's own query reports database trouble; this note only adds to a good answer.
            Logger.LogWarning(e, "Could not tell from when the answer for {Range} is complete", Selection);
            _completeFrom = null;
        }
    }

    private string Format(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone);
        var sign = local.Offset < TimeSpan.Zero ? "-" : "+";
        var zone = TimeZone == TimeZoneInfo.Utc ? "UTC" : $"{TimeZone.Id}, UTC{sign}{local.Offset.Duration():hh\\:mm}";
        return $"{local:yyyy-MM-dd HH:mm} ({zone})";
    }
}
