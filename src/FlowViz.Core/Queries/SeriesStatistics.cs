namespace FlowViz.Core.Queries;

/// <summary>
/// The figures printed under a graph's legend (as NfSen and MRTG do), computed from a series' points:
/// the smallest, mean and largest rate, the 95th percentile of the rates (nearest rank, the way transit is
/// billed: sort the n rates, take the ⌈0.95·n⌉-th), and the total amount (each rate × the step, summed: bytes,
/// bits, packets or flows over the whole range). Empty series give zeros.
/// </summary>
public sealed record SeriesStatistics(double Min, double Avg, double Max, double Percentile95, double Total)
{
    public static SeriesStatistics Of(IReadOnlyList<SeriesPoint> points, int stepSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSeconds, 1);
        if (points.Count == 0)
        {
            return new SeriesStatistics(0, 0, 0, 0, 0);
        }
        var rates = points.Select(point => point.Rate).Order().ToArray();
        var sum = rates.Sum();
        var rank = (int)Math.Ceiling(0.95 * rates.Length);
        return new SeriesStatistics(rates[0], sum / rates.Length, rates[^1], rates[rank - 1], sum * stepSeconds);
    }
}
