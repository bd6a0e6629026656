using System.Globalization;

namespace FlowViz.Web.Components.Formatting;

/// <summary>
/// Human-readable traffic numbers for tables and charts, in the invariant culture.
/// All prefixes are decimal SI (1 k = 1000), for bits as network gear counts them and for bytes as nfdump
/// prints them (nfdump's 1 MB is 1 000 000 bytes), so a figure here matches the same figure in nfdump.
/// Three significant digits: "1.50 Mbit/s", "12.3 MB", "123k"; whole numbers below 1000 stay whole.
/// The chart's JS module applies the same rule to the <see cref="ScaleOf"/> steps it is sent.
/// </summary>
public static class TrafficUnits
{
    public const string BitsPerSecond = "bit/s";
    public const string PacketsPerSecond = "packets/s";
    public const string FlowsPerSecond = "flows/s";

    private static readonly UnitStep[] Bits = Steps(" bit/s", " kbit/s", " Mbit/s", " Gbit/s", " Tbit/s");
    private static readonly UnitStep[] Bytes = Steps(" B", " kB", " MB", " GB", " TB", " PB");
    private static readonly UnitStep[] Counts = Steps("", "k", "M", "G", "T");
    private static readonly UnitStep[] Packets = Steps(" packets/s", "k packets/s", "M packets/s", "G packets/s");
    private static readonly UnitStep[] Flows = Steps(" flows/s", "k flows/s", "M flows/s", "G flows/s");

    /// <summary>The prefix steps of a rate unit ("bit/s", "packets/s", "flows/s"); anything else counts plainly.</summary>
    public static IReadOnlyList<UnitStep> ScaleOf(string unit) => unit switch
    {
        BitsPerSecond => Bits,
        PacketsPerSecond => Packets,
        FlowsPerSecond => Flows,
        _ => Steps(" " + unit, "k " + unit, "M " + unit, "G " + unit),
    };

    public static string Rate(double perSecond, string unit) => Format(perSecond, ScaleOf(unit));

    public static string BitRate(double bitsPerSecond) => Format(bitsPerSecond, Bits);

    public static string ByteCount(long bytes) => Format(bytes, Bytes);

    /// <summary>Flows or packets: "999", "1.23k", "45.6M".</summary>
    public static string Count(long count) => Format(count, Counts);

    /// <summary>The exact integer with thousands separators, for titles: "12,345".</summary>
    public static string Exact(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A share of a total as a percentage with one decimal; "0.0%" when the total is zero.</summary>
    public static string Share(long part, long total) =>
        (total == 0 ? 0.0 : 100.0 * part / total).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The largest step not above |value|; negative values (mirrored charts) keep their sign.</summary>
    public static string Format(double value, IReadOnlyList<UnitStep> scale)
    {
        var (number, suffix) = Parts(value, scale);
        return number + suffix;
    }

    /// <summary>
    /// A chart axis's label: <see cref="Format"/> without trailing zeros ("2 Mbit/s", not "2.00 Mbit/s"), and on a mirrored
    /// chart the magnitude, as the chart module's formatRate(value, scale, mirrored, trim) writes it.
    /// </summary>
    public static string AxisLabel(double value, IReadOnlyList<UnitStep> scale, bool mirrored)
    {
        var (number, suffix) = Parts(mirrored ? Math.Abs(value) : value, scale);
        return (number.Contains('.', StringComparison.Ordinal) ? number.TrimEnd('0').TrimEnd('.') : number) + suffix;
    }

    private static (string Number, string Suffix) Parts(double value, IReadOnlyList<UnitStep> scale)
    {
        var step = scale[0];
        foreach (var candidate in scale)
        {
            if (Math.Abs(value) >= candidate.Factor)
            {
                step = candidate;
            }
        }
        var scaled = value / step.Factor;
        var magnitude = Math.Abs(scaled);
        var format = magnitude == 0 || (step.Factor == 1 && scaled == Math.Floor(scaled)) ? "0"
            : magnitude < 10 ? "0.00"
            : magnitude < 100 ? "0.0"
            : "0";
        var text = scaled.ToString(format, CultureInfo.InvariantCulture);
        return (text == "-0" ? "0" : text, step.Suffix);
    }

    private static UnitStep[] Steps(params string[] suffixes) =>
        [.. suffixes.Select((suffix, i) => new UnitStep(Math.Pow(1000, i), suffix))];
}
