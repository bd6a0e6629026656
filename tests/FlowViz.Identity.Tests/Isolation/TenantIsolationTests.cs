using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Identity.Scoping;
using FlowViz.Identity.Tenants;
using FlowViz.Identity.Tests.Infrastructure;
using FlowViz.Storage.Queries;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FlowViz.Identity.Tests.Isolation;

/// <summary>
/// The proof of issue #8: for generated tenants, scopes, flows and filters (hostile ones included), what a tenant
/// gets from the scoped query service over all flows equals what an unscoped, unfiltered service answers over a
/// second database holding only the flows its scope and filter admit, chosen in memory by FilterEvaluator. Totals
/// are also summed in memory. Seed: FLOWVIZ_ISOLATION_SEED, else a fixed one (CI); every failure names its seed.
/// </summary>
public sealed class TenantIsolationTests(PostgresServerFixture server) : IAsyncLifetime
{
    private const int FixedSeed = 20261123;
    private static readonly TimeRange Range = new(IsolationWorld.T0, IsolationWorld.T0.AddMinutes(30));

    private readonly AccountsDatabase _all = new(server);
    private readonly AccountsDatabase _expected = new(server);

    public async ValueTask InitializeAsync()
    {
        await _all.InitializeAsync();
        await _expected.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _all.DisposeAsync();
        await _expected.DisposeAsync();
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int> { FixedSeed };
        var chosen = Environment.GetEnvironmentVariable("FLOWVIZ_ISOLATION_SEED");
        data.Add(chosen is null ? Random.Shared.Next() : int.Parse(chosen, System.Globalization.CultureInfo.InvariantCulture));
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task TenantAnswers_EqualTheAnswersOverOnlyItsFlows(int seed)
    {
        var ct = TestContext.Current.CancellationToken;
        var world = new IsolationWorld(seed);
        var flows = world.Flows(600);
        await _all.CreateWriter().WriteAsync(flows, ct);
        var tenants = _all.Services.GetRequiredService<TenantDirectory>();
        var cases = 0;
        for (var t = 0; t < 8; t++)
        {
            var tenant = await tenants.CreateAsync($"tenant{seed}_{t}", world.Scope(), "test", ct);
            // Through the database and back, as a viewer's scope is read.
            var scope = await _all.Services.GetRequiredService<ViewerScopes>().ForTenantAsync(tenant.Id, ct);
            var queries = new ScopedTrafficQueries(new TrafficQueries(_all.DataSource), new FixedViewer(scope));
            for (var f = 0; f < 6; f++, cases++)
            {
                var filter = world.Filter();
                var admitted = flows.Where(flow => FilterEvaluator.Matches(scope.Restriction!, flow)
                    && (filter is null || FilterEvaluator.Matches(filter, flow))).ToArray();
                var context = $"seed {seed} (FLOWVIZ_ISOLATION_SEED={seed} reproduces it), scope '{TenantScopeText.Format(tenant.Scope)}', filter '{filter}'";
                await CheckAsync(queries, filter, admitted, context, ct);
            }
        }
        Assert.Equal(48, cases);
    }

    private async Task CheckAsync(ScopedTrafficQueries tenant, FilterExpression? filter, FlowRecord[] admitted, string context, CancellationToken ct)
    {
        await ReplaceFlowsAsync(_expected.DataSource, admitted, ct);
        var reference = new TrafficQueries(_expected.DataSource);

        var summed = new TrafficTotals(admitted.Length, admitted.Sum(f => (long)f.ScaledPackets), admitted.Sum(f => (long)f.ScaledBytes));
        Assert.True(summed == await tenant.SummaryAsync(new SummaryQuery(Range, filter), ct), $"summary differs: {context}");
        if (filter is null)
        {
            Assert.True(summed == await tenant.SummaryAsync(Range, ct), $"unfiltered summary differs: {context}");
        }
        foreach (var by in Enum.GetValues<FlowDimension>())
        {
            var expected = await reference.TopAsync(new TopQuery(Range, by, TrafficMetric.Bytes, 3), ct);
            var actual = await tenant.TopAsync(new TopQuery(Range, by, TrafficMetric.Bytes, 3, filter), ct);
            Assert.True(expected.Rows.SequenceEqual(actual.Rows) && expected.Other == actual.Other, $"top by {by} differs: {context}");
        }
        foreach (var by in (FlowDimension[])[FlowDimension.Protocol, FlowDimension.SrcAddr, FlowDimension.Exporter])
        {
            var expected = await reference.SeriesAsync(new SeriesQuery(Range, by, TrafficMetric.Bits, 300, 3), ct);
            var actual = await tenant.SeriesAsync(new SeriesQuery(Range, by, TrafficMetric.Bits, 300, 3, filter), ct);
            Assert.True(SameSeries(expected, actual), $"series by {by} differs: {context}");
        }
    }

    private static bool SameSeries(SeriesResult expected, SeriesResult actual) =>
        expected.StepSeconds == actual.StepSeconds
        && expected.Series.Count == actual.Series.Count
        && expected.Series.Zip(actual.Series).All(pair =>
            pair.First.Key == pair.Second.Key && pair.First.Label == pair.Second.Label && pair.First.Points.SequenceEqual(pair.Second.Points));

    private async Task ReplaceFlowsAsync(NpgsqlDataSource dataSource, FlowRecord[] flows, CancellationToken ct)
    {
        await using (var truncate = dataSource.CreateCommand("TRUNCATE flows"))
        {
            await truncate.ExecuteNonQueryAsync(ct);
        }
        if (flows.Length > 0)
        {
            await _expected.CreateWriter().WriteAsync(flows, ct);
        }
    }
}
