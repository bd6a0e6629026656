namespace FlowViz.Web.Hosting;

/// <summary>
/// Stops the embedded PostgreSQL when the host stops. Registered before every other hosted service, so it
/// is stopped after them: the collector drains its last batches into a database that is still up.
/// </summary>
internal sealed class EmbeddedDatabaseLifetime(FlowVizDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await database.DisposeAsync();
}
