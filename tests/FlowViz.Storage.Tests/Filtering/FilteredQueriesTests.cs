using CsCheck;
using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Storage.Filtering;
using static FlowViz.Storage.Tests.Filtering.FilterTrafficFixture;

namespace FlowViz.Storage.Tests.Filtering;

/// <summary>The SQL answer for a filter equals <see cref="FilterEvaluator"/> over the same flows in memory.</summary>
public sealed class FilteredQueriesTests(FilterTrafficFixture traffic) : IClassFixture<FilterTrafficFixture>
{
    // Fixed, so a failure reproduces; CsCheck prints it (and the filter) on failure. Run with another seed to explore.
    private const string Seed = "0N0XIzNsQ0O9";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SummaryAsync_RandomFilters_EqualsInMemoryEvaluation()
    {
        var matchedSome = 0;
        await FilterPools.Expression.SampleAsync(
            async filter =>
            {
                var expected = Expected(filter);
                var actual = await traffic.Queries.SummaryAsync(new SummaryQuery(Window, filter), Cancellation);
                Assert.Equal(expected, actual);
                if (expected.Flows is > 0 and < Count)
                {
                    Interlocked.Increment(ref matchedSome);
                }
            },
            seed: Seed,
            iter: 400,
            threads: 1,
            print: filter => filter.ToString());
        // The pools must make filters discriminate, or the comparison above proves little.
        Assert.True(matchedSome > 100, $"only {matchedSome} of 400 filters matched some but not all flows");
    }

    [Fact]
    public async Task TopAsync_RandomFilters_RowsPlusOtherEqualFilteredTotal() =>
        await FilterPools.Expression.SampleAsync(
            async filter =>
            {
                var top = await traffic.Queries.TopAsync(new TopQuery(Window, FlowDimension.DstPort, TrafficMetric.Bytes, 3, filter), Cancellation);
                var expected = Expected(filter);
                Assert.Equal(expected, new TrafficTotals(
                    top.Rows.Sum(r => r.Flows) + top.Other.Flows,
                    top.Rows.Sum(r => r.Packets) + top.Other.Packets,
                    top.Rows.Sum(r => r.Bytes) + top.Other.Bytes));
                foreach (var row in top.Rows)
                {
                    var port = ulong.Parse(row.Key, System.Globalization.CultureInfo.InvariantCulture);
                    var portFilter = new AndFilter(filter, new NumberFilter(NumberSubject.Port, FilterSide.Dst, FilterComparison.Equal, port));
                    Assert.Equal(Expected(portFilter), new TrafficTotals(row.Flows, row.Packets, row.Bytes));
                }
            },
            seed: Seed,
            iter: 100,
            threads: 1,
            print: filter => filter.ToString());

    [Fact]
    public async Task SeriesAsync_RandomFilters_RatesTimesStepAddUpToFilteredBytes() =>
        await FilterPools.Expression.SampleAsync(
            async filter =>
            {
                var series = await traffic.Queries.SeriesAsync(new SeriesQuery(Window, FlowDimension.Protocol, TrafficMetric.Bytes, 600, 2, filter), Cancellation);
                var bytes = series.Series.Sum(s => s.Points.Sum(p => p.Rate * 600));
                Assert.Equal(Expected(filter).Bytes, bytes, precision: 3);
            },
            seed: Seed,
            iter: 100,
            threads: 1,
            print: filter => filter.ToString());

    [Theory]
    [InlineData("not src net 0.0.0.0/0 and not src net ::/0")]
    [InlineData("not exporter net 198.51.100.0/24")]
    [InlineData("src host 10.0.0.1 or dst host 10.0.0.1")]
    [InlineData("net 2001:db8::/32 and proto udp")]
    [InlineData("proto tcp and dst port in [80 443] and flags S")]
    public async Task SummaryAsync_NullAddressesUnderNot_MatchLikeNfdump(string text)
    {
        var filter = FilterParser.Parse(text);

        var actual = await traffic.Queries.SummaryAsync(new SummaryQuery(Window, filter), Cancellation);

        Assert.Equal(Expected(filter), actual);
        Assert.NotEqual(0, actual.Flows);
    }

    [Fact]
    public async Task SummaryAsync_InterfaceClassWithoutClassifiedInterfaces_MatchesNothingAndItsNegationEverything()
    {
        // Connectivity comes from interface_classes (empty here): no flow has one, so two-valued logic gives 0 and all.
        var some = await traffic.Queries.SummaryAsync(new SummaryQuery(Window, FilterParser.Parse("proto tcp and connectivity transit")), Cancellation);
        var none = await traffic.Queries.SummaryAsync(new SummaryQuery(Window, FilterParser.Parse("not connectivity transit")), Cancellation);

        Assert.Equal(TrafficTotals.Zero, some);
        Assert.Equal(Count, none.Flows);
    }

    [Fact]
    public async Task Compile_HostileValueThatBypassedTheParser_IsOnlyEverAParameter()
    {
        const string hostile = "1.2.3.4'; drop table flows; --";
        Assert.False(FilterParser.TryParse($"host {hostile}", out _, out _));
        // A view whose application column is text, to push the string itself to the server.
        var compiler = new FilterSqlCompiler(new Dictionary<FilterField, string> { [FilterField.Application] = "host(src_addr)" }, "absent");
        var compiled = compiler.Compile(new LabelFilter(LabelSubject.Application, FilterSide.Either, hostile), 1);

        await using var command = traffic.DataSource.CreateCommand($"SELECT count(*) FROM flows WHERE {compiled.Sql}");
        compiled.AddTo(command);

        Assert.Equal(0L, await command.ExecuteScalarAsync(Cancellation));
        Assert.DoesNotContain("drop", compiled.Sql, StringComparison.OrdinalIgnoreCase);
        await using var exists = traffic.DataSource.CreateCommand("SELECT to_regclass('flows') IS NOT NULL");
        Assert.Equal(true, await exists.ExecuteScalarAsync(Cancellation));
        Assert.Equal(Count, (await traffic.Queries.SummaryAsync(Window, Cancellation)).Flows);
    }

    private TrafficTotals Expected(FilterExpression filter)
    {
        var matching = traffic.Flows.Where(flow => FilterEvaluator.Matches(filter, flow)).ToList();
        return new TrafficTotals(
            matching.Count,
            matching.Sum(flow => (long)flow.ScaledPackets),
            matching.Sum(flow => (long)flow.ScaledBytes));
    }
}
