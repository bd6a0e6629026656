using FlowViz.Core.Queries;

namespace FlowViz.Web.Components.Charts;

/// <summary>The chart's inputs, compared by value: a refresh returns new but often equal records.</summary>
internal sealed record ChartInputs(SeriesResult? Series, string Unit, bool Mirrored, int Height, string TimeZone, TimeRange? Range, bool Zoomable)
{
    public ChartPayload ToPayload() => ChartPayload.From(Series, Unit, Mirrored, Height, TimeZone, Range, Zoomable);

    public bool SameAs(ChartInputs? other) =>
        other is not null && Unit == other.Unit && Mirrored == other.Mirrored && Height == other.Height
        && TimeZone == other.TimeZone && Range == other.Range && Zoomable == other.Zoomable
        && SameSeries(Series, other.Series);

    private static bool SameSeries(SeriesResult? a, SeriesResult? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }
        return a.StepSeconds == b.StepSeconds && a.Series.Count == b.Series.Count
            && a.Series.Zip(b.Series).All(pair =>
                pair.First.Key == pair.Second.Key && pair.First.Label == pair.Second.Label && pair.First.Direction == pair.Second.Direction
                && pair.First.Points.SequenceEqual(pair.Second.Points));
    }
}
