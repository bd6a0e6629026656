using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Tests.Rollups;
using static FlowViz.Storage.Tests.Rollups.RollupFlows;

namespace FlowViz.Storage.Tests.Queries;

/// <summary>
/// The series statement (Storage/Queries/SeriesRankingSql) against sums computed here from the flow records: the origin-AS
/// series of the AS dashboard, from the rollups and from the raw flows, with and without the transit filter, with a
/// limit that sends keys to "other", with none, and with one above the number of keys, which ranks the NULL key (no
/// origin AS: internal, transit-through and unknown directions) among the top keys.
/// </summary>
public sealed class SeriesRankingTests(RollupTrafficFixture traffic) : IClassFixture<RollupTrafficFixture>
{
    private const int Step = 300;

    // Not aligned to the step or to any rollup: raw flows, minutes and 5-minute rows all take part.
    private static readonly TimeRange Range = new(T0.AddSeconds(450.5), T0.AddSeconds(10_390));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<int, bool> Cases() => new()
    {
        { 0, false }, { 2, false }, { 4, false }, { 10, false },
        { 0, true }, { 1, true }, { 2, true }, { 10, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SeriesAsync_OriginAs_EqualsSumsOfTheRecords(int limit, bool viaTransit)
    {
        var filter = viaTransit ? FilterParser.Parse("connectivity transit") : null;
        var query = new SeriesQuery(Range, FlowDimension.OriginAs, TrafficMetric.Bits, Step, limit, filter);
        var expected = Expected(traffic.Flows.Where(f => !viaTransit || ConnectivityOf(f) == "transit"), limit);

        foreach (var queries in new[] { traffic.Queries, traffic.RawQueries })
        {
            var result = await queries.SeriesAsync(query, Cancellation);

            Assert.Equal(expected, result.Series.Select(s => (s.Key, s.Points.Select(p => p.Rate).ToArray())).ToList(), SeriesComparer.Instance);
            Assert.All(result.Series, s => Assert.Equal(FirstBucket, s.Points[0].UnixSeconds));
        }
    }

    [Fact]
    public async Task GroupsFirst_RowsAsReadOnlyForManyKeysFromRollups()
    {
        var fromRollups = await traffic.Queries.PlanAsync(Range, FlowDimension.OriginAs, null, Step, Cancellation);
        var fromRaw = await traffic.RawQueries.PlanAsync(Range, FlowDimension.OriginAs, null, Step, Cancellation);

        Assert.False(SeriesRankingSql.GroupsFirst(FlowDimension.OriginAs, fromRollups, Range));
        Assert.True(SeriesRankingSql.GroupsFirst(FlowDimension.OriginAs, fromRaw, Range));
        Assert.True(SeriesRankingSql.GroupsFirst(FlowDimension.Connectivity, fromRollups, Range));
    }

    [Fact]
    public void Cases_CoverTheNullKeyAndOther()
    {
        var keys = traffic.Flows.Select(OriginAsOf).Distinct().ToList();
        Assert.Contains(null, keys);
        Assert.InRange(keys.Count, 3, 9); // limit 2 leaves keys to "other"; limit 10 ranks them all, NULL included
    }

    private static long FirstBucket => (long)Math.Floor(Range.From.ToUnixTimeMilliseconds() / (Step * 1000.0)) * Step;

    private static List<(string Key, double[] Rates)> Expected(IEnumerable<FlowRecord> flows, int limit)
    {
        var inRange = flows.Where(f => f.TimeReceived >= Range.From.UtcDateTime && f.TimeReceived < Range.To.UtcDateTime).ToList();
        // Ranked by total, then by key with the NULL key last, as the service documents.
        var ranked = inRange.GroupBy(OriginAsOf)
            .OrderByDescending(g => g.Sum(f => (decimal)f.ScaledBytes)).ThenBy(g => g.Key is null).ThenBy(g => g.Key)
            .ToList();
        var series = ranked.Take(limit).Select(g => (g.Key?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none", Rates(g))).ToList();
        var other = Rates(ranked.Skip(limit).SelectMany(g => g));
        if (other.Any(rate => rate != 0))
        {
            series.Add((TrafficSeries.OtherKey, other));
        }
        return series;
    }

    private static double[] Rates(IEnumerable<FlowRecord> flows)
    {
        var end = Range.To.ToUnixTimeSeconds();
        var sums = new long[(int)Math.Ceiling((end - FirstBucket) / (double)Step)];
        foreach (var flow in flows)
        {
            var seconds = new DateTimeOffset(flow.TimeReceived, TimeSpan.Zero).ToUnixTimeMilliseconds() / 1000.0;
            sums[(int)((long)Math.Floor(seconds / Step) * Step - FirstBucket) / Step] += (long)flow.ScaledBytes;
        }
        // The service's arithmetic: the exact sum as a double, times 8 bits over the step.
        return [.. sums.Select(sum => sum * (8.0 / Step))];
    }

    private static long? OriginAsOf(FlowRecord flow) => flow.TrafficDirection switch
    {
        TrafficDirection.In => flow.SrcAs,
        TrafficDirection.Out => flow.DstAs,
        _ => null,
    };

    /// <summary>The input interface's class when that interface is external, else the output interface's (0004_enrichment.sql).</summary>
    private static string? ConnectivityOf(FlowRecord flow)
    {
        if (flow.Exporter == FlowAddress.None)
        {
            return null;
        }
        (string Exporter, uint IfIndex, string Connectivity, string? Provider, string Boundary)? Find(uint ifIndex) =>
            Classes.Where(c => FlowAddress.Parse(c.Exporter) == flow.Exporter && c.IfIndex == ifIndex)
                .Select(c => ((string, uint, string, string?, string)?)c).FirstOrDefault();
        var input = Find(flow.InputInterface);
        return input is { Boundary: "external" } ? input.Value.Connectivity : Find(flow.OutputInterface)?.Connectivity;
    }

    private sealed class SeriesComparer : IEqualityComparer<(string Key, double[] Rates)>
    {
        public static readonly SeriesComparer Instance = new();

        public bool Equals((string Key, double[] Rates) x, (string Key, double[] Rates) y) => x.Key == y.Key && x.Rates.SequenceEqual(y.Rates);

        public int GetHashCode((string Key, double[] Rates) obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
