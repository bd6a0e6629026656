using FlowViz.Enrichment.Applications;
using FlowViz.Enrichment.Networks;

namespace FlowViz.Enrichment;

/// <summary>
/// Checks edited local networks and application rules row by row, with the same rules as configuration at start-up,
/// so a screen or an API can show each mistake at its row.
/// </summary>
public static class EnrichmentRowCheck
{
    public static IReadOnlyList<RowError> Networks(IReadOnlyList<NetworkOptions> networks) =>
        [.. networks.SelectMany((network, row) => LocalNetworkTable.Check(network).Select(m => new RowError(row, m.Field, m.Message)))];

    public static IReadOnlyList<RowError> Applications(IReadOnlyList<ApplicationOptions> rules) =>
        [.. rules.SelectMany((rule, row) => ApplicationRuleParser.Check(rule).Select(m => new RowError(row, m.Field, m.Message)))];
}
