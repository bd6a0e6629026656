using System.Threading;
using FlowViz.Storage.Embedded;

[assembly: AssemblyFixture(typeof(FlowViz.Storage.Tests.Infrastructure.PostgresServerFixture))]

namespace FlowViz.Storage.Tests.Infrastructure;

/// <summary>
/// One throw-away PostgreSQL for the whole test assembly, started with the product's <see cref="EmbeddedPostgres"/>;
/// each test class works in its own database. Stopped and deleted when the assembly's tests end.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private static int _databaseCount;
    private DirectoryInfo? _directory;
    private EmbeddedPostgres? _server;

    public EmbeddedPostgres Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public async ValueTask InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("flowviz-storage-tests-");
        _server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { Directory = _directory.FullName, Durable = false });
    }

    /// <summary>Creates an empty database with a name unique within this run.</summary>
    public Task<string> CreateDatabaseAsync(string purpose) =>
        Server.CreateDatabaseAsync($"{purpose}_{Interlocked.Increment(ref _databaseCount)}");

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _directory?.Delete(recursive: true);
    }
}
