using FlowViz.Core.Queries;

namespace FlowViz.Web.Components.Pages;

/// <summary>
/// One top table of an origin AS page: the traffic <see cref="Inbound"/> from the AS (source AS = asn) or to it
/// (destination AS = asn), ranked by one address or country dimension.
/// </summary>
public sealed record OriginAsTop(bool Inbound, string Title, string KeyHeader, TopResult Top);
