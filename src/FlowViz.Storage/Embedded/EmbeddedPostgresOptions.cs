namespace FlowViz.Storage.Embedded;

/// <summary>Where and how <see cref="EmbeddedPostgres"/> runs its cluster.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>FlowViz's directory for the cluster: <c>data/</c> (PGDATA), <c>run/</c> (socket), <c>postgres.log</c>.</summary>
    public required string Directory { get; init; }

    /// <summary>Directory of initdb, pg_ctl and postgres; found by <see cref="PostgresBinaries.Locate"/> when null.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>
    /// False trades crash safety for speed (initdb --no-sync, fsync and synchronous_commit off): for tests
    /// and throw-away clusters only.
    /// </summary>
    public bool Durable { get; init; } = true;

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
