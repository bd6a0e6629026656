namespace FlowViz.Benchmarks.FirstPaint;

/// <summary>
/// One page measured: its path and query, the element that means "the page shows its data" — the main chart's first
/// series area drawn by apexcharts, or the main table's first data row (the pages' data-testid attributes) — and the
/// element that means "the data reached the page": the chart's container, rendered by Blazor once the query answered
/// (for a table, its first row). The time between the two is the browser's drawing.
/// </summary>
public sealed record PaintTarget(string Name, string PathAndQuery, string Selector, string DataSelector, bool IsChart = false)
{
    /// <summary>Inside a chart component: the first area apexcharts drew (series with data only: an empty chart draws none).</summary>
    public static PaintTarget Chart(string name, string pathAndQuery, string testId) => new(name, pathAndQuery,
        $"[data-testid={testId}] [data-testid=traffic-chart] .apexcharts-area-series path.apexcharts-area",
        $"[data-testid={testId}] [data-testid=traffic-chart]", IsChart: true);

    public static PaintTarget Row(string name, string pathAndQuery, string testId) =>
        new(name, pathAndQuery, $"[data-testid={testId}]", $"[data-testid={testId}]");
}
