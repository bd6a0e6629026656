namespace FlowViz.Web.Components.Charts;

/// <summary>
/// The y axis of the static chart picture: round tick values (1, 2, 2.5 or 5 × a power of ten apart, about
/// <see cref="Target"/> intervals) from a multiple of the step at or below the data's minimum to one at or above its
/// maximum, as apexcharts' nice scale picks them, so that the picture and the chart that replaces it share their axis.
/// </summary>
public static class ValueTicks
{
    public const int Target = 5;

    private static readonly double[] Multipliers = [1, 2, 2.5, 5, 10];

    /// <summary>Tick values from the lowest to the highest; 0 is one of them whenever the range includes it.</summary>
    public static IReadOnlyList<double> For(double min, double max)
    {
        (min, max) = (Math.Min(min, 0), Math.Max(max, 0)); // stacked areas start from the axis
        if (max - min <= 0)
        {
            max = 1; // nothing drawn: an axis from 0 to 1
        }
        var rough = (max - min) / Target;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = Multipliers.Select(m => m * power).First(s => s >= rough * (1 - 1e-9));
        var first = Math.Floor(min / step + 1e-9);
        var last = Math.Ceiling(max / step - 1e-9);
        return [.. Enumerable.Range(0, (int)(last - first) + 1).Select(k => (first + k) * step)];
    }
}
