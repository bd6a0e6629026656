namespace FlowViz.Benchmarks.FirstPaint;

/// <summary>
/// One page measured: its path and query, the element that means "the page shows its data" — the main chart's first
/// series area, either in the static picture of the prerendered HTML or drawn by apexcharts, or the main table's first
/// data row (the pages' data-testid attributes) — the element that means "the data reached the page": the chart's
/// container, rendered by Blazor once the query answered (for a table, its first row), and the element that means "the
/// interactive chart is drawn": apexcharts' first area (for a table, its first row again).
/// </summary>
public sealed record PaintTarget(string Name, string PathAndQuery, string Selector, string DataSelector, string DrawnSelector, bool IsChart = false)
{
    /// <summary>
    /// Inside a chart component: the first area of the static picture (StaticChart) or the first area apexcharts drew
    /// (series with data only: an empty chart draws none).
    /// </summary>
    public static PaintTarget Chart(string name, string pathAndQuery, string testId)
    {
        var chart = $"[data-testid={testId}] [data-testid=traffic-chart]";
        var apex = $"{chart} .apexcharts-area-series path.apexcharts-area";
        return new(name, pathAndQuery, $"{chart} path.traffic-chart-static-area, {apex}", chart, apex, IsChart: true);
    }

    public static PaintTarget Row(string name, string pathAndQuery, string testId) =>
        new(name, pathAndQuery, $"[data-testid={testId}]", $"[data-testid={testId}]", $"[data-testid={testId}]");
}
