using System.Globalization;
using FlowViz.Core.Queries;
using FlowViz.Web.Components.Time;

namespace FlowViz.Web.Components.Traffic;

/// <summary>
/// Links between the AS and interface pages (AS → interface → AS) that keep the range and time zone the user is
/// looking at, so a drill-down shows the same period. Relative to the base href, as the nav links are.
/// </summary>
public static class DrillLinks
{
    public static string As(string asn, RangeSelection range, bool utc) =>
        $"as/{Uri.EscapeDataString(asn)}?{State(range, utc)}";

    /// <summary>The Origin AS page of a query-service AS key; null when the key is not an AS number ("none": no AS known).</summary>
    public static string? AsOfKey(string key, RangeSelection range, bool utc) =>
        Pages.OriginAs.ParseAsn(key) is null ? null : As(key, range, utc);

    public static string Interface(string exporter, long ifIndex, RangeSelection range, bool utc) =>
        $"interfaces/{Uri.EscapeDataString(exporter)}/{ifIndex.ToString(CultureInfo.InvariantCulture)}?{State(range, utc)}";

    /// <summary>The Interface page of a query-service interface key ("exporter/ifIndex"); null when the key is not one.</summary>
    public static string? InterfaceOfKey(string key, RangeSelection range, bool utc) =>
        DimensionLabels.TryParseInterfaceKey(key, out var exporter, out var ifIndex) ? Interface(exporter, ifIndex, range, utc) : null;

    /// <summary>A column head inside a sentence: "Source AS" → "source AS" (only the first letter lowered).</summary>
    public static string Lower(string header) => header.Length == 0 ? header : char.ToLowerInvariant(header[0]) + header[1..];

    private static string State(RangeSelection range, bool utc) => utc ? range.ToQueryString() + "&tz=utc" : range.ToQueryString();
}
