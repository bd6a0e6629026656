using FlowViz.Core.Flows;
using FlowViz.Storage.Tests.Infrastructure;
using static FlowViz.Storage.Tests.Rollups.RollupFlows;

namespace FlowViz.Storage.Tests.Rollups;

/// <summary>
/// A week of generated flows from <see cref="Start"/> (a Thursday: epoch weeks start on Thursdays) plus six hours, and
/// how the week tests put them in a database: written with the product's writer, the interface classes added, the
/// builder run once from scratch with 14 days of 1-minute retention (the default 7 days would start a fresh builder
/// inside the week).
/// </summary>
public sealed class RolledUpWeek(DateTimeOffset start, int seed)
{
    public static readonly FlowVizStorageOptions Options14Days = new() { RollupMinuteRetention = TimeSpan.FromDays(14) };

    public DateTimeOffset Start { get; } = start;

    public DateTimeOffset WeekEnd => Start.AddDays(7);

    public DateTimeOffset End => WeekEnd.AddHours(6);

    public FlowRecord[] Flows { get; } = Spread(Generate(1_400, seed), start, start.AddDays(7).AddHours(6));

    /// <summary>Writes <paramref name="flows"/>, adds the interface classes, runs the builder at <paramref name="now"/>.</summary>
    public async Task BuildAsync(MigratedDatabaseFixture database, FlowRecord[] flows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.CreateMaintainer().EnsurePartitionsAsync(Start.AddDays(-1), End.AddDays(2), cancellationToken);
        await database.CreateWriter().WriteAsync(flows, cancellationToken);
        await InsertClassesAsync(database.DataSource, cancellationToken);
        await RollupTrafficFixture.Builder(database.DataSource, now, Options14Days).RunOnceAsync(cancellationToken);
    }
}

/// <summary>A <see cref="RolledUpWeek"/> written and rolled up at its end + 1 min, once for a test class's read-only tests.</summary>
public abstract class BuiltRolledUpWeek(PostgresServerFixture server, RolledUpWeek week) : IAsyncLifetime
{
    public MigratedDatabaseFixture Database { get; } = new(server);

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        await week.BuildAsync(Database, week.Flows, week.End.AddMinutes(1), TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
