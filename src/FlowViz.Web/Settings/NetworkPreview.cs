namespace FlowViz.Web.Settings;

/// <summary>Bytes in / out / internal / transit of the raw flows of <see cref="From"/>–<see cref="To"/>, as stored and with candidate networks.</summary>
public sealed record NetworkPreview(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<PreviewRow> Directions);
