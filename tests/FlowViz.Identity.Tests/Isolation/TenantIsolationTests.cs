using FlowViz.Core.Counters;
using FlowViz.Core.Filtering;
using FlowViz.Core.Flows;
using FlowViz.Core.Queries;
using FlowViz.Identity.Scoping;
using FlowViz.Identity.Tenants;
using FlowViz.Identity.Tests.Infrastructure;
using FlowViz.Core.Interfaces;
using FlowViz.Storage.Counters;
using FlowViz.Storage.Interfaces;
using FlowViz.Storage.Queries;
using Microsoft.Extensions.Logging.Abstractions;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FlowViz.Identity.Tests.Isolation;

/// <summary>
/// The proof of issue #8: for generated tenants, scopes, flows, interface classes and filters (hostile ones included:
/// or/not/parentheses, other tenants' scopes), what a tenant gets from the scoped services over all flows equals what
/// unscoped services answer over a second database holding only the flows its scope and filter admit, chosen in
/// memory by <see cref="IsolationEvaluator"/>. Checked: summary (also summed in memory), top-N with "other" by every
/// dimension, series by several, the AS endpoints' queries (interfaces of an AS, ASes of an interface, traffic via a
/// connectivity class), the raw flow pages and the CSV stream, and the interfaces list. Seed: FLOWVIZ_ISOLATION_SEED,
/// else a fixed one (CI) plus a random one; every failure names its seed.
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
        var classes = world.Classes();
        await _all.CreateWriter().WriteAsync(flows, ct);
        await SetInterfacesAsync(_all.DataSource, classes, ct);
        await SetInterfacesAsync(_expected.DataSource, classes, ct);
        await WriteCountersAsync(_all.DataSource, ct);
        var evaluator = new IsolationEvaluator(classes);
        var tenants = _all.Services.GetRequiredService<TenantDirectory>();
        var cases = 0;
        for (var t = 0; t < 8; t++)
        {
            var tenant = await tenants.CreateAsync($"tenant{seed}_{t}", world.Scope(), "test", ct);
            // Through the database and back, as a viewer's scope is read.
            var scope = await _all.Services.GetRequiredService<ViewerScopes>().ForTenantAsync(tenant.Id, ct);
            var viewer = new FixedViewer(scope);
            var queries = new ScopedTrafficQueries(new TrafficQueries(_all.DataSource), viewer);
            var records = new ScopedFlowRecordQueries(new FlowRecordQueries(_all.DataSource), viewer);
            var scopeText = $"seed {seed} (FLOWVIZ_ISOLATION_SEED={seed} reproduces it), scope '{TenantScopeText.Format(tenant.Scope)}'";
            await CheckInterfacesAsync(new ScopedInterfaceCatalog(Catalog(_all.DataSource), viewer), tenant.Scope, scopeText, ct);
            await CheckCountersAsync(new ScopedInterfaceCounterQueries(new InterfaceCounterQueries(_all.DataSource), viewer), tenant.Scope, scopeText, ct);
            for (var f = 0; f < 6; f++, cases++)
            {
                var filter = world.Filter();
                var admitted = flows.Where(flow => evaluator.Matches(scope.Restriction!, flow)
                    && (filter is null || evaluator.Matches(filter, flow))).ToArray();
                var context = $"{scopeText}, filter '{filter}'";
                await CheckAsync(queries, filter, admitted, context, ct);
                await CheckAsEndpointsAsync(queries, filter, world, context, ct);
                await CheckFlowsAsync(records, filter, admitted, context, ct);
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
        foreach (var by in (FlowDimension[])[FlowDimension.Protocol, FlowDimension.SrcAddr, FlowDimension.Exporter, FlowDimension.Application,
            FlowDimension.LocalHost, FlowDimension.OriginAs, FlowDimension.InputInterface, FlowDimension.Connectivity])
        {
            var expected = await reference.SeriesAsync(new SeriesQuery(Range, by, TrafficMetric.Bits, 300, 3), ct);
            var actual = await tenant.SeriesAsync(new SeriesQuery(Range, by, TrafficMetric.Bits, 300, 3, filter), ct);
            Assert.True(SameSeries(expected, actual), $"series by {by} differs: {context}");
        }
    }

    /// <summary>
    /// The queries of <c>/api/v1/as/…</c> and <c>/api/v1/interfaces/{exporter}/{ifIndex}/as</c> (AsAnalysisApi): the
    /// endpoint's own filter ANDed with the user's, through the same scoped service. The reference applies only the
    /// endpoint's part, since its database holds only what scope and user filter admit.
    /// </summary>
    private async Task CheckAsEndpointsAsync(ScopedTrafficQueries tenant, FilterExpression? filter, IsolationWorld world, string context, CancellationToken ct)
    {
        var reference = new TrafficQueries(_expected.DataSource);
        var asNumber = world.SomeAs();
        var (exporter, ifIndex) = world.SomeInterface();
        FilterExpression On(FilterSide side) => new AndFilter(
            new ExporterFilter(FilterValues.HostNetwork(exporter)), new NumberFilter(NumberSubject.Interface, side, FilterComparison.Equal, ifIndex));
        (FlowDimension By, FilterExpression Shape)[] shapes =
        [
            (FlowDimension.InputInterface, new NumberFilter(NumberSubject.As, FilterSide.Src, FilterComparison.Equal, asNumber)),
            (FlowDimension.OutputInterface, new NumberFilter(NumberSubject.As, FilterSide.Dst, FilterComparison.Equal, asNumber)),
            (FlowDimension.SrcAs, On(FilterSide.Src)),
            (FlowDimension.DstAs, On(FilterSide.Dst)),
            (FlowDimension.OriginAs, new LabelFilter(LabelSubject.Connectivity, FilterSide.Either, world.SomeConnectivity())),
        ];
        foreach (var (by, shape) in shapes)
        {
            var expected = await reference.TopAsync(new TopQuery(Range, by, TrafficMetric.Bytes, 3, shape), ct);
            var actual = await tenant.TopAsync(new TopQuery(Range, by, TrafficMetric.Bytes, 3, filter is null ? shape : new AndFilter(shape, filter)), ct);
            Assert.True(expected.Rows.SequenceEqual(actual.Rows) && expected.Other == actual.Other, $"AS endpoint top by {by} with '{shape}' differs: {context}");
        }
    }

    /// <summary>The flow explorer's pages (<c>/api/v1/flows</c>) and the CSV stream hold exactly the admitted flows.</summary>
    private static async Task CheckFlowsAsync(ScopedFlowRecordQueries records, FilterExpression? filter, FlowRecord[] admitted, string context, CancellationToken ct)
    {
        // Interface-class filters included: the raw flow list joins the classes as the rollup queries do.
        var expected = admitted.Select(Key).Order(StringComparer.Ordinal).ToList();
        var paged = new List<string>();
        FlowCursor? after = null;
        do
        {
            var page = await records.PageAsync(new FlowListQuery(Range, filter, Limit: 97, After: after), ct);
            paged.AddRange(page.Flows.Select(Key));
            after = page.Next;
        }
        while (after is not null);
        var streamed = new List<string>();
        await foreach (var flow in records.StreamAsync(new FlowListQuery(Range, filter, Limit: null), ct))
        {
            streamed.Add(Key(flow));
        }
        Assert.True(expected.SequenceEqual(paged.Order(StringComparer.Ordinal)), $"flow pages differ ({paged.Count} rows, {expected.Count} expected): {context}");
        Assert.True(expected.SequenceEqual(streamed.Order(StringComparer.Ordinal)), $"flow stream (CSV) differs ({streamed.Count} rows, {expected.Count} expected): {context}");
    }

    // The fields a flow is stored with and read back unchanged (counters may come back scaled by sampling).
    private static string Key(FlowRecord f) =>
        $"{f.TimeReceived.Ticks}|{f.Exporter}|{f.SrcAddr}|{f.DstAddr}|{f.SrcPort}|{f.DstPort}|{f.Protocol}|{f.InputInterface}|{f.OutputInterface}" +
        $"|{f.SrcAs}|{f.DstAs}|{f.Application}|{f.SrcCountry}|{f.DstCountry}|{(int)f.TrafficDirection}";

    /// <summary>The interfaces list: exactly the known interfaces the tenant's scope names.</summary>
    private static async Task CheckInterfacesAsync(ScopedInterfaceCatalog catalog, IEnumerable<TenantScopeEntry> entries, string context, CancellationToken ct)
    {
        var named = entries.Where(e => e.Kind == TenantScopeKind.Interface).Select(e => (e.Exporter!.ToString(), e.InterfaceIndex!.Value)).ToHashSet();
        var expected = IsolationWorld.AllInterfaces().Select(i => (i.Exporter.ToString(), (long)i.IfIndex)).Where(named.Contains).ToHashSet();
        var listed = (await catalog.ListAsync(ct)).Select(i => (i.Interface.Exporter.ToString(), i.Interface.IfIndex)).ToList();
        Assert.True(expected.SetEquals(listed) && listed.Count == expected.Count, $"interfaces list differs ({string.Join(", ", listed)}): {context}");
    }

    /// <summary>Interface counters: the rates and series of exactly the interfaces the scope names, equal to the unscoped ones.</summary>
    private async Task CheckCountersAsync(ScopedInterfaceCounterQueries counters, IEnumerable<TenantScopeEntry> entries, string context, CancellationToken ct)
    {
        var unscoped = new InterfaceCounterQueries(_all.DataSource);
        var named = entries.Where(e => e.Kind == TenantScopeKind.Interface).Select(e => (e.Exporter!.ToString(), e.InterfaceIndex!.Value)).ToHashSet();
        var expected = (await unscoped.RatesAsync(Range, ct)).Where(r => named.Contains((r.Exporter.ToString(), r.IfIndex))).ToList();
        var rates = await counters.RatesAsync(Range, ct);
        Assert.True(expected.SequenceEqual(rates), $"interface counter rates differ ({string.Join(", ", rates.Select(r => r.Key))}): {context}");
        foreach (var (exporter, ifIndex) in IsolationWorld.AllInterfaces())
        {
            var series = await counters.SeriesAsync(exporter, ifIndex, Range, 300, ct);
            var all = await unscoped.SeriesAsync(exporter, ifIndex, Range, 300, ct);
            var visible = named.Contains((exporter.ToString(), (long)ifIndex));
            Assert.True(all.Count > 0 && (visible ? series.SequenceEqual(all) : series.Count == 0),
                $"counter series of {exporter} if {ifIndex} ({(visible ? "named" : "not named")}) differs: {context}");
        }
    }

    /// <summary>Two polls of every pool interface, a minute apart, each interface with its own rate.</summary>
    private static async Task WriteCountersAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var polls = IsolationWorld.AllInterfaces().SelectMany(i => new[] { 1, 2 }.Select(minute => new InterfaceCounterRecord
        {
            TimeReceived = IsolationWorld.T0.AddMinutes(minute).UtcDateTime,
            Exporter = FlowAddress.Parse(i.Exporter.ToString()),
            IfIndex = i.IfIndex,
            IfSpeed = 1_000_000_000,
            InOctets = (ulong)(minute * 1_000 * (i.IfIndex + 1)),
            OutOctets = (ulong)(minute * 2_000 * (i.IfIndex + 1)),
        })).ToList();
        await new InterfaceCounterWriter(dataSource).WriteAsync(polls, ct);
    }

    private static InterfaceCatalog Catalog(NpgsqlDataSource dataSource) =>
        new(dataSource, new InterfaceSources(dataSource, new InterfaceClassesRebuilder(NullLogger<InterfaceClassesRebuilder>.Instance), TimeProvider.System));

    /// <summary>Every pool interface known (as options data would report it), then the world's classes set as the rules would.</summary>
    private static async Task SetInterfacesAsync(NpgsqlDataSource dataSource, Dictionary<(System.Net.IPAddress Exporter, uint IfIndex), InterfaceClass> classes, CancellationToken ct)
    {
        var observed = IsolationWorld.AllInterfaces().Select(i => new ObservedInterface(i.Exporter, i.IfIndex, $"if{i.IfIndex}", null, null)).ToList();
        await new InterfaceSources(dataSource, new InterfaceClassesRebuilder(NullLogger<InterfaceClassesRebuilder>.Instance), TimeProvider.System)
            .RecordObservedAsync(observed, ct);
        await using (var clear = dataSource.CreateCommand("DELETE FROM interface_classes"))
        {
            await clear.ExecuteNonQueryAsync(ct);
        }
        foreach (var ((exporter, ifIndex), value) in classes)
        {
            await using var insert = dataSource.CreateCommand(
                "INSERT INTO interface_classes (if_exporter, if_index, connectivity, provider, boundary) VALUES ($1, $2, $3, $4, $5)");
            insert.Parameters.AddWithValue(exporter);
            insert.Parameters.AddWithValue((long)ifIndex);
            insert.Parameters.AddWithValue((object?)value.Connectivity ?? DBNull.Value);
            insert.Parameters.AddWithValue((object?)value.Provider ?? DBNull.Value);
            insert.Parameters.AddWithValue((object?)value.Boundary ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync(ct);
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
