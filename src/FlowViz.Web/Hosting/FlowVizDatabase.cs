using FlowViz.Storage.Embedded;

namespace FlowViz.Web.Hosting;

/// <summary>
/// The database FlowViz uses: the server named by <c>ConnectionStrings:FlowViz</c>, or else a private
/// PostgreSQL cluster in the data directory that FlowViz starts now and stops when it stops.
/// </summary>
internal sealed class FlowVizDatabase : IAsyncDisposable
{
    public const string ConnectionStringName = "FlowViz";
    private const string EmbeddedDatabaseName = "flowviz";

    private readonly EmbeddedPostgres? _embedded;

    private FlowVizDatabase(string connectionString, EmbeddedPostgres? embedded)
    {
        ConnectionString = connectionString;
        _embedded = embedded;
    }

    public string ConnectionString { get; }

    public bool IsEmbedded => _embedded is not null;

    /// <summary>Where the embedded cluster lives (null when an external server is configured).</summary>
    public string? EmbeddedDirectory => _embedded?.Directory;

    public static async Task<FlowVizDatabase> OpenAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new FlowVizDatabase(configured, embedded: null);
        }
        var directory = Path.Combine(DataDirectory.Resolve(configuration), "postgres");
        var embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { Directory = directory }, cancellationToken);
        try
        {
            var connectionString = await embedded.CreateDatabaseAsync(EmbeddedDatabaseName, cancellationToken);
            return new FlowVizDatabase(connectionString, embedded);
        }
        catch
        {
            await embedded.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _embedded?.DisposeAsync() ?? ValueTask.CompletedTask;
}
