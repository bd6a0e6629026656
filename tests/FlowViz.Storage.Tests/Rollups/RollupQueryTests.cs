using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Tests.Timescale;
using static FlowViz.Storage.Tests.Rollups.RollupFlows;

namespace FlowViz.Storage.Tests.Rollups;

/// <summary>
/// The query service answers from the rollups exactly what it answers from the raw flows, for every dimension,
/// metric and step, over ranges aligned to the hours, not aligned at all, and reaching past the rollups' coverage.
/// </summary>
public sealed class RollupQueryTests(RollupTrafficFixture traffic) : IClassFixture<RollupTrafficFixture>
{
    private static readonly TimeRange[] Ranges =
    [
        new(T0, T0.AddHours(3)),
        // Raw edges, 1 m, 5 m and 1 h segments (see Plan_UnalignedRange_…).
        new(T0.AddSeconds(450.5), T0.AddSeconds(10_390)),
        // Ten minutes on either side that no rollup covers.
        new(T0.AddMinutes(-10), T0.AddHours(3).AddMinutes(10)),
        new(T0.AddMinutes(65), T0.AddMinutes(82)),
    ];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<FlowDimension> Dimensions => new(Enum.GetValues<FlowDimension>());

    [Theory]
    [MemberData(nameof(Dimensions))]
    public async Task TopAsync_EveryDimension_EqualsRawAnswer(FlowDimension by)
    {
        foreach (var range in Ranges)
        {
            foreach (var metric in new[] { TrafficMetric.Bytes, TrafficMetric.Flows })
            {
                foreach (var limit in new[] { 3, 100 })
                {
                    var query = new TopQuery(range, by, metric, limit);

                    var fromRollups = await traffic.Queries.TopAsync(query, Cancellation);

                    Assert.Equal(QueryResults.Text(await traffic.RawQueries.TopAsync(query, Cancellation)), QueryResults.Text(fromRollups));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public async Task SeriesAsync_EveryDimensionStepAndSplit_EqualsRawAnswer(FlowDimension by)
    {
        foreach (var range in Ranges)
        {
            foreach (var step in new[] { 60, 300, 3_600 })
            {
                foreach (var split in Enum.GetValues<SeriesSplit>())
                {
                    var query = new SeriesQuery(range, by, TrafficMetric.Bits, step, 4, Split: split);

                    var fromRollups = await traffic.Queries.SeriesAsync(query, Cancellation);

                    Assert.Equal(QueryResults.Text(await traffic.RawQueries.SeriesAsync(query, Cancellation)), QueryResults.Text(fromRollups));
                }
            }
        }
    }

    [Fact]
    public async Task SummaryAsync_EveryRange_EqualsSumsOfTheRecords()
    {
        foreach (var range in Ranges)
        {
            var matching = traffic.Flows.Where(f => f.TimeReceived >= range.From.UtcDateTime && f.TimeReceived < range.To.UtcDateTime).ToList();

            var totals = await traffic.Queries.SummaryAsync(new SummaryQuery(range), Cancellation);

            Assert.Equal(new TrafficTotals(matching.Count, matching.Sum(f => (long)f.ScaledPackets), matching.Sum(f => (long)f.ScaledBytes)), totals);
        }
    }

    [Fact]
    public async Task PlanAsync_UnalignedRange_CoarsestTablePerSegmentAndRawEdges()
    {
        var plan = await traffic.Queries.PlanAsync(Ranges[1], FlowDimension.Application, null, null, Cancellation);

        Assert.Equal(
            [
                "flows [2026-03-02 00:07:30Z, 2026-03-02 00:08:00Z)",
                "rollup_app_1m [2026-03-02 00:08:00Z, 2026-03-02 00:10:00Z)",
                "rollup_app_5m [2026-03-02 00:10:00Z, 2026-03-02 01:00:00Z)",
                "rollup_app_1h [2026-03-02 01:00:00Z, 2026-03-02 02:00:00Z)",
                "rollup_app_5m [2026-03-02 02:00:00Z, 2026-03-02 02:50:00Z)",
                "rollup_app_1m [2026-03-02 02:50:00Z, 2026-03-02 02:53:00Z)",
                "flows [2026-03-02 02:53:00Z, 2026-03-02 02:53:10Z)",
            ],
            plan.Select(segment => segment.ToString()));
    }

    [Theory]
    [InlineData(FlowDimension.Protocol, null, "rollup_proto_1h")]
    [InlineData(FlowDimension.Application, null, "rollup_app_1h")]
    [InlineData(FlowDimension.LocalHost, null, "rollup_host_1h")]
    [InlineData(FlowDimension.SrcCountry, "dst country JP", "rollup_country_1h")]
    [InlineData(FlowDimension.Connectivity, "exporter net 198.51.100.0/24", "rollup_iface_1h")]
    [InlineData(FlowDimension.OriginAs, "connectivity transit", "rollup_as_1h")]
    [InlineData(FlowDimension.Direction, "proto tcp", "rollup_proto_1h")]
    [InlineData(FlowDimension.Protocol, "app https", "flows")]
    [InlineData(FlowDimension.SrcPort, null, "flows")]
    public async Task PlanAsync_AlignedRange_SmallestCubeHoldingDimensionAndFilter(FlowDimension by, string? filter, string table)
    {
        var plan = await traffic.Queries.PlanAsync(Ranges[0], by, filter is null ? null : Core.Filtering.FilterParser.Parse(filter), 3_600, Cancellation);

        Assert.Equal(table, Assert.Single(plan).Source.Table);
    }

    [Fact]
    public async Task PlanAsync_StepNotAMultipleOfTheWidth_UsesFinerRollup()
    {
        var plan = await traffic.Queries.PlanAsync(Ranges[0], FlowDimension.Protocol, null, 1_800, Cancellation);

        Assert.Equal("rollup_proto_5m", Assert.Single(plan).Source.Table);
    }

    [Fact]
    public async Task TopAsync_ByConnectivityAndProvider_EqualsClassesAppliedInMemory()
    {
        foreach (var (dimension, pick) in new (FlowDimension, Func<(string, uint, string, string?, string), string?>)[]
        {
            (FlowDimension.Connectivity, c => c.Item3),
            (FlowDimension.Provider, c => c.Item4),
            (FlowDimension.Boundary, c => c.Item5),
        })
        {
            var expected = traffic.Flows
                .GroupBy(f => ClassOf(f, pick) ?? "none")
                .ToDictionary(g => g.Key, g => g.Sum(f => (long)f.ScaledBytes));

            var top = await traffic.Queries.TopAsync(new TopQuery(Ranges[0], dimension, TrafficMetric.Bytes, 100), Cancellation);

            Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), top.Rows.ToDictionary(r => r.Key, r => r.Bytes).OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(TrafficTotals.Zero, top.Other);
        }
    }

    /// <summary>The contract of 0004: the input interface's class when its boundary is external, else the output interface's.</summary>
    internal static string? ClassOf(FlowRecord flow, Func<(string, uint, string, string?, string), string?> pick)
    {
        if (flow.Exporter.IsNone)
        {
            return null;
        }
        var exporter = flow.Exporter.ToIPAddress().ToString();
        var input = Classes.Where(c => c.Exporter == exporter && c.IfIndex == flow.InputInterface).ToList();
        if (input.Count == 1 && input[0].Boundary == "external")
        {
            return pick(input[0]);
        }
        var output = Classes.Where(c => c.Exporter == exporter && c.IfIndex == flow.OutputInterface).ToList();
        return output.Count == 1 ? pick(output[0]) : null;
    }
}
