using FlowViz.Storage.Embedded;
using Npgsql;

namespace FlowViz.Web.Hosting.Commands;

/// <summary>
/// The database for a CLI command. With the embedded cluster already running (FlowViz is up) its socket is used
/// as it is and never stopped: starting or stopping it here would pull it from under the server.
/// </summary>
internal sealed class CommandDatabase : IAsyncDisposable
{
    private readonly FlowVizDatabase? _owned;

    private CommandDatabase(string connectionString, FlowVizDatabase? owned)
    {
        ConnectionString = connectionString;
        _owned = owned;
    }

    public string ConnectionString { get; }

    public static async Task<CommandDatabase> OpenAsync(IConfiguration configuration)
    {
        var socketDirectory = Path.Combine(DataDirectory.Resolve(configuration), "postgres", "run");
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(FlowVizDatabase.ConnectionStringName))
            && File.Exists(Path.Combine(socketDirectory, $".s.PGSQL.{EmbeddedPostgres.Port}")))
        {
            var running = new NpgsqlConnectionStringBuilder
            {
                Host = socketDirectory,
                Port = EmbeddedPostgres.Port,
                Username = EmbeddedPostgres.SuperUser,
                Database = "flowviz",
            }.ConnectionString;
            return new CommandDatabase(running, owned: null);
        }
        var opened = await FlowVizDatabase.OpenAsync(configuration, CancellationToken.None);
        return new CommandDatabase(opened.ConnectionString, opened);
    }

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
