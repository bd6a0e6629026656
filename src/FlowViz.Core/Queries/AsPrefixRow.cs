namespace FlowViz.Core.Queries;

/// <summary>
/// One prefix of an AS (<see cref="AsPrefixes"/>): its traffic from the AS (<paramref name="In"/>: source AS = asn, by
/// source prefix) and to it (<paramref name="Out"/>: destination AS = asn, by destination prefix). A side is null when
/// it is not known exactly: that side had more prefixes than one answer lists and this one was not among them.
/// </summary>
public sealed record AsPrefixRow(string Key, string Label, TrafficTotals? In, TrafficTotals? Out);
