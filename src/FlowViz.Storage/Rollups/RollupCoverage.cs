using Npgsql;

namespace FlowViz.Storage.Rollups;

/// <summary>
/// Per resolution, the interval whose buckets are complete in every cube (<c>rollup_state</c>): the query service
/// reads a rollup only inside it and takes the rest from a finer rollup or the raw flows.
/// </summary>
public sealed class RollupCoverage
{
    public static RollupCoverage None { get; } = new(new Dictionary<string, TimeInterval>());

    private readonly IReadOnlyDictionary<string, TimeInterval> _byResolution;

    public RollupCoverage(IReadOnlyDictionary<string, TimeInterval> byResolution) => _byResolution = byResolution;

    /// <summary>The complete interval of a resolution; empty when it was never built.</summary>
    public TimeInterval Of(RollupResolution resolution) =>
        _byResolution.TryGetValue(resolution.Name, out var interval) ? interval : default;

    public static async Task<RollupCoverage> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT resolution, covered_from, covered_to FROM rollup_state", connection);
        var intervals = new Dictionary<string, TimeInterval>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            intervals[reader.GetString(0)] = new TimeInterval(
                reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2));
        }
        return new RollupCoverage(intervals);
    }
}
