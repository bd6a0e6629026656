using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using FlowViz.Storage.Embedded;
using Npgsql;

namespace FlowViz.Storage.Tests;

/// <summary>Life-cycle tests on a cluster of their own; everything else shares the assembly's server.</summary>
[SupportedOSPlatform("linux")]
public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("flowviz-embedded-tests-");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private EmbeddedPostgresOptions Options => new() { Directory = _directory.FullName, Durable = false };

    [Fact]
    public async Task StartAsync_ExistingClusterAfterStopOrKill_ReusesItsData()
    {
        string connectionString;
        await using (var first = await EmbeddedPostgres.StartAsync(Options, Cancellation))
        {
            connectionString = await first.CreateDatabaseAsync("kept", Cancellation);
            await ExecuteAsync(connectionString, "CREATE TABLE marker (id int); INSERT INTO marker VALUES (42)");
        }
        await using (var second = await EmbeddedPostgres.StartAsync(Options, Cancellation))
        {
            Assert.Equal(42, await ScalarAsync(connectionString, "SELECT id FROM marker"));
            KillPostmaster(second.DataDirectory); // as if FlowViz and its server died with the machine
        }
        await using var third = await EmbeddedPostgres.StartAsync(Options, Cancellation);

        Assert.Equal(42, await ScalarAsync(connectionString, "SELECT id FROM marker"));
    }

    [Fact]
    public async Task StartAsync_FreshDirectory_ListensOnlyOnPrivateSocket()
    {
        await using var server = await EmbeddedPostgres.StartAsync(Options, Cancellation);

        Assert.Equal("", await TextAsync(server.ConnectionString, "SHOW listen_addresses"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(server.SocketDirectory));
        Assert.True(File.Exists(Path.Combine(server.SocketDirectory, $".s.PGSQL.{EmbeddedPostgres.Port}")));
    }

    [Fact]
    public async Task StartAsync_ServerLeftRunning_AdoptsAndStopsIt()
    {
        var first = await EmbeddedPostgres.StartAsync(Options, Cancellation);
        var connectionString = await first.CreateDatabaseAsync("adopted", Cancellation);

        await using (var second = await EmbeddedPostgres.StartAsync(Options, Cancellation))
        {
            Assert.Equal(1, await ScalarAsync(connectionString, "SELECT 1"));
        }

        Assert.False(File.Exists(Path.Combine(first.DataDirectory, "postmaster.pid")));
        await first.DisposeAsync(); // the server is already gone: stopping again is a no-op, not an error
    }

    [Fact]
    public async Task StartAsync_AsRootInDirectoryPostgresCannotReach_ThrowsClearError()
    {
        Assert.SkipUnless(Environment.IsPrivilegedProcess, "Only root hands the cluster to the postgres user.");
        var closed = Directory.CreateDirectory(Path.Combine(_directory.FullName, "closed"));
        File.SetUnixFileMode(closed.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = new EmbeddedPostgresOptions { Directory = Path.Combine(closed.FullName, "db"), Durable = false };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EmbeddedPostgres.StartAsync(options, Cancellation));

        Assert.Contains("cannot write to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotFoundException_Message_NamesPackageAndConnectionStringSetting()
    {
        var message = new PostgresNotFoundException().Message;

        Assert.Contains("apt-get install postgresql", message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__FlowViz", message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:FlowViz", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_DebianServerInstalled_FindsServerPrograms()
    {
        Assert.True(PostgresBinaries.HasServerPrograms(PostgresBinaries.Locate()));
    }

    public void Dispose()
    {
        // Cleanup only: every test stopped its server, but a failed assertion may leave one running.
        try
        {
            KillPostmaster(Path.Combine(_directory.FullName, "data"));
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or ArgumentException)
        {
            // no postmaster.pid, or its process is gone: nothing left running
        }
        _directory.Delete(recursive: true);
    }

    private static void KillPostmaster(string dataDirectory)
    {
        var pid = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        using var postmaster = Process.GetProcessById(pid);
        postmaster.Kill(entireProcessTree: true);
        postmaster.WaitForExit();
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Cancellation);
    }

    private static async Task<int> ScalarAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (int)(await command.ExecuteScalarAsync(Cancellation))!;
    }

    private static async Task<string> TextAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (string)(await command.ExecuteScalarAsync(Cancellation))!;
    }
}
