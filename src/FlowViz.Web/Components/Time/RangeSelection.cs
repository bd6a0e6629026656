using System.Globalization;
using FlowViz.Core.Queries;

namespace FlowViz.Web.Components.Time;

/// <summary>
/// What the user chose: a preset relative to now, or a fixed UTC interval. Its URL form is
/// <c>range=6h</c> or <c>from=2026-11-23T05:00:00Z&amp;to=2026-11-23T06:00:00Z</c>.
/// </summary>
public sealed record RangeSelection
{
    private const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private RangeSelection(RangePreset? preset, TimeRange? custom)
    {
        Preset = preset;
        Custom = custom;
    }

    public RangePreset? Preset { get; }

    public TimeRange? Custom { get; }

    /// <summary>Relative ranges move with the clock, so pages refresh them; fixed ones never change.</summary>
    public bool IsRelative => Preset is not null;

    public static RangeSelection Default { get; } = Relative(RangePreset.Default);

    public static RangeSelection Relative(RangePreset preset) => new(preset, null);

    public static RangeSelection Fixed(TimeRange range) => new(null, range);

    public TimeRange Resolve(DateTimeOffset now) => Custom ?? TimeRange.Last(Preset!.Span, now);

    /// <summary>From the query parameters; a valid from/to pair wins over range, anything invalid gives the default.</summary>
    public static RangeSelection Parse(string? range, string? from, string? to)
    {
        if (TryParseUtc(from, out var start) && TryParseUtc(to, out var end) && end > start)
        {
            return Fixed(new TimeRange(start, end));
        }
        return RangePreset.Find(range) is { } preset ? Relative(preset) : Default;
    }

    /// <summary>Parses the output of <see cref="ToQueryString"/> (with or without a leading '?').</summary>
    public static RangeSelection ParseQueryString(string? query)
    {
        var values = (query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => Uri.UnescapeDataString(g.First()[1]), StringComparer.OrdinalIgnoreCase);
        return Parse(values.GetValueOrDefault("range"), values.GetValueOrDefault("from"), values.GetValueOrDefault("to"));
    }

    /// <summary>The query parameters to set; null values remove a parameter (NavigationManager semantics).</summary>
    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>
    {
        ["range"] = Preset?.Name,
        ["from"] = Custom is { } c ? FormatUtc(c.From) : null,
        ["to"] = Custom is { } d ? FormatUtc(d.To) : null,
    };

    public string ToQueryString() => Custom is { } c
        ? $"from={FormatUtc(c.From)}&to={FormatUtc(c.To)}"
        : $"range={Preset!.Name}";

    public override string ToString() => ToQueryString();

    public static string FormatUtc(DateTimeOffset time) =>
        time.UtcDateTime.ToString(UtcFormat, CultureInfo.InvariantCulture);

    private static bool TryParseUtc(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
