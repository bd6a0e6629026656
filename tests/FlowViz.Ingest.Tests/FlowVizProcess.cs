using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using FlowViz.Storage.Embedded;

namespace FlowViz.Ingest.Tests;

/// <summary>
/// The real app, <c>dotnet flowviz.dll</c>, as a child process with its own data directory (embedded PostgreSQL and
/// spool inside it) and a fixed UDP port, so it can be killed and started again on the same state.
/// </summary>
internal sealed class FlowVizProcess : IDisposable
{
    private static readonly string Dll = typeof(FlowVizProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FlowVizDll").Value!;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FlowVizProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static async Task<FlowVizProcess> StartAsync(string dataDirectory, int collectorPort, params string[] settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            // The app reads appsettings.json from its content root, the working directory.
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(Dll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            Path.GetFullPath(Dll),
            $"--FlowViz:DataDirectory={dataDirectory}",
            $"--Collector:Listen:0=127.0.0.1:{collectorPort}",
            $"--Urls=http://127.0.0.1:{FreeTcpPort()}",
            "--Logging:Console:FormatterName=simple",
            "--Auth:AnonymousRead=true", // these tests read the API without logging in
            .. settings,
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var app = new FlowVizProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
        app._process.OutputDataReceived += (_, e) => app.Collect(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Collect(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        var exited = app._process.WaitForExitAsync();
        var first = await Task.WhenAny(app._started.Task, exited, Task.Delay(TimeSpan.FromSeconds(90)));
        if (first != app._started.Task)
        {
            app.Kill();
            throw new InvalidOperationException($"flowviz did not start:\n{app.Output}");
        }
        return app;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(); // SIGKILL on Unix
            _process.WaitForExit();
        }
    }

    /// <summary>SIGTERM, as systemd or docker stop sends it; waits for the process to exit.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
    }

    /// <summary>Stops the embedded PostgreSQL behind the app's back: the database is away.</summary>
    public static async Task StopDatabaseAsync(string dataDirectory)
    {
        var pgData = Path.Combine(dataDirectory, "postgres", "data");
        if (!File.Exists(Path.Combine(pgData, "postmaster.pid")))
        {
            return;
        }
        var pgCtl = Path.Combine(PostgresBinaries.Locate(), "pg_ctl");
        var info = new ProcessStartInfo(Environment.IsPrivilegedProcess ? "runuser" : pgCtl) { WorkingDirectory = "/", UseShellExecute = false };
        foreach (var argument in (string[])[.. Environment.IsPrivilegedProcess ? ["-u", "postgres", "--", pgCtl] : Array.Empty<string>(),
                     "-D", pgData, "-m", "fast", "-w", "stop"])
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        await process.WaitForExitAsync();
    }

    public static string ConnectionString(string dataDirectory) =>
        $"Host={Path.Combine(dataDirectory, "postgres", "run")};Port={EmbeddedPostgres.Port};Username={EmbeddedPostgres.SuperUser};Database=flowviz;Pooling=false";

    public static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }
}
