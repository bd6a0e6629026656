using FlowViz.Core.Queries;

namespace FlowViz.Identity.Tenants;

/// <summary>What a tenant with a candidate scope would see over <see cref="Range"/>: its totals and its top ASes and interfaces.</summary>
public sealed record TenantPreviewResult(TimeRange Range, TrafficTotals Totals, TopResult OriginAses, TopResult SourceAses, TopResult InputInterfaces);
