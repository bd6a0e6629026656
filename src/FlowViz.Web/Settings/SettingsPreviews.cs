using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Enrichment.Networks;
using FlowViz.Storage.Settings;

namespace FlowViz.Web.Settings;

/// <summary>
/// The effect of candidate networks or application rules on the last hour of raw flows, computed by the same
/// lookup tables the enricher would use. Flows whose application a decoder set are compared as the rules name them.
/// </summary>
public sealed class SettingsPreviews(RecentTraffic traffic, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Applications shown by name; the rest are summed as "other".</summary>
    public const int TopApplications = 12;

    public const string NoApplication = "(none)";
    public const string Other = "other";

    public async Task<ApplicationPreview> ApplicationsAsync(IReadOnlyList<ApplicationRuleRow> rules, CancellationToken cancellationToken)
    {
        var candidate = EnrichmentRulesApplier.BuildApplications(rules, []);
        var range = TimeRange.Last(Window, time.GetUtcNow());
        var before = new Dictionary<string, long>(StringComparer.Ordinal);
        var after = new Dictionary<string, long>(StringComparer.Ordinal);
        long changed = 0, total = 0;
        foreach (var row in await traffic.ByPortsAsync(range, cancellationToken))
        {
            var stored = row.Application ?? NoApplication;
            var named = candidate.Match(row.Protocol, row.SrcPort, row.DstPort) ?? NoApplication;
            before[stored] = before.GetValueOrDefault(stored) + row.Bytes;
            after[named] = after.GetValueOrDefault(named) + row.Bytes;
            total += row.Bytes;
            changed += stored == named ? 0 : row.Bytes;
        }
        var ranked = before.Keys.Union(after.Keys)
            .Select(name => new PreviewRow(name, before.GetValueOrDefault(name), after.GetValueOrDefault(name)))
            .OrderByDescending(r => Math.Max(r.BytesBefore, r.BytesAfter)).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
        var shown = ranked.Take(TopApplications).ToList();
        if (ranked.Count > TopApplications)
        {
            var rest = ranked.Skip(TopApplications).ToList();
            shown.Add(new PreviewRow(Other, rest.Sum(r => r.BytesBefore), rest.Sum(r => r.BytesAfter)));
        }
        return new ApplicationPreview(range.From, range.To, shown, changed, total);
    }

    public async Task<NetworkPreview> NetworksAsync(IReadOnlyList<LocalNetworkRow> networks, CancellationToken cancellationToken)
    {
        var table = EnrichmentRulesApplier.BuildNetworks(networks, []); // an empty list means the default ranges, as in the enricher
        var range = TimeRange.Last(Window, time.GetUtcNow());
        var bytes = await traffic.ByDirectionAsync(range, [.. table.Networks.Select(n => n.Prefix)], cancellationToken);
        TrafficDirection[] order = [TrafficDirection.In, TrafficDirection.Out, TrafficDirection.Internal, TrafficDirection.Transit, TrafficDirection.Unknown];
        return new NetworkPreview(range.From, range.To, [.. order
            .Select(d => new PreviewRow(d.ToString().ToLowerInvariant(), bytes.Stored.GetValueOrDefault(d), bytes.Candidate.GetValueOrDefault(d)))
            .Where(r => r.Label != "unknown" || r.BytesBefore != 0)]);
    }
}
