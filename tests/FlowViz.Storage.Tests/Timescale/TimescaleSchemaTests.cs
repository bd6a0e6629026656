using FlowViz.Storage.Policies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlowViz.Storage.Tests.Timescale;

/// <summary>The migrations and storage policies on a real TimescaleDB: the layout, chunking, compression and jobs.</summary>
[Collection(TimescaleCollection.Name)]
public sealed class TimescaleSchemaTests(TimescaleServerFixture timescale)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrations_OnTimescaleDb_ChooseTheHypertableLayout()
    {
        Assert.Equal(FlowsLayout.Hypertable, await ScalarAsync<string>("SELECT value FROM flowviz_settings WHERE key = 'flows_layout'"));
        Assert.Equal(
            "15 days / 2 days",
            await ScalarAsync<string>("""
                SELECT (SELECT value FROM flowviz_settings WHERE key = 'raw_retention') || ' / ' ||
                       (SELECT value FROM flowviz_settings WHERE key = 'compress_after')
                """));
    }

    [Fact]
    public async Task Hypertable_Flows_HasOneHourChunksOnTimeReceivedAndCompression()
    {
        Assert.Equal(TimeSpan.FromHours(1), await ScalarAsync<TimeSpan>("""
            SELECT time_interval FROM timescaledb_information.dimensions
            WHERE hypertable_name = 'flows' AND column_name = 'time_received'
            """));
        Assert.True(await ScalarAsync<bool>(
            "SELECT compression_enabled FROM timescaledb_information.hypertables WHERE hypertable_name = 'flows'"));
    }

    [Fact]
    public async Task CompressionSettings_Flows_SegmentByExporterOrderByTimeDescending()
    {
        Assert.Equal("exporter | time_received DESC", await ScalarAsync<string>("""
            SELECT segmentby || ' | ' || orderby FROM timescaledb_information.hypertable_compression_settings
            WHERE hypertable = 'flows'::regclass
            """));
    }

    [Fact]
    public async Task Jobs_DefaultOptions_CompressAfterTwoDaysDropAfterFifteen()
    {
        Assert.Equal(["policy_compression compress_after 2 days", "policy_retention drop_after 15 days"], await JobsAsync());
    }

    [Fact]
    public async Task ApplyAsync_ChangedThenSameOptions_ReplacesJobsOnceThenKeepsThem()
    {
        var changed = new FlowVizStorageOptions { RawRetention = TimeSpan.FromDays(30), CompressAfter = TimeSpan.FromHours(12) };
        try
        {
            await PoliciesFor(changed).ApplyAsync(Cancellation);
            var ids = await ScalarAsync<string>("SELECT string_agg(job_id::text, ',' ORDER BY job_id) FROM timescaledb_information.jobs WHERE hypertable_name = 'flows'");
            await PoliciesFor(changed).ApplyAsync(Cancellation);

            Assert.Equal(["policy_compression compress_after 12:00:00", "policy_retention drop_after 30 days"], await JobsAsync());
            Assert.Equal(ids, await ScalarAsync<string>("SELECT string_agg(job_id::text, ',' ORDER BY job_id) FROM timescaledb_information.jobs WHERE hypertable_name = 'flows'"));
            Assert.Equal("30 days", await ScalarAsync<string>("SELECT value FROM flowviz_settings WHERE key = 'raw_retention'"));
        }
        finally
        {
            // The collection shares one database: leave the defaults for the other tests.
            await PoliciesFor(new FlowVizStorageOptions()).ApplyAsync(CancellationToken.None);
        }
    }

    private StoragePolicies PoliciesFor(FlowVizStorageOptions options) =>
        new(timescale.DataSource, Options.Create(options), NullLogger<StoragePolicies>.Instance);

    private async Task<List<string>> JobsAsync()
    {
        await using var command = timescale.DataSource.CreateCommand("""
            SELECT proc_name || ' ' || key || ' ' || (config->>key)::interval::text
            FROM timescaledb_information.jobs,
                 LATERAL (SELECT CASE proc_name WHEN 'policy_compression' THEN 'compress_after' ELSE 'drop_after' END AS key) k
            WHERE hypertable_name = 'flows' ORDER BY 1
            """);
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var jobs = new List<string>();
        while (await reader.ReadAsync(Cancellation))
        {
            jobs.Add(reader.GetString(0));
        }
        return jobs;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = timescale.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(Cancellation))!;
    }
}
