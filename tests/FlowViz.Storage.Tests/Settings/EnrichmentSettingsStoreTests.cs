using FlowViz.Core.Versioning;
using FlowViz.Storage.Settings;
using FlowViz.Storage.Tests.Infrastructure;

namespace FlowViz.Storage.Tests.Settings;

/// <summary>Versioned local networks and application rules (0008) on a real PostgreSQL: seeding, versions, history, 409.</summary>
public sealed class EnrichmentSettingsStoreTests(PostgresServerFixture server) : IAsyncLifetime
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly MigratedDatabaseFixture _database = new(server);
    private EnrichmentSettingsStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _store = new EnrichmentSettingsStore(_database.DataSource);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task SeedAsync_EmptyTables_SavesConfigurationAsFirstVersion()
    {
        var seeded = await _store.Applications.SeedAsync([new("minecraft", "tcp", "25565"), new("gre", "gre", "")], "from configuration", Cancellation);

        Assert.NotNull(seeded);
        Assert.Equal((1L, "configuration", (string?)null), (seeded.Version, seeded.Source, seeded.SavedBy));
        Assert.Equal([new("minecraft", "tcp", "25565"), new("gre", "gre", "")], (await _store.Applications.ReadAsync(null, Cancellation))!.Rows);
    }

    [Fact]
    public async Task SeedAsync_SameConfigurationAgain_WritesNothing()
    {
        await _store.Networks.SeedAsync([new("office", "2001:DB8:1::/48"), new("lab", "192.0.2.0/24")], "seed", Cancellation);

        // The database prints the prefix in lower case; the same network is no change.
        var again = await _store.Networks.SeedAsync([new("office", "2001:db8:1::/48"), new("lab", " 192.0.2.0/24 ")], "seed", Cancellation);

        Assert.Null(again);
        Assert.Single(await _store.Networks.HistoryAsync(Cancellation));
    }

    [Fact]
    public async Task SeedAsync_ConfigurationChanged_NewVersionOnlyWhileConfigurationIsInForce()
    {
        await _store.Networks.SeedAsync([new("lab", "192.0.2.0/24")], "seed", Cancellation);
        var reseeded = await _store.Networks.SeedAsync([new("lab", "198.51.100.0/24")], "seed", Cancellation);
        Assert.Equal(2, reseeded?.Version);

        await _store.Networks.SaveAsync([new("edited", "203.0.113.0/24")], editedVersion: 2, "alice", "by hand", Cancellation);
        var afterPersonSaved = await _store.Networks.SeedAsync([new("lab", "10.0.0.0/8")], "seed", Cancellation);

        Assert.Null(afterPersonSaved);
        Assert.Equal([new LocalNetworkRow("edited", "203.0.113.0/24")], (await _store.Networks.ReadAsync(null, Cancellation))!.Rows);
    }

    [Fact]
    public async Task SaveAsync_CurrentVersion_AppendsVersionKeepingHistory()
    {
        await _store.Applications.SeedAsync([], "seed", Cancellation);

        var second = await _store.Applications.SaveAsync([new("game", "udp", "27015-27030"), new("game", "tcp", "27015")], 1, "alice", "steam", Cancellation);
        var third = await _store.Applications.SaveAsync([new("web-alt", "tcp", "8443")], 2, "bob", null, Cancellation);

        Assert.Equal((2L, 3L), (second.Version, third.Version));
        var history = await _store.Applications.HistoryAsync(Cancellation);
        Assert.Equal([3L, 2L, 1L], history.Select(v => v.Version));
        Assert.Equal(["bob", "alice", null], history.Select(v => v.SavedBy));
        Assert.Equal(["api", "api", "configuration"], history.Select(v => v.Source));
        Assert.Equal([new("game", "udp", "27015-27030"), new("game", "tcp", "27015")], history[1].Rows);
        Assert.Equal("steam", (await _store.Applications.ReadAsync(2, Cancellation))!.Comment);
        Assert.Equal([new ApplicationRuleRow("web-alt", "tcp", "8443")], (await _store.Applications.ReadAsync(null, Cancellation))!.Rows);
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_ThrowsWithCurrentVersionAndWritesNothing()
    {
        await _store.Networks.SeedAsync([new("lab", "192.0.2.0/24")], "seed", Cancellation);
        await _store.Networks.SaveAsync([new("first", "198.51.100.0/24")], 1, "alice", null, Cancellation);

        var stale = await Assert.ThrowsAsync<StaleVersionException>(() =>
            _store.Networks.SaveAsync([new("second", "203.0.113.0/24")], 1, "bob", null, Cancellation));

        Assert.Equal((1L, 2L), (stale.EditedVersion, stale.CurrentVersion));
        Assert.Equal(2, (await _store.Networks.HistoryAsync(Cancellation)).Count);
        Assert.Equal("first", (await _store.Networks.ReadAsync(null, Cancellation))!.Rows.Single().Name);
    }

    [Fact]
    public async Task SaveAsync_NoVersionStoredButEditNamesOne_IsStale()
    {
        var stale = await Assert.ThrowsAsync<StaleVersionException>(() =>
            _store.Applications.SaveAsync([new("x", "tcp", "1")], 7, "alice", null, Cancellation));

        Assert.Null(stale.CurrentVersion);
    }

    [Fact]
    public async Task SaveAsync_ConcurrentSavesOfOneVersion_ExactlyOneWins()
    {
        await _store.Applications.SeedAsync([], "seed", Cancellation);

        var saves = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await _store.Applications.SaveAsync([new($"app{i}", "tcp", $"{1000 + i}")], 1, $"user{i}", null, Cancellation);
                return true;
            }
            catch (StaleVersionException)
            {
                return false;
            }
        }, Cancellation)).ToList();

        Assert.Equal(1, (await Task.WhenAll(saves)).Count(won => won));
        Assert.Equal(2, (await _store.Applications.HistoryAsync(Cancellation)).Count);
    }

    [Fact]
    public async Task SaveAsync_PrefixWithHostBits_DatabaseRefusesIt()
    {
        await _store.Networks.SeedAsync([], "seed", Cancellation);

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _store.Networks.SaveAsync([new("bad", "192.0.2.1/24")], 1, "alice", null, Cancellation));

        Assert.Single(await _store.Networks.HistoryAsync(Cancellation));
    }
}
