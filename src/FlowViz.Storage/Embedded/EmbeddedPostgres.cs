using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace FlowViz.Storage.Embedded;

/// <summary>
/// A PostgreSQL cluster FlowViz runs itself when no connection string is configured, and the tests' throw-away
/// server. It listens only on a Unix socket inside its own directory (mode 0700, no TCP at all), so only the
/// FlowViz user (and root) can connect, and local trust authentication needs no password to generate or leak.
/// Because nothing listens on TCP, the port only names the socket file (.s.PGSQL.5432) and cannot clash with
/// another server; 5432 lets <c>psql -h &lt;dir&gt;/run</c> work without -p. A restart reuses the cluster.
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable
{
    public const int Port = 5432;
    public const string SuperUser = "postgres";

    // sun_path is 108 bytes on Linux, including the terminating NUL.
    private const int MaxSocketPathLength = 107;

    private readonly EmbeddedPostgresOptions _options;
    private readonly string _binDirectory;
    private bool _running;

    private EmbeddedPostgres(EmbeddedPostgresOptions options, string binDirectory)
    {
        _options = options;
        _binDirectory = binDirectory;
        Directory = Path.GetFullPath(options.Directory);
    }

    public string Directory { get; }

    public string DataDirectory => Path.Combine(Directory, "data");

    public string SocketDirectory => Path.Combine(Directory, "run");

    public string LogFile => Path.Combine(Directory, "postgres.log");

    /// <summary>Connection string of the maintenance database <c>postgres</c>; see <see cref="CreateDatabaseAsync"/>.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    /// <summary>Prepares (first run: initdb) and starts the cluster in <see cref="EmbeddedPostgresOptions.Directory"/>.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, CancellationToken cancellationToken = default)
    {
        var server = new EmbeddedPostgres(options, options.BinDirectory ?? PostgresBinaries.Locate());
        await server.StartAsync(cancellationToken);
        return server;
    }

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory,
        Port = Port,
        Username = SuperUser,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates the database unless it exists and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException("Database names are limited to lower-case letters, digits and '_'.", nameof(name));
        }
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new() { Value = name });
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // Identifiers cannot be parameters; the name was checked against a strict pattern above.
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        return ConnectionStringFor(name);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_running)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools(); // idle pooled connections would only meet a closed socket
        // A server killed behind our back is already stopped; pg_ctl would fail on its stale PID.
        if (StalePostmaster.IsServerRunning(DataDirectory))
        {
            await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], cancellationToken);
        }
        _running = false;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var socketPath = Path.Combine(SocketDirectory, $".s.PGSQL.{Port}");
        if (socketPath.Length > MaxSocketPathLength)
        {
            throw new InvalidOperationException(
                $"The database directory '{Directory}' is too long for a Unix socket path ({socketPath.Length} > {MaxSocketPathLength} characters); choose a shorter one.");
        }
        CreatePrivateDirectory(Directory);
        CreatePrivateDirectory(SocketDirectory);
        var fresh = !File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));
        await PostgresProcess.ChownAsync(Directory, cancellationToken);
        await CheckServerUserCanWriteAsync(cancellationToken);
        if (fresh)
        {
            await InitDbAsync(cancellationToken);
        }
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "flowviz.conf"), ServerSettings(), cancellationToken);
        await PostgresProcess.ChownAsync(Directory, cancellationToken);
        if (StalePostmaster.IsServerRunning(DataDirectory))
        {
            _running = true; // our previous process exited without stopping it: the same data, so adopt it
            return;
        }
        StalePostmaster.RemoveLeftovers(DataDirectory, SocketDirectory);
        var timeout = ((int)_options.StartTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-w", "-t", timeout, "start"], cancellationToken);
        _running = true;
    }

    private async Task CheckServerUserCanWriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PostgresProcess.RunAsync("test", ["-w", Directory], "/", cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            // initdb's own error here is an obscure "could not change directory"; say what to fix instead.
            throw new InvalidOperationException(
                $"The '{PostgresProcess.ServerUser}' user cannot write to '{Directory}'. Every parent directory must be " +
                "searchable by it (for example, not under /root); choose another data directory.", exception);
        }
    }

    private async Task InitDbAsync(CancellationToken cancellationToken)
    {
        List<string> arguments = ["-D", DataDirectory, "-U", SuperUser, "-E", "UTF8", "--no-locale", "--auth=trust"];
        if (!_options.Durable)
        {
            arguments.Add("--no-sync");
        }
        await RunAsync("initdb", arguments, cancellationToken);
        // Only the socket, which the 0700 directory protects; initdb's default also trusts TCP from localhost.
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "pg_hba.conf"), "local all all trust\n", cancellationToken);
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"),
            "\n# FlowViz writes its settings here on every start\ninclude_if_exists = 'flowviz.conf'\n", cancellationToken);
    }

    private string ServerSettings()
    {
        var settings = new StringBuilder()
            .AppendLine("# Written by FlowViz on every start; edit postgresql.conf (above the include) for your own settings.")
            .AppendLine("listen_addresses = ''")
            .AppendLine($"port = {Port}")
            .AppendLine($"unix_socket_directories = '{SocketDirectory.Replace("'", "''", StringComparison.Ordinal)}'")
            .AppendLine("unix_socket_permissions = 0700")
            // Ingest: the flow writers append a few hundred MB of WAL a minute at high rates. With the default 1 GB
            // max_wal_size that forces a checkpoint every few seconds (each one writing out dirty pages and restarting
            // full-page images); 4 GB and 15 min make them rare. The price: pg_wal may use up to ~4 GB of disk, and
            // recovery after a crash replays up to that much WAL (a longer restart, nothing lost).
            .AppendLine("max_wal_size = '4GB'")
            .AppendLine("checkpoint_timeout = '15min'");
        // Deliberately not changed (see tests/benchmarks/README.md for what was measured): shared_buffers and
        // wal_buffers (COPY writes through a small ring whatever their size); synchronous_commit stays on, because the collector deletes a spooled batch once its
        // COPY has committed, so a commit must be durable (off would open a window of lost flows on a crash of
        // PostgreSQL or the OS). wal_level stays replica: minimal only skips WAL for tables created or truncated in
        // the same transaction, which flow partitions never are, and it would rule out replicas and base backups.
        if (!_options.Durable)
        {
            settings.AppendLine("fsync = off").AppendLine("synchronous_commit = off").AppendLine("full_page_writes = off");
        }
        return settings.ToString();
    }

    private Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        PostgresProcess.RunAsync(Path.Combine(_binDirectory, program), arguments, Directory, cancellationToken);

    private static void CreatePrivateDirectory(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        if (OperatingSystem.IsWindows())
        {
            return; // the Unix socket and runuser make this class Unix-only anyway
        }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
