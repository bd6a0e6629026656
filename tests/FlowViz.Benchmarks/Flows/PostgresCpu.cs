using System.Globalization;

namespace FlowViz.Benchmarks.Flows;

/// <summary>
/// CPU time of one PostgreSQL cluster, as tests/benchmarks/ingest.sh counts it: the postmaster's own time plus that of
/// the children it reaped (cutime, cstime), plus every live child (backends, WAL writer, checkpointer, autovacuum).
/// Read from /proc in clock ticks of 1/100 s (USER_HZ on Linux).
/// </summary>
internal sealed class PostgresCpu(int postmasterPid)
{
    private const double TicksPerSecond = 100;

    public static PostgresCpu ForDataDirectory(string dataDirectory) =>
        new(int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture));

    /// <summary>CPU seconds used by the cluster so far.</summary>
    public double Seconds()
    {
        var ticks = Fields(postmasterPid) is { } own ? own[11] + own[12] + own[13] + own[14] : 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Fields(pid) is { } child && child[1] == postmasterPid)
            {
                ticks += child[11] + child[12];
            }
        }
        return ticks / TicksPerSecond;
    }

    /// <summary>The numeric fields of /proc/PID/stat after the command name: [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static long[]? Fields(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // exited meanwhile
        }
        var afterName = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return [0, .. afterName.Skip(1).Take(20).Select(f => long.Parse(f, CultureInfo.InvariantCulture))];
    }
}
