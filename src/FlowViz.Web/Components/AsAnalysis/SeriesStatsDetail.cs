namespace FlowViz.Web.Components.AsAnalysis;

/// <summary>An extra, unsorted column of a <see cref="SeriesStatsTable"/> after the key: its head and the text for a row's key.</summary>
public sealed record SeriesStatsDetail(string Header, Func<string, string?> ValueOf);
