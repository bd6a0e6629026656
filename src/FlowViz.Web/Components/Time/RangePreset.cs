namespace FlowViz.Web.Components.Time;

/// <summary>A range relative to now, named as it appears in the URL (<c>range=6h</c>).</summary>
public sealed record RangePreset(string Name, TimeSpan Span)
{
    public static readonly IReadOnlyList<RangePreset> All =
    [
        new("1h", TimeSpan.FromHours(1)),
        new("6h", TimeSpan.FromHours(6)),
        new("24h", TimeSpan.FromHours(24)),
        new("7d", TimeSpan.FromDays(7)),
        new("30d", TimeSpan.FromDays(30)),
    ];

    public static RangePreset Default => All[1];

    public static RangePreset? Find(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
