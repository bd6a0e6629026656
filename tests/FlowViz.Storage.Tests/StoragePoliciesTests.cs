using FlowViz.Storage.Policies;
using FlowViz.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlowViz.Storage.Tests;

/// <summary>The policies on plain PostgreSQL; the TimescaleDB jobs are tested in Timescale/TimescaleSchemaTests.</summary>
public sealed class StoragePoliciesTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApplyAsync_PlainPostgres_RecordsTheSettingsForDailyPartitions()
    {
        var layout = await PoliciesFor(new FlowVizStorageOptions { RawRetention = TimeSpan.FromDays(90) }).ApplyAsync(Cancellation);

        Assert.Equal(FlowsLayout.DailyPartitions, layout);
        await using var command = database.DataSource.CreateCommand("""
            SELECT string_agg(key || '=' || value, ', ' ORDER BY key) FROM flowviz_settings
            WHERE key IN ('raw_retention', 'compress_after')
            """);
        Assert.Equal("compress_after=2 days, raw_retention=90 days", await command.ExecuteScalarAsync(Cancellation));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(15, -1)]
    public async Task ApplyAsync_NonPositiveAge_ThrowsBeforeChangingAnything(int retentionDays, int compressDays)
    {
        var options = new FlowVizStorageOptions { RawRetention = TimeSpan.FromDays(retentionDays), CompressAfter = TimeSpan.FromDays(compressDays) };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PoliciesFor(options).ApplyAsync(Cancellation));
    }

    private StoragePolicies PoliciesFor(FlowVizStorageOptions options) =>
        new(database.DataSource, Options.Create(options), NullLogger<StoragePolicies>.Instance);
}
